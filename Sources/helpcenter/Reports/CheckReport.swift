internal import Foundation
internal import HelpModel
internal import ProcedureChecker

/// Prints what `helpcenter check` found, for people or for CI.
struct CheckReport {
    let results: [CheckResult]
    /// Failures that are not a job's: content errors, translations that cannot be checked.
    let problems: [Diagnostic]
    /// Procedures no check covers: listed in every format; failures under `--require-checks`.
    var unchecked: [UncheckedProcedure] = []
    /// Every procedure of the content checked here, for the coverage line.
    var procedureCount = 0
    var requireChecks = false
    /// Steps for people only: listed in every format, never run.
    var manualSteps: [ManualStep] = []
    let seconds: Double
    let repetitions: Int
    /// When the run ended: the time a passed procedure is recorded as proven at.
    var finishedAt = Date()
    /// Each result's position in the whole plan (`--shard` runs part of it); nil: 0, 1, 2…
    var offsets: [Int]? = nil
    var shard: CheckShard? = nil

    var failures: [Diagnostic] {
        problems + results.compactMap(\.failure) + (requireChecks ? unchecked.map(Self.failure) : [])
    }
    var passes: Bool { failures.isEmpty }

    private static func failure(_ procedure: UncheckedProcedure) -> Diagnostic {
        .error(
            "[\(procedure.locale)] \(procedure.procedure): no check runs this procedure; add one under 'checks:' "
                + "(or mark its steps manual), as --require-checks asks",
            file: procedure.articleFile, at: procedure.location)
    }

    /// `unchecked [fr] content/fr/a.md:12:1: "Comment …" has no check`
    static func describe(_ procedure: UncheckedProcedure) -> String {
        "\"\(procedure.procedure)\" has no check: add one under 'checks:' so that it is run"
    }

    /// `coverage: procedures checked 20/20, manual steps 0, claims checked 8/8`: what a run proved.
    var coverage: String { CheckReportJSON.coverageLine(counts) }

    private var counts: CheckReportJSON.Counts {
        var checked: Set<String> = []
        var claims = 0
        for result in results {
            switch result.job.work {
            case .procedure(_, _, let number, _): checked.insert("\(result.job.articleFile)#\(number)")
            case .claim: claims += 1
            }
        }
        return CheckReportJSON.Counts(
            procedures: procedureCount, proceduresChecked: checked.count, manualSteps: manualSteps.count,
            claimsChecked: claims / max(repetitions, 1))
    }

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
            for procedure in unchecked where !requireChecks {
                Swift.print(GitHubAnnotations.notice(
                    file: procedure.articleFile, location: procedure.location, title: "procedure without a check",
                    message: Self.describe(procedure)), terminator: "")
            }
            Swift.print(summary)
            Swift.print(coverage)
        }
    }

    var summary: String {
        let passed = results.count { $0.passed }
        let failed = results.count - passed
        let locales = Set(results.map(\.job.locale)).count
        let procedures = results.count { if case .procedure = $0.job.work { true } else { false } }
        var text = "check\(shard.map { " (shard \($0))" } ?? ""): \(passed) passed, \(failed + problems.count) failed (\(DiagnosticReport.count(procedures, "procedure run")), "
            + "\(DiagnosticReport.count(results.count - procedures, "claim check")) in \(DiagnosticReport.count(locales, "locale"))"
        if !unchecked.isEmpty { text += "; \(DiagnosticReport.count(unchecked.count, "procedure")) without checks" }
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
            for procedure in unchecked {
                lines += "unchecked [\(procedure.locale)] \(procedure.articleFile):\(procedure.location): \(Self.describe(procedure))\n"
            }
            Swift.print(lines, terminator: "")
        }
        if !failures.isEmpty {
            DiagnosticReport.printError(failures.sortedForReport().map(\.formatted).joined(separator: "\n") + "\n")
        }
        Swift.print(summary)
        Swift.print(coverage)
    }

    /// `step 3 of "Comment …" is for people only: "Fermez votre navigateur."`
    static func describe(_ step: ManualStep) -> String {
        "step \(step.number) of \"\(step.procedure)\" is for people only and was not run: \"\(step.sentence)\""
    }

    private var json: String { DiagnosticJSON.encode(document) }

    /// The JSON report's content. A procedure's entry also says which procedure it ran
    /// (article id, section anchor, number), the fingerprint of its steps and, when it passed,
    /// when: what `build --verification` reads.
    var document: CheckReportJSON {
        let positions = offsets ?? Array(results.indices)
        let stamp = ISO8601DateFormatter().string(from: finishedAt)
        let entries = zip(positions, results).map { job, result in
            let kind = if case .procedure = result.job.work { "procedure" } else { "claim" }
            let verified = result.job.verification(passedAt: result.passed ? finishedAt : nil)
            return CheckReportJSON.Entry(
                job: job, locale: result.job.locale, article: result.job.articleFile, kind: kind, name: result.job.name,
                status: result.passed ? "pass" : "fail", seconds: (result.seconds * 1000).rounded() / 1000,
                failure: result.failure.map { DiagnosticJSON($0) }, articleId: verified?.article, procedure: verified?.procedure,
                number: verified?.number, fingerprint: verified?.fingerprint, passedAt: result.passed && verified != nil ? stamp : nil)
        }
        let passed = results.count { $0.passed }
        return CheckReportJSON(
            passed: passed, failed: results.count - passed + problems.count + (requireChecks ? unchecked.count : 0),
            unchecked: unchecked.count,
            uncheckedProcedures: unchecked.map {
                CheckReportJSON.Unverified(
                    locale: $0.locale, article: $0.articleFile, line: $0.location.line, column: $0.location.column,
                    procedure: $0.procedure)
            },
            coverage: coverage, counts: counts,
            shard: shard.map { CheckReportJSON.Shard(index: $0.index, count: $0.count) },
            manual: manualSteps.map {
                CheckReportJSON.Unverified(
                    locale: $0.locale, article: $0.articleFile, line: $0.location.line, column: $0.location.column,
                    procedure: $0.procedure, step: $0.number, sentence: $0.sentence)
            },
            seconds: (seconds * 1000).rounded() / 1000, results: entries, problems: problems.map { DiagnosticJSON($0) })
    }

    /// One suite per locale, one test case per procedure or claim.
    private var junit: JUnitReport {
        var suites: [JUnitReport.Suite] = []
        let byLocale = Dictionary(grouping: results, by: \.job.locale)
        for locale in Set(byLocale.keys).union(manualSteps.map(\.locale)).union(unchecked.map(\.locale)).sorted() {
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
            for procedure in unchecked where procedure.locale == locale {
                var testCase = JUnitReport.TestCase(name: "[\(locale)] \(procedure.procedure) (no check)", className: procedure.articleFile)
                let reason = "\(procedure.articleFile):\(procedure.location): " + Self.describe(procedure)
                if requireChecks { testCase.failures.append(Self.failure(procedure).formatted) } else { testCase.skipped = reason }
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
