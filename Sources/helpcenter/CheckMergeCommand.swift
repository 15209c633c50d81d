internal import ArgumentParser
internal import Foundation

/// `helpcenter check merge`: the shards' JSON reports of a CI matrix as one report, equal to
/// what `helpcenter check --format json` writes without `--shard` (timings aside).
struct CheckMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the JSON reports of check --shard I/N into the report of the whole run.",
        discussion: """
            Every shard 1…N must be given once. Prints the merged JSON report; exits 0 when \
            everything passed, 1 on any failure (so the matrix's last job fails with its shards), \
            2 when a report is missing, unreadable or from another plan.
            """
    )

    @Argument(help: "The shards' reports (check --shard I/N --format json).")
    var files: [String]

    func run() throws {
        var reports: [(file: String, report: CheckReportJSON)] = []
        for file in files {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                reports.append((file, try JSONDecoder().decode(CheckReportJSON.self, from: data)))
            } catch {
                DiagnosticReport.printError("error: cannot read the check report \(file): \(error)\n")
                throw ExitStatus.usage.exitCode
            }
        }
        let merged: CheckReportJSON
        do {
            merged = try CheckMerge.merge(reports)
        } catch {
            DiagnosticReport.printError("error: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
        print(DiagnosticJSON.encode(merged))
        DiagnosticReport.printError("check merge: \(merged.passed) passed, \(merged.failed) failed; \(merged.coverage)\n")
        if merged.failed > 0 { throw ExitStatus.findings.exitCode }
    }
}
