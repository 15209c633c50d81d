/// The document `helpcenter check --format json` writes, and `helpcenter check merge` reads
/// back: one type for both, so a merged report is written exactly as an unsharded one.
struct CheckReportJSON: Codable, Equatable {
    /// A place in an article a run did not verify: a manual step (with its number and
    /// sentence) or a procedure without a check.
    struct Unverified: Codable, Equatable {
        var locale: String
        var article: String
        var line: Int
        var column: Int
        var procedure: String
        var step: Int?
        var sentence: String?
    }

    struct Entry: Codable, Equatable {
        /// The job's position in the whole plan, sharded or not: merged shards sort by it.
        var job: Int
        var locale: String
        var article: String
        var kind: String
        var name: String
        var status: String
        var seconds: Double
        var failure: DiagnosticJSON?
        /// Which procedure it ran, and the fingerprint of its steps (see `build --verification`).
        var articleId: String?
        var procedure: String?
        var number: Int?
        var fingerprint: String?
        /// When it passed (ISO 8601); absent when it failed.
        var passedAt: String?
    }

    /// What the coverage line is computed from, so that shards' lines can be added up.
    struct Counts: Codable, Equatable {
        /// Every procedure of the content (the same in every shard).
        var procedures: Int
        /// Procedures this run checked (a procedure's checks are never split between shards).
        var proceduresChecked: Int
        var manualSteps: Int
        var claimsChecked: Int
    }

    struct Shard: Codable, Equatable {
        var index: Int
        var count: Int
    }

    var passed: Int
    var failed: Int
    var unchecked: Int
    var uncheckedProcedures: [Unverified]
    var coverage: String
    var counts: Counts
    /// Absent in an unsharded run and in a merge of all shards.
    var shard: Shard?
    var manual: [Unverified]
    var seconds: Double
    var results: [Entry]
    /// Content problems: the same in every shard (the content is the same).
    var problems: [DiagnosticJSON]

    static func coverageLine(_ counts: Counts) -> String {
        "coverage: procedures checked \(counts.proceduresChecked)/\(counts.procedures), "
            + "manual steps \(counts.manualSteps), claims checked \(counts.claimsChecked)/\(counts.claimsChecked)"
    }
}
