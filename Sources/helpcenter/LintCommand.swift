internal import ArgumentParser
internal import HelpModel
internal import HelpParser
internal import SiteGenerator

/// `helpcenter lint`: parse all of the content and report every problem at once.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Parse every article and phrasebook of the content folder and report all problems, build's checks included.",
        discussion: "Exits 0 when there is nothing to report, 1 on any error or warning, 2 when the folder cannot be read."
    )

    @OptionGroup var options: ContentOptions

    func run() throws {
        var result = try options.load()
        defer { ProcessLifetime.keep(result) }
        // What `build` would refuse before writing (links, catalogs, slugs), by the same code.
        if let content = result.content {
            result.diagnostics += BuildRules.check(content, unparsedFiles: result.unparsedArticleFiles)
        }
        DiagnosticReport.print(result.diagnostics)
        print(ModelSummary(result).line)
        if !result.diagnostics.isEmpty { throw ExitStatus.findings.exitCode }
    }
}
