internal import Foundation
internal import HelpModel
internal import ProcedureChecker

/// Prints what `helpcenter check` found, for people or for CI.
struct CheckReport {
    let results: [CheckResult]
    /// Failures that are not a job's: content errors, translations that cannot be checked.
    let problems: [Diagnostic]
    let unchecked: Int
    /// Steps for people only: listed in every format, never run.
    var manualSteps: [ManualStep] = []
    let seconds: Double
    let repetitions: Int

    var failures: [Diagnostic] { problems + results.compactMap(\.failure) }
    var passes: Bool { failures.isEmpty }

    func print(as format: ReportFormat) {
        switch format {
        case .human: printHuman()
        case .json: Swift.print(json)
        case .junit: Swift.print(junit.render(), terminator: "")
        case .github:
            Swift.print(GitHubAnnotations.render(failures) { _ in "helpcenter check" }, terminator: "")
            for step in manualSteps {
                Swift.print(GitHubAnnotations.notice(
                    file: step.articleFile, location: step.location, title: "manual step, not checked",
                    message: Self.describe(step)), terminator: "")
            }
            Swift.print(summary)
        }
    }

    var summary: String {
        let passed = results.count { $0.passed }
        let failed = results.count - passed
        let locales = Set(results.map(\.job.locale)).count
        let procedures = results.count { if case .procedure = $0.job.work { true } else { false } }
        var text = "check: \(passed) passed, \(failed + problems.count) failed (\(DiagnosticReport.count(procedures, "procedure run")), "
            + "\(DiagnosticReport.count(results.count - procedures, "claim check")) in \(DiagnosticReport.count(locales, "locale"))"
        if unchecked > 0 { text += "; \(unchecked) procedure\(unchecked == 1 ? "" : "s") without checks" }
        if !manualSteps.isEmpty { text += "; \(DiagnosticReport.count(manualSteps.count, "manual step")) not run" }
        let perSecond = seconds > 0 ? Int((Double(results.count) / seconds).rounded()) : 0
        return text + ") in \(String(format: "%.2f", seconds)) s, \(perSecond)/s"
    }

    /// One line per procedure and claim (unless repeated for a benchmark), the failures
    /// compiler style on standard error, then the summary.
    private func printHuman() {
        if repetitions == 1 {
            var lines = ""
            for result in results {
                lines += "\(result.passed ? "pass" : "FAIL") [\(result.job.locale)] \(result.job.name) — \(result.job.articleFile)\n"
            }
            for step in manualSteps {
                lines += "manual [\(step.locale)] \(step.articleFile):\(step.location): \(Self.describe(step))\n"
            }
            Swift.print(lines, terminator: "")
        }
        if !failures.isEmpty {
            DiagnosticReport.printError(failures.sortedForReport().map(\.formatted).joined(separator: "\n") + "\n")
        }
        Swift.print(summary)
    }

    /// `step 3 of "Comment …" is for people only: "Fermez votre navigateur."`
    static func describe(_ step: ManualStep) -> String {
        "step \(step.number) of \"\(step.procedure)\" is for people only and was not run: \"\(step.sentence)\""
    }

    private var json: String {
        struct Manual: Encodable {
            var locale: String
            var article: String
            var line: Int
            var column: Int
            var procedure: String
            var step: Int
            var sentence: String
        }
        struct Document: Encodable {
            var passed: Int
            var failed: Int
            var unchecked: Int
            var manual: [Manual]
            var seconds: Double
            var results: [Entry]
            var problems: [DiagnosticJSON]
        }
        struct Entry: Encodable {
            var locale: String
            var article: String
            var kind: String
            var name: String
            var status: String
            var seconds: Double
            var failure: DiagnosticJSON?
        }
        let entries = results.map { result in
            let kind = if case .procedure = result.job.work { "procedure" } else { "claim" }
            return Entry(
                locale: result.job.locale, article: result.job.articleFile, kind: kind, name: result.job.name,
                status: result.passed ? "pass" : "fail", seconds: (result.seconds * 1000).rounded() / 1000,
                failure: result.failure.map { DiagnosticJSON($0) })
        }
        let passed = results.count { $0.passed }
        let document = Document(
            passed: passed, failed: results.count - passed + problems.count, unchecked: unchecked,
            manual: manualSteps.map {
                Manual(
                    locale: $0.locale, article: $0.articleFile, line: $0.location.line, column: $0.location.column,
                    procedure: $0.procedure, step: $0.number, sentence: $0.sentence)
            },
            seconds: (seconds * 1000).rounded() / 1000, results: entries, problems: problems.map { DiagnosticJSON($0) })
        return DiagnosticJSON.encode(document)
    }

    /// One suite per locale, one test case per procedure or claim.
    private var junit: JUnitReport {
        var suites: [JUnitReport.Suite] = []
        let byLocale = Dictionary(grouping: results, by: \.job.locale)
        for locale in Set(byLocale.keys).union(manualSteps.map(\.locale)).sorted() {
            var cases = (byLocale[locale] ?? []).map { result in
                var testCase = JUnitReport.TestCase(name: "[\(locale)] \(result.job.name)", className: result.job.articleFile)
                testCase.seconds = (result.seconds * 1000).rounded() / 1000
                if let failure = result.failure { testCase.failures.append(failure.formatted) }
                return testCase
            }
            for step in manualSteps where step.locale == locale {
                var testCase = JUnitReport.TestCase(
                    name: "[\(locale)] \(step.procedure), step \(step.number) (manual)", className: step.articleFile)
                testCase.skipped = "\(step.articleFile):\(step.location): " + Self.describe(step)
                cases.append(testCase)
            }
            suites.append(JUnitReport.Suite(name: locale, cases: cases))
        }
        if !problems.isEmpty {
            suites.append(JUnitReport.Suite(name: "content", cases: problems.map { problem in
                var testCase = JUnitReport.TestCase(name: problem.file, className: "content")
                testCase.failures.append(problem.formatted)
                return testCase
            }))
        }
        return JUnitReport(name: "helpcenter check", suites: suites)
    }
}
