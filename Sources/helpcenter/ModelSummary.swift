internal import HelpModel
internal import HelpParser

/// One line that says what the parser understood: `make site` prints it.
struct ModelSummary {
    let line: String

    init(_ result: ContentLoadResult) {
        let articles = result.articles
        let procedures = articles.flatMap(\.procedures)
        let steps = procedures.flatMap(\.steps)
        let actions = steps.reduce(0) { $0 + $1.actions.count }
        let locales = Set(articles.map(\.locale)).count
        let ids = Set(articles.map(\.id)).count
        line = "\(DiagnosticReport.count(result.fileCount, "file")), \(DiagnosticReport.count(articles.count, "article")) "
            + "(\(ids) ids in \(DiagnosticReport.count(locales, "locale"))), "
            + "\(DiagnosticReport.count(procedures.count, "procedure")), \(DiagnosticReport.count(steps.count, "step")), "
            + "\(DiagnosticReport.count(actions, "action")); "
            + "\(DiagnosticReport.count(result.diagnostics.errorCount, "error")), "
            + "\(DiagnosticReport.count(result.diagnostics.warningCount, "warning"))"
    }
}
