internal import Foundation
internal import Logging
internal import NIOSSL
internal import PostgresNIO

/// The votes in PostgreSQL, shared by every collector that opens the same database: each vote
/// is one row whatever instance took it, and the report of any instance counts them all.
///
/// Two pools of `poolSize` connections each: one for votes and the report, with
/// `synchronous_commit = on` whatever the server's default (the 201 promise), and one for
/// the shared rate limit with it off (see ``PostgresRateLimiter``). Votes go through the same
/// ``CommitQueue`` as SQLite's, but with a writer per connection: up to `poolSize` batches
/// committing at once, each one prepared ``InsertVotes`` (the batch as arrays), one commit.
final class PostgresVoteStore: VoteStorage {
    let address: DatabaseAddress.Postgres
    private let votesClient: PostgresClient
    private let limitClient: PostgresClient
    private let runs: [Task<Void, Never>]
    private let deadline: Duration
    private let logger: Logger
    private let commits: CommitQueue<VoteRow, Void>
    private let poolSize: Int

    /// Rows per `INSERT`.
    static let maxBatch = 2000

    /// Connects (checking the address first, so a wrong password or host is an error that
    /// says which at start), then migrates.
    /// - Parameter migrateUpTo: `nil` applies every migration; tests stop at an older schema;
    ///   0 migrates nothing (the report reads the database as it is).
    static func open(
        _ address: DatabaseAddress.Postgres, poolSize: Int, deadline: Duration, logger: Logger,
        migrateUpTo: Int? = nil
    ) async throws -> PostgresVoteStore {
        try await PostgresStartCheck.verify(address, logger: logger)
        let store = try PostgresVoteStore(address, poolSize: poolSize, deadline: deadline, logger: logger)
        do {
            // 0: a reader (`feedback report`) that leaves the database as it found it.
            if migrateUpTo != 0 { try await PostgresSchema.migrate(store.votesClient, upTo: migrateUpTo, logger: logger) }
        } catch {
            await store.close()
            throw PostgresStartCheck.Failure(
                description: "cannot migrate the feedback tables in \(DatabaseAddress.postgres(address)): \(String(reflecting: error))")
        }
        return store
    }

    private init(_ address: DatabaseAddress.Postgres, poolSize: Int, deadline: Duration, logger: Logger) throws {
        self.address = address
        self.deadline = deadline
        self.logger = logger
        self.poolSize = max(1, poolSize)
        let tls = try Self.tls(address.tls)
        func client(synchronousCommit: String) -> PostgresClient {
            var configuration = PostgresClient.Configuration(
                host: address.host, port: address.port, username: address.user, password: address.password,
                database: address.database, tls: tls)
            configuration.options.maximumConnections = max(1, poolSize)
            configuration.options.connectTimeout = .seconds(2)
            configuration.options.additionalStartupParameters = [("synchronous_commit", synchronousCommit)]
            return PostgresClient(configuration: configuration, backgroundLogger: logger)
        }
        let votesClient = client(synchronousCommit: "on")
        let limitClient = client(synchronousCommit: "off")
        self.votesClient = votesClient
        self.limitClient = limitClient
        runs = [Task { await votesClient.run() }, Task { await limitClient.run() }]
        commits = CommitQueue(deadline: deadline, maxBatch: Self.maxBatch, writers: poolSize) { rows in
            // One statement outside a transaction block commits on its own; postgres-nio ends
            // the rows once PostgreSQL says the statement completed, which it sends after the
            // commit (the protocol's output is flushed at Sync, after the implicit commit).
            try await PostgresDeadline.run(within: deadline) {
                for try await _ in try await votesClient.execute(InsertVotes(rows: rows), logger: logger) {}
            }
            return Array(repeating: (), count: rows.count)
        }
    }

    private static func tls(_ mode: DatabaseAddress.Postgres.TLSMode) throws -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    func insert(_ row: VoteRow) async throws {
        try await commits.insert(row)
    }

    func votes() async throws -> StoredVotes {
        let (client, logger) = (votesClient, logger)
        return try await PostgresDeadline.run(within: deadline * 5) {
            var votes = StoredVotes()
            let tallies = try await client.query(
                """
                SELECT article, locale, COUNT(*) FILTER (WHERE vote = 'yes'), COUNT(*) FILTER (WHERE vote = 'no')
                FROM vote GROUP BY article, locale
                """, logger: logger)
            for try await (article, locale, yes, no) in tallies.decode((String, String, Int, Int).self) {
                votes.tallies[ArticleKey(id: article, locale: locale)] = (yes, no)
            }
            let comments = try await client.query(
                """
                SELECT article, locale, comment, created_at FROM vote
                WHERE vote = 'comment' AND comment IS NOT NULL ORDER BY created_at DESC, id DESC
                """, logger: logger)
            for try await (article, locale, text, date) in comments.decode((String, String, String, String).self) {
                votes.comments[ArticleKey(id: article, locale: locale), default: []]
                    .append(FeedbackReport.Comment(text: text, date: date))
            }
            return votes
        }
    }

    func insertMiss(_ miss: SearchMiss) async throws {
        let (client, logger) = (votesClient, logger)
        try await PostgresDeadline.run(within: deadline) {
            _ = try await client.query(
                "INSERT INTO search_miss(locale, query, created_at) VALUES (\(miss.locale), \(miss.query), \(miss.createdAt))",
                logger: logger)
        }
    }

    func misses() async throws -> [SearchMissCount] {
        let (client, logger) = (votesClient, logger)
        return try await PostgresDeadline.run(within: deadline * 5) {
            var counts: [SearchMissCount] = []
            // A database no collector of this version has migrated has no table yet.
            for try await (exists,) in try await client.query("SELECT to_regclass('search_miss') IS NOT NULL", logger: logger)
                .decode((Bool,).self) where !exists { return counts }
            let rows = try await client.query(PostgresQuery(unsafeSQL: SearchMissQuery.counts), logger: logger)
            for try await (locale, query, count, last) in rows.decode((String, String, Int, String).self) {
                counts.append(SearchMissCount(locale: locale, query: query, count: count, last: last))
            }
            return counts
        }
    }

    func makeLimiter(perMinute: Int, scope: RateLimitScope, clock: @escaping @Sendable () -> Date) -> any ClientLimiter {
        guard scope == .shared else { return RateLimiter(perMinute: perMinute, clock: clock) }
        // Takes do not wait for an fsync, so a writer per four connections keeps up; more
        // writers only queue on the same hot buckets (measured: docs/performance.md).
        return PostgresRateLimiter(
            client: limitClient, perMinute: perMinute, writers: max(1, poolSize / 4), deadline: deadline, clock: clock, logger: logger)
    }

    func close() async {
        for run in runs { run.cancel() }
        for run in runs { await run.value }
    }
}
