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

    func run() throws {
        let loader = ContentLoader()
        let watcher: ContentWatcher
        do {
            watcher = try ContentWatcher(root: content)
        } catch {
            DiagnosticReport.printError("error: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
        var loaded = try? fullBuild(loader)
        var live = loaded.flatMap { result in result.content.map { LiveSite(output: output, content: $0) } }
        print("watching \(content)/ for changes (Ctrl-C to stop)")
        flush()
        // Files changed since the site was last written: a failed rebuild keeps them pending,
        // so that fixing one file also renders the others edited in between.
        var pending: Set<String> = []
        while true {
            let changed = watcher.waitForChanges()
            let started = ContinuousClock.now
            let onlyArticles = changed.allSatisfy { $0.hasSuffix(".md") }
            guard onlyArticles, let previous = loaded, let site = live else {
                loaded = try? fullBuild(loader)
                live = loaded.flatMap { result in result.content.map { LiveSite(output: output, content: $0) } }
                pending = []
                continue
            }
            let reloaded = loader.reload(changed, in: previous)
            loaded = reloaded
            pending.formUnion(changed)
            guard let model = reloaded.content, reloaded.diagnostics.errorCount == 0 else {
                DiagnosticReport.print(reloaded.diagnostics)
                print("rebuild failed: \(output)/ was left as it was")
                flush()
                continue
            }
            do {
                let report = try site.update(content: model, changedFiles: pending)
                DiagnosticReport.print(report.diagnostics)
                guard report.succeeded else {
                    print("rebuild failed: \(output)/ was left as it was")
                    flush()
                    continue
                }
                pending = []
                let elapsed = (ContinuousClock.now - started).components
                let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
                print("rebuilt in \(milliseconds) ms: \(report.written) written, \(report.removed) removed (\(report.writtenPaths.sorted().joined(separator: ", ")))")
            } catch {
                DiagnosticReport.printError("error: \(error)\n")
            }
            flush()
        }
    }

    /// Loads everything and builds; nil when the content has errors (they are printed).
    private func fullBuild(_ loader: ContentLoader) throws -> ContentLoadResult? {
        let started = ContinuousClock.now
        let loaded: ContentLoadResult
        do {
            loaded = try loader.load(root: content)
        } catch {
            DiagnosticReport.printError("error: \(error)\n")
            return nil
        }
        guard let model = loaded.content, loaded.diagnostics.errorCount == 0 else {
            DiagnosticReport.print(loaded.diagnostics)
            print("build failed: \(output)/ was left as it was")
            flush()
            return nil
        }
        let report = try SiteBuilder(content: model, options: .init(output: output)).build()
        DiagnosticReport.print(loaded.diagnostics + report.diagnostics)
        guard report.succeeded else {
            print("build failed: \(output)/ was left as it was")
            flush()
            return nil
        }
        let elapsed = ContinuousClock.now - started
        print("built \(output)/ in \(elapsed.components.seconds).\(String(format: "%02d", elapsed.components.attoseconds / 10_000_000_000_000_000)) s: \(report.written) written")
        flush()
        return loaded
    }

    private func flush() {
        fflush(nil)
    }
}
