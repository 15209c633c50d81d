/// Joins the JSON reports of the shards of one run (`check --shard i/n`) into the report the
/// unsharded run writes: results in plan order, the content-wide lists once, counts added up.
/// Only the timings differ: each result keeps its own, and `seconds` is the slowest shard's
/// (the wall time of a matrix whose shards run side by side).
enum CheckMerge {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    static func merge(_ reports: [(file: String, report: CheckReportJSON)]) throws(Problem) -> CheckReportJSON {
        guard let first = reports.first else { throw Problem(description: "no report to merge") }
        var seen: [Int: String] = [:]
        var count: Int?
        for (file, report) in reports {
            guard let shard = report.shard else {
                throw Problem(description: "\(file) is not a shard's report (run check --shard I/N --format json)")
            }
            if let count, count != shard.count {
                throw Problem(description: "\(file) is shard \(shard.index)/\(shard.count), the others are of \(count) shards")
            }
            count = shard.count
            if let other = seen[shard.index] {
                throw Problem(description: "\(file) and \(other) are both shard \(shard.index)/\(shard.count)")
            }
            seen[shard.index] = file
        }
        let missing = (1...(count ?? 1)).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.map { "\($0)/\(count ?? 1)" }.joined(separator: ", ")
            throw Problem(description: "shard \(list) is missing: a merge of some shards is not the whole run")
        }
        func contentWide(_ report: CheckReportJSON) -> [String] {
            [
                "\(report.uncheckedProcedures)", "\(report.manual)", "\(report.problems)", "\(report.counts.procedures)",
                "\(report.failed - report.results.count { $0.status == "fail" })",
            ]
        }
        for (file, report) in reports where contentWide(report) != contentWide(first.report) {
            throw Problem(
                description: "\(file) was run on other content or options than \(first.file) "
                    + "(procedures, manual steps, content problems or --require-checks differ)")
        }
        let results = reports.flatMap(\.report.results).sorted { $0.job < $1.job }
        for (earlier, later) in zip(results, results.dropFirst()) where earlier.job == later.job {
            throw Problem(description: "job \(earlier.job) (\(earlier.name)) is in two shards: the shards were cut from different plans")
        }
        var merged = first.report
        merged.shard = nil
        merged.results = results
        merged.passed = reports.reduce(0) { $0 + $1.report.passed }
        let others = first.report.failed - first.report.results.count { $0.status == "fail" }
        merged.failed = results.count { $0.status == "fail" } + others
        merged.counts.proceduresChecked = reports.reduce(0) { $0 + $1.report.counts.proceduresChecked }
        merged.counts.claimsChecked = reports.reduce(0) { $0 + $1.report.counts.claimsChecked }
        merged.coverage = CheckReportJSON.coverageLine(merged.counts)
        merged.seconds = reports.map(\.report.seconds).max() ?? 0
        return merged
    }
}
