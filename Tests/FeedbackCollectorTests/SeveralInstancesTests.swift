import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing

@testable import FeedbackCollector

/// Two collectors on one PostgreSQL database, each on its own socket, as behind a load balancer.
@Suite("several collectors on one PostgreSQL database")
struct SeveralInstancesTests {
    /// Runs two live collectors on the harness's database and hands `body` a client for each.
    private func twoInstances(
        _ harness: CollectorHarness,
        _ body: @Sendable (any TestClientProtocol, any TestClientProtocol) async throws -> Void
    ) async throws {
        let first = try await harness.open()
        let second = try await harness.open()
        try await first.application(port: 0).test(.live) { a in
            try await second.application(port: 0).test(.live) { b in
                try await body(a, b)
            }
        }
        await first.close()
        await second.close()
    }

    @Test("votes sent to either instance are each one row, and either instance's report counts them all")
    func everyVoteOnce() async throws {
        let harness = try await CollectorHarness(store: .postgres)
        defer { harness.removeFiles() }
        try await twoInstances(harness) { a, b in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<120 {
                    group.addTask {
                        let vote = index % 4 == 0 ? "no" : "yes"
                        let client = index % 2 == 0 ? a : b
                        return try await client.vote([("article", "login-credentials"), ("locale", "fr"), ("vote", vote)]).status
                    }
                }
                for try await status in group { #expect(status == .created) }
            }
        }
        let rows = try await harness.rows()
        #expect(rows.count == 120)
        #expect(rows.filter { $0.vote == "no" }.count == 30)
        let report = try await FeedbackReport.read(database: harness.options.database, site: nil, logger: harness.options.logger)
        let french = try #require(report.articles.first { $0.locale == "fr" })
        #expect(french.yes == 90)
        #expect(french.no == 30)
    }

    @Test("the rate limit is one per client across instances: its tokens are rows in PostgreSQL")
    func sharedLimit() async throws {
        let harness = try await CollectorHarness(store: .postgres) { $0.votesPerMinute = 4 }
        defer { harness.removeFiles() }
        try await twoInstances(harness) { a, b in
            #expect(try await a.vote(a.validVoteFields).status == .created)
            #expect(try await b.vote(b.validVoteFields).status == .created)
            #expect(try await a.vote(a.validVoteFields).status == .created)
            #expect(try await b.vote(b.validVoteFields).status == .created)
            let fromB = try await b.vote(b.validVoteFields)
            #expect(fromB.status == .tooManyRequests)
            #expect(fromB.headers[.retryAfter] == "15")
            #expect(try await a.vote(a.validVoteFields).status == .tooManyRequests)
            harness.clock.advance(by: 15)
            #expect(try await b.vote(b.validVoteFields).status == .created)
            #expect(try await a.vote(a.validVoteFields).status == .tooManyRequests)
        }
        #expect(try await harness.rows().count == 5)
    }

    @Test("two collectors starting at once on an empty database both migrate it, once")
    func concurrentStart() async throws {
        let harness = try await CollectorHarness(store: .postgres)
        defer { harness.removeFiles() }
        async let first = harness.open()
        async let second = harness.open()
        let both = try await [first, second]
        for collector in both { await collector.close() }
        let postgres = try #require(harness.postgres)
        let names = try await postgres.cluster.withConnection(to: postgres.database) { connection in
            var names: [String] = []
            for try await name in try await connection.query(
                "SELECT name FROM helpcenter_migration ORDER BY name", logger: TestPostgres.logger
            ).decode(String.self) { names.append(name) }
            return names
        }
        #expect(names == PostgresSchema.migrations.map(\.name))
    }
}
