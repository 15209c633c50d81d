import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FeedbackCollector

@Suite("the vote table")
struct StorageTests {
    @Test("200 concurrent votes are 200 answers of 201 and exactly 200 rows")
    func concurrent() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        let statuses = try await harness.run { (_, client) async throws in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let vote = index % 3 == 0 ? "no" : "yes"
                        return try await client.vote([("article", "login-credentials"), ("locale", "en"), ("vote", vote)])
                            .status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(statuses.count == 200)
        #expect(statuses.allSatisfy { $0 == .created })
        let rows = try harness.rows()
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
        let queue = try DatabaseQueue(path: harness.options.databasePath)
        let columns = try await queue.read { db in try db.columns(in: "vote").map(\.name) }
        #expect(columns == ["id", "article", "locale", "vote", "comment", "created_at"])
        #expect(try harness.rows()[0].createdAt == "2026-11-18T11:06:40Z")
        let mode = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(throws: (any Error).self) {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO vote(article, locale, vote, created_at) VALUES ('a', 'fr', 'maybe', 'x')")
            }
        }
    }

    @Test("a reopened database keeps its votes")
    func reopen() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        for _ in 0..<2 {
            try await harness.run { (_, client) async throws in
                #expect(try await client.vote(client.validVoteFields).status == .created)
            }
        }
        #expect(try harness.rows().count == 2)
    }
}
