internal import Foundation

/// Where the collector keeps votes, whatever the database: the routes, the report and the rate
/// limit talk to this and nothing else, so SQLite and PostgreSQL are interchangeable.
protocol VoteStorage: Sendable {
    /// Stores `row`; returns only once the transaction that holds it has committed, so the
    /// 201 or 303 that follows never promises a vote the database could lose.
    /// - Throws: ``StorageUnavailable`` when the database cannot take it in time (answered
    ///   503); any other error is a bug or a refused row.
    func insert(_ row: VoteRow) async throws

    /// Every tally and comment, for the report.
    func votes() async throws -> StoredVotes

    /// Stores a search that found nothing; returns once committed, like ``insert(_:)``.
    func insertMiss(_ miss: SearchMiss) async throws

    /// The searches that found nothing, counted per locale and query: each locale's most
    /// frequent first.
    func misses() async throws -> [SearchMissCount]

    /// The rate limit to use: SQLite's collector is one process, so its buckets live in
    /// memory; PostgreSQL's are rows, shared by every collector on the database.
    func makeLimiter(perMinute: Int, scope: RateLimitScope, clock: @escaping @Sendable () -> Date) -> any ClientLimiter

    /// Closes connections; the storage is not used afterwards.
    func close() async
}

/// The database did not answer in time, or is down: the vote is not stored and the client is
/// told to retry (503), never told it was stored.
struct StorageUnavailable: Error, CustomStringConvertible {
    var reason: String
    var description: String { "the feedback database is unavailable: \(reason)" }
}

/// What the report reads from a store: yes/no per article and locale, and the comments.
struct StoredVotes: Sendable {
    var tallies: [ArticleKey: (yes: Int, no: Int)] = [:]
    /// Newest first within each article and locale.
    var comments: [ArticleKey: [FeedbackReport.Comment]] = [:]
}

/// The one query both stores count misses with (standard SQL, the same text for both).
enum SearchMissQuery {
    static let counts = """
        SELECT locale, query, COUNT(*) AS count, MAX(created_at) AS last FROM search_miss
        GROUP BY locale, query ORDER BY locale, count DESC, query
        """
}
