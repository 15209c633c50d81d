internal import Foundation
internal import HelpModel
internal import SiteValidator

/// Prints a ``ValidationReport`` in the format the user asked for.
struct FindingsReport {
    let report: ValidationReport
    let failOn: FailureThreshold

    /// True when the command must exit 1.
    var fails: Bool {
        report.findings.contains { counts($0.diagnostic) }
    }

    private func counts(_ diagnostic: Diagnostic) -> Bool {
        failOn == .warning || diagnostic.severity == .error
    }

    func print(as format: ReportFormat) {
        switch format {
        case .human:
            printHuman()
        case .json:
            Swift.print(json)
        case .junit:
            Swift.print(junit.render(), terminator: "")
        case .github:
            Swift.print(GitHubAnnotations.render(report.diagnostics) { diagnostic in
                report.findings.first { $0.diagnostic == diagnostic }.map { "helpcenter validate: \($0.rule.rawValue)" } ?? "helpcenter validate"
            }, terminator: "")
            Swift.print(summary)
        }
    }

    var summary: String {
        let diagnostics = report.diagnostics
        let files = Set(diagnostics.map(\.file)).count
        let checked = "\(DiagnosticReport.count(report.pages.count, "page")), \(DiagnosticReport.count(report.articles.count, "article"))"
        guard !diagnostics.isEmpty else { return "validate: \(checked): no findings" }
        return "validate: \(checked): \(DiagnosticReport.count(diagnostics.errorCount, "error")), "
            + "\(DiagnosticReport.count(diagnostics.warningCount, "warning")) in \(DiagnosticReport.count(files, "file"))"
    }

    /// Findings grouped by file (files in name order), each group in position order, errors and
    /// warnings together so a writer fixes one file at a time.
    private func printHuman() {
        var text = ""
        let byFile = Dictionary(grouping: report.findings, by: \.diagnostic.file)
        for file in byFile.keys.sorted() {
            let findings = (byFile[file] ?? []).sorted { ($0.diagnostic.location, $0.rule.rawValue) < ($1.diagnostic.location, $1.rule.rawValue) }
            for finding in findings {
                text += finding.diagnostic.formatted.replacingFirstLine { $0 + " [\(finding.rule.rawValue)]" } + "\n"
            }
        }
        DiagnosticReport.printError(text)
        Swift.print(summary)
    }

    private var json: String {
        struct Document: Encodable {
            var pages: Int
            var articles: Int
            var errors: Int
            var warnings: Int
            var findings: [DiagnosticJSON]
        }
        let diagnostics = report.diagnostics
        let findings = report.findings.sorted {
            ($0.diagnostic.file, $0.diagnostic.location) < ($1.diagnostic.file, $1.diagnostic.location)
        }
        return DiagnosticJSON.encode(
            Document(
                pages: report.pages.count, articles: report.articles.count, errors: diagnostics.errorCount,
                warnings: diagnostics.warningCount,
                findings: findings.map { DiagnosticJSON($0.diagnostic, rule: $0.rule.rawValue) }))
    }

    /// One test case per page and per article, and one for any other file with findings
    /// (the sitemap, a chrome catalog).
    private var junit: JUnitReport {
        let byFile = Dictionary(grouping: report.findings, by: \.diagnostic.file)
        func testCase(_ file: String, className: String) -> JUnitReport.TestCase {
            var testCase = JUnitReport.TestCase(name: file, className: className)
            for finding in byFile[file] ?? [] {
                let line = finding.diagnostic.formatted + " [\(finding.rule.rawValue)]"
                if counts(finding.diagnostic) { testCase.failures.append(line) } else { testCase.output.append(line) }
            }
            return testCase
        }
        let covered = Set(report.pages + report.articles)
        let others = byFile.keys.filter { !covered.contains($0) }.sorted()
        var suites = [
            JUnitReport.Suite(name: "pages", cases: report.pages.map { testCase($0, className: "site") }),
            JUnitReport.Suite(name: "articles", cases: report.articles.map { testCase($0, className: "content") }),
        ]
        if !others.isEmpty {
            suites.append(JUnitReport.Suite(name: "files", cases: others.map { testCase($0, className: "files") }))
        }
        return JUnitReport(name: "helpcenter validate", suites: suites)
    }
}

extension String {
    /// Applies `change` to the first line only (a diagnostic's finding, not its notes).
    fileprivate func replacingFirstLine(_ change: (String) -> String) -> String {
        guard let newline = firstIndex(of: "\n") else { return change(self) }
        return change(String(self[..<newline])) + self[newline...]
    }
}
