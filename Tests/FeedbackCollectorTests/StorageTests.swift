import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FeedbackCollector

@Suite("the vote table")
struct StorageTests {
    @Test("200 concurrent votes are 200 answers of 201 and exactly 200 rows", arguments: StoreKind.allCases)
    func concurrent(store: StoreKind) async throws {
        let harness = try await CollectorHarness(store: store)
        defer { harness.removeFiles() }
        let statuses = try await harness.run { (_, client) async throws in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let vote = index % 3 == 0 ? "no" : "yes"
                        return try await client.vote([
                            ("article", "login-credentials"), ("locale", "en"), ("vote", vote),
                        ])
                        .status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(statuses.count == 200)
        #expect(statuses.allSatisfy { $0 == .created })
        let rows = try await harness.rows()
        #expect(rows.count == 200)
        #expect(rows.filter { $0.vote == "no" }.count == 67)
    }

    @Test("the schema: the documented columns and no client address; created_at is ISO-8601 UTC")
    func schema() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            #expect(try await client.vote(client.validVoteFields).status == .created)
        }
        let queue = try DatabaseQueue(path: harness.options.database)
        let columns = try await queue.read { db in try db.columns(in: "vote").map(\.name) }
        #expect(columns == ["id", "article", "locale", "vote", "comment", "created_at"])
        #expect(try await harness.rows()[0].createdAt == "2026-11-18T11:06:40Z")
        let mode = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(throws: (any Error).self) {
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO vote(article, locale, vote, created_at) VALUES ('a', 'fr', 'maybe', 'x')")
            }
        }
    }

    @Test("concurrent votes share transactions, and each commit is synced (synchronous = FULL)")
    func batched() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        let collector = try await harness.open()
        let store = try #require(collector.store as? SQLiteVoteStore)
        let commits = CommitCounter()
        store.pool.add(transactionObserver: commits)
        let article = try #require(
            ArticleCatalog(json: Data(CollectorHarness.catalogJSON.utf8)).article(id: "login-credentials", locale: "fr"))
        let row = VoteRow(Submission(article: article, vote: .yes, comment: nil), at: Date())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 { group.addTask { try await collector.store.insert(row) } }
            try await group.waitForAll()
        }
        #expect(try await harness.rows().count == 200)
        #expect(commits.count < 200)
        let synchronous = try await store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2)
    }

    @Test("a reopened database keeps its votes", arguments: StoreKind.allCases)
    func reopen(store: StoreKind) async throws {
        let harness = try await CollectorHarness(store: store)
        defer { harness.removeFiles() }
        for _ in 0..<2 {
            try await harness.run { (_, client) async throws in
                #expect(try await client.vote(client.validVoteFields).status == .created)
            }
        }
        #expect(try await harness.rows().count == 2)
    }
}

/// Counts the transactions that wrote votes.
private final class CommitCounter: TransactionObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var commits = 0

    var count: Int { lock.withLock { commits } }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { eventKind.tableName == "vote" }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { lock.withLock { commits += 1 } }
    func databaseDidRollback(_ db: Database) {}
}
