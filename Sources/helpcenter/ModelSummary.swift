internal import HelpModel
internal import HelpParser

/// One line that says what the parser understood: `make site` prints it.
struct ModelSummary {
    let line: String

    init(_ result: ContentLoadResult) {
        let articles = result.articles
        var procedureCount = 0
        var stepCount = 0
        var actions = 0
        for procedure in articles.lazy.flatMap(\.procedures) {
            procedureCount += 1
            stepCount += procedure.steps.count
            for step in procedure.steps { actions += step.actions.count }
        }
        let locales = Set(articles.map(\.locale)).count
        let ids = Set(articles.map(\.id)).count
        line = "\(DiagnosticReport.count(result.fileCount, "file")), \(DiagnosticReport.count(articles.count, "article")) "
            + "(\(ids) ids in \(DiagnosticReport.count(locales, "locale"))), "
            + "\(DiagnosticReport.count(procedureCount, "procedure")), \(DiagnosticReport.count(stepCount, "step")), "
            + "\(DiagnosticReport.count(actions, "action")); "
            + "\(DiagnosticReport.count(result.diagnostics.errorCount, "error")), "
            + "\(DiagnosticReport.count(result.diagnostics.warningCount, "warning"))"
    }
}
