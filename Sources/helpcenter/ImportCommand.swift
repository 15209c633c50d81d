internal import ArgumentParser
internal import ContentImporter
internal import Foundation
internal import HelpModel

/// `helpcenter import`: an existing Jekyll or MkDocs help center converted into our content.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a Jekyll/kramdown or MkDocs Material help center into the content folder.",
        discussion: """
            Writes <content>/<locale>/<category>/<slug>.md for every source article, copies the \
            images they show into <content>/images/, and adds the categories to \
            <content>/helpcenter.yml (written when missing). What it cannot convert is printed as \
            file:line:column: warning: … at the source, left visible in the article written, and \
            listed in <content>/import-report.txt. Exits 0 when nothing needs a look, 1 when the \
            import wrote everything but has findings, 2 when the source cannot be read (nothing is \
            written then).
            """
    )

    @Option(name: .customLong("from"), help: ArgumentHelp("The source's generator: jekyll or mkdocs.", valueName: "format"))
    var format: String

    @Argument(help: ArgumentHelp("The source site's folder (Jekyll: _articles/, images/; MkDocs: mkdocs.yml, docs/).", valueName: "source-dir"))
    var source: String

    @Option(name: .long, help: ArgumentHelp("The content folder to write into (merged with what it holds).", valueName: "dir"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("The locale of the imported articles.", valueName: "locale"))
    var locale: String

    @Option(name: .customLong("category-from"), help: ArgumentHelp("Where categories come from: folder or front-matter.", valueName: "source"))
    var categoryFrom: String = ImportOptions.CategorySource.folder.rawValue

    @Flag(name: .long, help: ArgumentHelp("Write <!-- manual --> into each step the phrasebook does not read, listed in the report, so that every article builds while its steps are reworded."))
    var markUnreadSteps = false

    @Option(name: .long, help: ArgumentHelp("The updated: day of articles that give none (default: the file's modification day).", valueName: "YYYY-MM-DD"))
    var updated: String?

    func validate() throws {
        guard ImportOptions.Format(rawValue: format) != nil else {
            throw ValidationError("--from is one of \(ImportOptions.Format.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(format)')")
        }
        guard ImportOptions.CategorySource(rawValue: categoryFrom) != nil else {
            throw ValidationError("--category-from is folder or front-matter (got '\(categoryFrom)')")
        }
        guard !locale.isEmpty, locale.allSatisfy({ $0.isLowercase || $0 == "-" }) else {
            throw ValidationError("--locale is a locale folder name such as en (got '\(locale)')")
        }
        if let updated, CalendarDay(iso: updated) == nil { throw ValidationError("--updated is a day written YYYY-MM-DD (got '\(updated)')") }
    }

    func run() throws {
        let options = ImportOptions(
            format: ImportOptions.Format(rawValue: format) ?? .jekyll, source: source, content: content, locale: locale,
            categorySource: ImportOptions.CategorySource(rawValue: categoryFrom) ?? .folder,
            updated: updated.flatMap(CalendarDay.init(iso:)), markUnreadSteps: markUnreadSteps)
        switch ContentImporter.run(options) {
        case .failure(let failure):
            DiagnosticReport.print(failure.diagnostics)
            if let message = failure.message { DiagnosticReport.printError("error: \(message)\n") }
            throw ExitStatus.usage.exitCode
        case .success(let summary):
            DiagnosticReport.print(summary.findings)
            let categories = summary.categoriesAdded.isEmpty ? "" : ", categories added: \(summary.categoriesAdded.joined(separator: ", "))"
            print("imported \(DiagnosticReport.count(summary.articles, "article")) (\(DiagnosticReport.count(summary.drafts, "draft"))) into \(content)/\(locale)/, \(summary.imagesCopied) images copied, \(DiagnosticReport.count(summary.vocabularyLabels, "label")) in \(locale)/vocabulary.yml\(categories); \(DiagnosticReport.count(summary.findings.count, "finding")) in \(summary.reportPath)")
            if !summary.findings.isEmpty { throw ExitStatus.findings.exitCode }
        }
    }
}
