internal import ArgumentParser
internal import Foundation
internal import HelpModel
internal import HelpParser
internal import SiteGenerator

/// `helpcenter build`: content/ → site/, writing only what changed.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Generate the static site from the content folder.",
        discussion: """
            Parses all of the content, checks chrome catalogs and links, then writes the site. \
            Nothing is written when there is an error, so a failed build leaves the previous \
            site as it was. The first build writes a staging folder and swaps it in; later \
            builds write only the files whose content changed. Exits 1 on any error (warnings \
            are printed and do not fail the build), 2 when the content cannot be read. With \
            --keep-going, articles with errors are left out and the site is written from the \
            others (still exit 1, with the list of the articles left out).
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the site to.", valueName: "dir"))
    var output: String = "site"

    @Flag(help: "Rebuild every file into a fresh folder and swap it in.")
    var clean = false

    @Flag(help: "Print how long each phase took (parse, then render and write) on standard error.")
    var timings = false

    @Flag(help: "Build drafts (draft: true) too, each with a banner, out of the sitemap: a preview, not for publishing.")
    var drafts = false

    @Flag(help: "After building, keep the site in memory and rebuild what an edit affects, until interrupted.")
    var watch = false

    @Flag(
        name: .customLong("keep-going"),
        help: "Leave out the articles with errors and write the site from the others; links to a left-out article become warnings. Still exits 1, listing the articles left out.")
    var keepGoing = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A report of 'helpcenter check --format json': each procedure it proved shows when (\"Vérifié le …\"), unless its steps changed since.",
            valueName: "file"))
    var verification: String?

    func run() throws {
        if watch {
            if keepGoing {
                DiagnosticReport.printError("error: --keep-going builds once; it cannot be combined with --watch\n")
                throw ExitStatus.usage.exitCode
            }
            try WatchLoop(content: options.content, output: output, includeDrafts: drafts).run()
        }
        let started = ContinuousClock.now
        let loaded = try options.load()
        defer { ProcessLifetime.keep(loaded) }
        let parsed = ContinuousClock.now
        guard let content = loaded.content else {
            DiagnosticReport.print(loaded.diagnostics)
            DiagnosticReport.printError("build failed: \(output)/ was left as it was\n")
            throw ExitStatus.findings.exitCode
        }
        var buildOptions = SiteBuilder.Options(output: output, clean: clean, includeDrafts: drafts)
        if keepGoing {
            // Articles with errors are left out; an error in no article (helpcenter.yml, a
            // phrasebook, a catalog) is no article's to leave out, and still stops the build.
            let partial = ContentLoader().partialContent(of: loaded)
            guard partial.blocking.isEmpty else {
                let files = Set(partial.blocking.map(\.file)).sorted().joined(separator: ", ")
                DiagnosticReport.print(loaded.diagnostics)
                DiagnosticReport.printError(
                    "build failed: --keep-going leaves out articles with errors, not the settings, phrasebooks or catalogs; "
                        + "fix the errors in \(files) first. \(output)/ was left as it was\n")
                throw ExitStatus.findings.exitCode
            }
            buildOptions.keepGoing = true
            buildOptions.leftOut = partial.leftOut
        } else if loaded.diagnostics.errorCount > 0 {
            DiagnosticReport.print(loaded.diagnostics)
            DiagnosticReport.printError("build failed: \(output)/ was left as it was\n")
            throw ExitStatus.findings.exitCode
        }
        if let verification {
            do {
                buildOptions.verification = try VerificationFile.read(verification)
            } catch {
                DiagnosticReport.printError("error: \(error.message)\n")
                throw ExitStatus.usage.exitCode
            }
        }
        let progress = ProgressLine.forStandardError()
        buildOptions.progress = progress?.update
        let builder = SiteBuilder(content: content, options: buildOptions)
        let report: SiteBuilder.Report
        do {
            report = try builder.build()
        } catch {
            progress?.finish()
            DiagnosticReport.printError("error: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
        progress?.finish()
        if timings {
            DiagnosticReport.printError("timings: parse \((parsed - started).secondsText) s, render and write \((ContinuousClock.now - parsed).secondsText) s\n")
        }
        let diagnostics = loaded.diagnostics + report.diagnostics
        DiagnosticReport.print(diagnostics)
        guard report.siteWritten else {
            DiagnosticReport.printError("build failed: \(output)/ was left as it was\n")
            throw ExitStatus.findings.exitCode
        }
        if !report.leftOut.isEmpty {
            var list = "build --keep-going: \(DiagnosticReport.count(report.leftOut.count, "article")) with errors left out of \(output)/:\n"
            for article in report.leftOut { list += "  \(article.file)\n" }
            DiagnosticReport.printError(list)
        }
        var leftOut: [String] = []
        if report.draftsLeftOut > 0 { leftOut.append("\(DiagnosticReport.count(report.draftsLeftOut, "draft")) left out") }
        if !report.leftOut.isEmpty { leftOut.append("\(DiagnosticReport.count(report.leftOut.count, "article")) with errors left out") }
        print(
            "built \(output)/ from \(DiagnosticReport.count(report.articlesBuilt, "article"))"
                + "\(leftOut.isEmpty ? "" : " (\(leftOut.joined(separator: ", ")))"): "
                + "\(report.written) files written (\(DiagnosticReport.count(report.pagesWritten, "page"))), "
                + "\(report.unchanged) unchanged, \(report.removed) removed in \((ContinuousClock.now - started).secondsText) s")
        // --keep-going wrote the site, but the errors of the articles it left out still stand.
        if diagnostics.errorCount > 0 || !report.leftOut.isEmpty { throw ExitStatus.findings.exitCode }
    }
}
