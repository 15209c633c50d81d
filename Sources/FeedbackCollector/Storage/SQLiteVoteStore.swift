internal import Foundation
internal import GRDB

/// The votes in one SQLite file: a `DatabasePool` (WAL, so the report reads while votes are
/// written), migrated when opened. One process owns it, so the rate limit stays in memory.
final class SQLiteVoteStore: VoteStorage {
    let pool: DatabasePool
    private let commits: CommitQueue<VoteRow, Void>

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    init(path: String, deadline: Duration) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB sets NORMAL with WAL; FULL syncs the WAL at each commit, so a vote answered 201
        // survives a power cut too. Batched commits make that affordable.
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        try SQLiteSchema.migrator.migrate(pool)
        self.pool = pool
        // One writer: SQLite takes one write transaction at a time.
        commits = CommitQueue(deadline: deadline, writers: 1) { rows in
            try await pool.write { db in
                let statement = try db.cachedStatement(
                    sql: "INSERT INTO vote(article, locale, vote, comment, created_at) VALUES (?, ?, ?, ?, ?)")
                for row in rows {
                    try statement.execute(arguments: [row.article, row.locale, row.vote, row.comment, row.createdAt])
                }
            }
            return Array(repeating: (), count: rows.count)
        }
    }

    /// Opens an existing database read-only, for `feedback report`: it is never created.
    init(readingOnly path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        pool = try DatabasePool(path: path, configuration: configuration)
        commits = CommitQueue(deadline: .seconds(1)) { _ -> [Void] in
            throw StorageUnavailable(reason: "the database was opened read-only")
        }
    }

    func insert(_ row: VoteRow) async throws {
        try await commits.insert(row)
    }

    func votes() async throws -> StoredVotes {
        try await pool.read { db in
            var votes = StoredVotes()
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT article, locale, SUM(vote = 'yes') AS yes, SUM(vote = 'no') AS no
                    FROM vote GROUP BY article, locale
                    """)
            while let row = try rows.next() {
                votes.tallies[ArticleKey(id: row["article"], locale: row["locale"])] = (row["yes"], row["no"])
            }
            let texts = try Row.fetchCursor(
                db,
                sql: """
                    SELECT article, locale, comment, created_at FROM vote
                    WHERE vote = 'comment' AND comment IS NOT NULL ORDER BY created_at DESC, id DESC
                    """)
            while let row = try texts.next() {
                votes.comments[ArticleKey(id: row["article"], locale: row["locale"]), default: []]
                    .append(FeedbackReport.Comment(text: row["comment"], date: row["created_at"]))
            }
            return votes
        }
    }

    func insertMiss(_ miss: SearchMiss) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO search_miss(locale, query, created_at) VALUES (?, ?, ?)",
                arguments: [miss.locale, miss.query, miss.createdAt])
        }
    }

    func misses() async throws -> [SearchMissCount] {
        try await pool.read { db in
            // A database of an older collector, opened read only by the report, has no table yet.
            guard try db.tableExists("search_miss") else { return [] }
            return try Row.fetchAll(db, sql: SearchMissQuery.counts).map { row in
                SearchMissCount(locale: row[0], query: row[1], count: row[2], last: row[3])
            }
        }
    }

    /// One process holds a SQLite file: its memory is every instance's.
    func makeLimiter(perMinute: Int, scope: RateLimitScope, clock: @escaping @Sendable () -> Date) -> any ClientLimiter {
        RateLimiter(perMinute: perMinute, clock: clock)
    }

    func close() async {
        try? pool.close()
    }
}
