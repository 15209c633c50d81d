import Foundation
import HTTPTypes
import HummingbirdTesting
import PostgresNIO
import Testing

@testable import FeedbackCollector

/// The PostgreSQL schema is brought up to date at start, from nothing or from an older collector's.
@Suite("PostgreSQL migrations")
struct PostgresMigrationTests {
    private func applied(_ harness: CollectorHarness) async throws -> [String] {
        let postgres = try #require(harness.postgres)
        return try await postgres.cluster.withConnection(to: postgres.database) { connection in
            var names: [String] = []
            for try await name in try await connection.query(
                "SELECT name FROM helpcenter_migration ORDER BY name", logger: TestPostgres.logger
            ).decode(String.self) { names.append(name) }
            return names
        }
    }

    @Test("an empty database gets every migration, and takes votes")
    func empty() async throws {
        let harness = try await CollectorHarness(store: .postgres)
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            #expect(try await client.vote(client.validVoteFields).status == .created)
        }
        #expect(try await applied(harness) == PostgresSchema.migrations.map(\.name))
        #expect(try await harness.rows().count == 1)
    }

    @Test("an older database (votes, no rate-limit table) keeps its votes and gains the new table")
    func older() async throws {
        let harness = try await CollectorHarness(store: .postgres) { $0.votesPerMinute = 2 }
        defer { harness.removeFiles() }
        let postgres = try #require(harness.postgres)
        let old = try await PostgresVoteStore.open(
            try #require({ if case .postgres(let p) = try DatabaseAddress(parsing: harness.options.database) { p } else { nil } }()),
            poolSize: 1, deadline: .seconds(2), logger: TestPostgres.logger, migrateUpTo: 1)
        await old.close()
        try await postgres.cluster.withConnection(to: postgres.database) { connection in
            try await connection.query(
                """
                INSERT INTO vote(article, locale, vote, comment, created_at)
                VALUES ('login-credentials', 'fr', 'no', NULL, '2026-01-01T00:00:00Z')
                """, logger: TestPostgres.logger)
        }
        #expect(try await applied(harness) == ["v1: votes"])
        let report = try await harness.run { (collector, client) async throws in
            #expect(try await client.vote(client.validVoteFields).status == .created)
            #expect(try await client.vote(client.validVoteFields).status == .created)
            #expect(try await client.vote(client.validVoteFields).status == .tooManyRequests)
            return try await collector.report()
        }
        #expect(try await applied(harness) == PostgresSchema.migrations.map(\.name))
        let french = try #require(report.articles.first { $0.locale == "fr" })
        #expect((french.yes, french.no) == (2, 1))
    }
}
