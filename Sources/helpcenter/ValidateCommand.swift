internal import ArgumentParser
internal import Foundation
internal import HelpModel
internal import HelpParser
internal import SiteGenerator
internal import SiteValidator

/// `helpcenter validate`: read the built site back and lint the content across locales.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the built site (links, fragments, table of contents, lang, hreflang, labels, CSP, sitemap) and the content across locales.",
        discussion: """
            Exits 0 when there is nothing to report, 1 on findings (errors, and warnings unless \
            --fail-on error), 2 when the site or content folder cannot be read.
            """
    )

    @Argument(help: ArgumentHelp("The built site folder.", valueName: "site-dir"))
    var site: String = "site"

    @OptionGroup var options: ContentOptions

    @Option(help: "How to print findings: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .human

    @Option(name: .customLong("fail-on"), help: "Exit 1 on any finding (warning) or on errors only (error).")
    var failOn: FailureThreshold = .warning

    @Flag(name: .customLong("site-only"), help: "Check the built site only: read helpcenter.yml, not the articles, phrasebooks and catalogs.")
    var siteOnly = false

    func run() throws {
        let report = siteOnly ? try validateSiteOnly() : try validateSiteAndContent()
        let printed = FindingsReport(report: report, failOn: failOn)
        printed.print(as: format)
        if printed.fails { throw ExitStatus.findings.exitCode }
    }

    /// The site rules against the settings of `helpcenter.yml`, for a site whose articles are
    /// not at hand (a deployed artifact) or when only the pages changed.
    private func validateSiteOnly() throws -> ValidationReport {
        let configuration: SiteConfiguration?
        let diagnostics: [Diagnostic]
        do {
            (configuration, diagnostics) = try ContentLoader().loadConfiguration(root: options.content)
        } catch {
            DiagnosticReport.printError("error: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
        guard let configuration else {
            DiagnosticReport.print(diagnostics)
            throw ExitStatus.usage.exitCode
        }
        var report = try validate(SiteExpectations(configuration: configuration))
        report.findings += diagnostics.map { Finding(.contentParse, $0) }
        return report
    }

    private func validateSiteAndContent() throws -> ValidationReport {
        let loader = ContentLoader()
        let loaded = try ContentOptions.load(options.content, with: loader)
        ProcessLifetime.keep(loaded)
        guard let content = loaded.content else {
            DiagnosticReport.print(loaded.diagnostics)
            throw ExitStatus.usage.exitCode
        }
        var report = try validate(SiteExpectations(configuration: content.configuration))
        report.findings += loaded.diagnostics.map { Finding(.contentParse, $0) }
        // What changed in a source since a translation was made comes from git history, where
        // the older version is parsed with today's phrasebook.
        let history = GitSourceHistory { text, file, locale in
            loader.parseArticle(text: text, file: file, locale: locale, in: loaded).0
        }
        report.merge(ContentAudit.run(content, history: history))
        report.findings += Self.buildFindings(
            BuildRules.check(content, unparsedFiles: loaded.unparsedArticleFiles), besides: report.findings)
        return report
    }

    /// What `build` would refuse, by the build's own checks, less a missing chrome key that
    /// `chrome-missing-key` already reports at the same place (it also says where the key is).
    private static func buildFindings(_ diagnostics: [Diagnostic], besides findings: [Finding]) -> [Finding] {
        let missingKeys = findings.filter { $0.rule == .chromeMissingKey }.map(\.diagnostic)
        return diagnostics.compactMap { diagnostic in
            if let end = diagnostic.message.firstIndex(of: ";"), diagnostic.message.hasPrefix("chrome key '") {
                let claim = diagnostic.message[..<end] + " "
                if missingKeys.contains(where: { $0.file == diagnostic.file && $0.message.hasPrefix(claim) }) { return nil }
            }
            return Finding(.contentBuild, diagnostic)
        }
    }

    /// The site rules; a site folder that cannot be read ends the command with exit 2.
    private func validate(_ expectations: SiteExpectations) throws -> ValidationReport {
        do {
            return try SiteValidation.run(
                site: URL(fileURLWithPath: site), displayPath: site, expectations: expectations,
                keepAlive: ProcessLifetime.keep)
        } catch {
            DiagnosticReport.printError("error: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
    }
}
