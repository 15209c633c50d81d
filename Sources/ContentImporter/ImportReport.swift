internal import Foundation
internal import HelpParser
internal import HelpModel

/// The import's findings as a checklist the team works through, written beside the content.
///
/// It is a `.txt` file (Markdown inside): a `.md` file at the content folder's top would be
/// read as an article outside any locale folder.
enum ImportReport {
    static let fileName = "import-report.txt"

    static func write(_ summary: ContentImporter.Summary, options: ImportOptions) throws {
        var lines = [
            "# Import report",
            "",
            "Imported from the \(options.format.rawValue) site `\(options.source)` into `\(options.content)/\(options.locale)/`: "
                + "\(summary.articles) articles (drafts: \(summary.drafts)), \(summary.imagesCopied) images copied, "
                + "\(summary.vocabularyLabels) labels in `\(options.locale)/\(ProductVocabulary.fileName)`, "
                + "\(summary.findings.count) findings to look at.",
            "",
            "Each finding names the source file and line; the article written keeps the construct visible "
                + "(a note saying \"Not converted by the import\", code, a link, a comment) until it is rewritten.",
            "",
        ]
        var currentFile: String?
        for finding in summary.findings {
            if finding.file != currentFile {
                currentFile = finding.file
                lines += ["", "## \(finding.file)", ""]
            }
            lines.append("- [ ] \(finding.file):\(finding.location.line): \(finding.severity.rawValue): \(finding.message)")
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: summary.reportPath))
    }
}
