internal import ArgumentParser
internal import HelpModel
internal import HelpParser
internal import SiteGenerator

/// `helpcenter lint`: parse all of the content and report every problem at once.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Parse every article and phrasebook of the content folder and report all problems, build's checks included.",
        discussion: """
            Exits 0 when there is nothing to report, 1 on findings (errors, and warnings unless \
            --fail-on error), 2 when the folder cannot be read.
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .customLong("fail-on"), help: "Exit 1 on any finding (warning) or on errors only (error), as validate does.")
    var failOn: FailureThreshold = .warning

    func run() throws {
        var result = try options.load()
        defer { ProcessLifetime.keep(result) }
        // What `build` would refuse before writing (links, catalogs, slugs), by the same code.
        if let content = result.content {
            result.diagnostics += BuildRules.check(content, unparsedFiles: result.unparsedArticleFiles)
        }
        DiagnosticReport.print(result.diagnostics)
        print(ModelSummary(result).line)
        let failing = failOn == .error ? result.diagnostics.errorCount : result.diagnostics.count
        if failing > 0 { throw ExitStatus.findings.exitCode }
    }
}
