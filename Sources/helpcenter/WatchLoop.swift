internal import ArgumentParser
internal import Foundation
internal import HelpModel
internal import HelpParser
internal import SiteGenerator

/// `helpcenter build --watch`: build, then rebuild on every change until interrupted.
///
/// An edited article is re-read alone and only what it can affect is rendered (``LiveSite``);
/// a change to `helpcenter.yml`, a phrasebook or a catalog reloads everything. A build with
/// errors prints them and leaves the site as it was; the next save tries again.
struct WatchLoop {
    let content: String
    let output: String
    /// Build drafts too, with their banner (`serve` always does).
    var includeDrafts = false
    /// Told after every build, with its errors (empty when the site was written): the preview
    /// reloads open pages and shows the errors on them.
    var onBuild: ([Diagnostic]) -> Void = { _ in }

    func run() throws {
        let loader = ContentLoader()
        let watcher: ContentWatcher
        do {
            watcher = try ContentWatcher(root: content)
        } catch {
            DiagnosticReport.printError("error: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
        let site = LiveSite(output: output, includeDrafts: includeDrafts)
        var loaded = fullBuild(loader, into: site)
        print("watching \(content)/ for changes (Ctrl-C to stop)")
        flush()
        // Files changed since the site was last written: a failed rebuild keeps them pending,
        // so that fixing one file also renders the others edited in between.
        var pending: Set<String> = []
        while true {
            let changed = watcher.waitForChanges()
            let started = ContinuousClock.now
            let onlyArticles = changed.allSatisfy { $0.hasSuffix(".md") }
            // Taken out of `loaded` so that the reload updates it in place, without a copy.
            guard onlyArticles, var reloaded = loaded.take() else {
                loaded = fullBuild(loader, into: site)
                pending = []
                continue
            }
            // Only `.md` files changed: the image files are as the last load found them.
            loader.reload(changed, in: &reloaded, imagesUnchanged: true)
            loaded = reloaded
            pending.formUnion(changed)
            guard let model = reloaded.content, reloaded.diagnostics.errorCount == 0 else {
                failed(reloaded.diagnostics, "rebuild")
                continue
            }
            do {
                let report = try site.update(content: model, changedFiles: pending)
                guard report.succeeded else {
                    failed(report.diagnostics, "rebuild")
                    continue
                }
                DiagnosticReport.print(report.diagnostics)
                pending = []
                onBuild([])
                print("rebuilt in \((ContinuousClock.now - started).milliseconds) ms: \(report.written) written, \(report.removed) removed (\(report.writtenPaths.sorted().joined(separator: ", ")))")
            } catch {
                failed([Diagnostic.error("\(error)", file: output, at: SourceLocation(line: 1, column: 1))], "rebuild")
            }
            flush()
        }
    }

    /// Loads everything and builds; nil when the content has errors (they are printed).
    private func fullBuild(_ loader: ContentLoader, into site: LiveSite) -> ContentLoadResult? {
        let started = ContinuousClock.now
        let loaded: ContentLoadResult
        do {
            loaded = try loader.load(root: content)
        } catch {
            failed([Diagnostic.error("\(error)", file: content, at: SourceLocation(line: 1, column: 1))], "build")
            return nil
        }
        guard let model = loaded.content, loaded.diagnostics.errorCount == 0 else {
            failed(loaded.diagnostics, "build")
            return nil
        }
        do {
            let report = try site.rebuildAll(content: model)
            guard report.succeeded else {
                failed(loaded.diagnostics + report.diagnostics, "build")
                return nil
            }
            DiagnosticReport.print(loaded.diagnostics + report.diagnostics)
            print("built \(output)/ in \((ContinuousClock.now - started).secondsText) s: \(report.written) written")
        } catch {
            failed([Diagnostic.error("\(error)", file: output, at: SourceLocation(line: 1, column: 1))], "build")
            return nil
        }
        flush()
        onBuild([])
        return loaded
    }

    /// Prints a failed build's diagnostics and says the site was kept; the preview hears of it.
    private func failed(_ diagnostics: [Diagnostic], _ what: String) {
        // The preview first, then the terminal: whoever reads the line finds the page up to date.
        onBuild(diagnostics.filter { $0.severity == .error })
        DiagnosticReport.print(diagnostics)
        print("\(what) failed: \(output)/ was left as it was")
        flush()
    }

    private func flush() {
        fflush(nil)
    }
}
