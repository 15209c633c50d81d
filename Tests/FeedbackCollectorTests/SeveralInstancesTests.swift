import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import PostgresNIO
import Testing

@testable import FeedbackCollector

/// Two collectors on one PostgreSQL database, each on its own socket, as behind a load balancer.
@Suite("several collectors on one PostgreSQL database")
struct SeveralInstancesTests {
    /// Runs two live collectors on the harness's database and hands `body` a client for each.
    private func twoInstances<Value: Sendable>(
        _ harness: CollectorHarness,
        _ body: @Sendable (any TestClientProtocol, any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let first = try await harness.open()
        let second = try await harness.open()
        let value = try await first.application(port: 0).test(.live) { a in
            try await second.application(port: 0).test(.live) { b in
                try await body(a, b)
            }
        }
        await first.close()
        await second.close()
        return value
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
        let harness = try await CollectorHarness(store: .postgres) { $0.votesPerMinute = 4; $0.rateLimitScope = .shared }
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

    @Test("the default limit is each instance's own: a client gets votesPerMinute from each, the documented bound, no more")
    func perInstanceLimit() async throws {
        let harness = try await CollectorHarness(store: .postgres) { $0.votesPerMinute = 3 }
        defer { harness.removeFiles() }
        #expect(harness.options.rateLimitScope == .instance)
        try await twoInstances(harness) { a, b in
            for _ in 1...3 {
                #expect(try await a.vote(a.validVoteFields).status == .created)
                #expect(try await b.vote(b.validVoteFields).status == .created)
            }
            let fromA = try await a.vote(a.validVoteFields)
            #expect(fromA.status == .tooManyRequests)
            #expect(fromA.headers[.retryAfter] == "20")
            #expect(try await b.vote(b.validVoteFields).status == .tooManyRequests)
            harness.clock.advance(by: 20)
            #expect(try await a.vote(a.validVoteFields).status == .created)
        }
        #expect(try await harness.rows().count == 7, "2 instances × 3, then one token back")
        let buckets = try await harness.postgresCount("SELECT COUNT(*)::bigint FROM rate_bucket")
        #expect(buckets == 0, "nothing of the limit in the database")
    }

    @Test("votes from 16 concurrent connections on two instances are each one row, and the report counts them all")
    func concurrentConnections() async throws {
        let harness = try await CollectorHarness(store: .postgres)
        defer { harness.removeFiles() }
        let statuses = try await twoInstances(harness) { a, b in
            try await flood(ports: [try #require(a.port), try #require(b.port)], senders: 16, each: 50) { sender, index in
                [("article", "login-credentials"), ("locale", "fr"), ("vote", (sender + index) % 4 == 0 ? "no" : "yes")]
            }
        }
        #expect(statuses.count == 800)
        #expect(statuses.allSatisfy { $0 == 201 }, "answers: \(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")
        let rows = try await harness.rows()
        #expect(rows.count == 800)
        let report = try await FeedbackReport.read(database: harness.options.database, site: nil, logger: harness.options.logger)
        let french = try #require(report.articles.first { $0.locale == "fr" })
        #expect(french.yes == 600)
        #expect(french.no == 200)
    }

    @Test("the shared limit holds exactly when both instances take tokens in concurrent batches")
    func limitUnderConcurrentBatches() async throws {
        // The clock stands still: no token comes back during the test, so exactly 60 of the
        // client's 240 requests may pass, whichever instance and batch they fall in.
        let harness = try await CollectorHarness(store: .postgres) { $0.votesPerMinute = 60; $0.rateLimitScope = .shared }
        defer { harness.removeFiles() }
        let statuses = try await twoInstances(harness) { a, b in
            try await flood(ports: [try #require(a.port), try #require(b.port)], senders: 16, each: 15) { _, _ in
                [("article", "login-credentials"), ("locale", "fr"), ("vote", "yes")]
            }
        }
        #expect(statuses.filter { $0 == 201 }.count == 60)
        #expect(statuses.filter { $0 == 429 }.count == 180)
        #expect(try await harness.rows().count == 60)
    }

    @Test("each client's bucket holds exactly across two collectors' concurrent batches of many clients")
    func manyClientsManyBatches() async throws {
        let harness = try await CollectorHarness(store: .postgres) { $0.votesPerMinute = 7; $0.rateLimitScope = .shared }
        defer { harness.removeFiles() }
        let first = try await harness.open()
        let second = try await harness.open()
        let limiters = try [#require(first.limiter), #require(second.limiter)]
        let clients = (1...10).map { ClientKey(bytes: [192, 0, 2, UInt8($0)]) }
        let allowed = try await withThrowingTaskGroup(of: (ClientKey, Bool).self) { group in
            for index in 0..<400 {
                // Keys interleaved so that batches hold several clients in different orders.
                let client = clients[(index * 7 + index / 10) % clients.count]
                group.addTask { (client, try await limiters[index % 2].take(client) == .allowed) }
            }
            return try await group.reduce(into: [ClientKey: Int]()) { counts, taken in
                if taken.1 { counts[taken.0, default: 0] += 1 }
            }
        }
        await first.close()
        await second.close()
        #expect(clients.map { allowed[$0] ?? 0 } == Array(repeating: 7, count: clients.count))
    }

    /// `senders` connections spread over `ports`, each posting `each` votes one after the other
    /// (AsyncHTTPClient's pool: a connection per sender); the statuses, in no order.
    private func flood(
        ports: [Int], senders: Int, each: Int, fields: @escaping @Sendable (Int, Int) -> [(String, String)]
    ) async throws -> [Int] {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: senders)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
                for sender in 0..<senders {
                    group.addTask {
                        var statuses: [Int] = []
                        for index in 0..<each {
                            var request = HTTPClientRequest(url: "http://127.0.0.1:\(ports[sender % ports.count])/feedback")
                            request.method = .POST
                            request.headers.add(name: "Accept", value: "application/json")
                            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
                            request.body = .bytes(ByteBuffer(string: FormEncoding.encode(fields(sender, index))))
                            let response = try await http.execute(request, timeout: .seconds(60))
                            statuses.append(Int(response.status.code))
                            _ = try await response.body.collect(upTo: 1 << 16)
                        }
                        return statuses
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            try await http.shutdown()
            return statuses
        } catch {
            try? await http.shutdown()
            throw error
        }
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
