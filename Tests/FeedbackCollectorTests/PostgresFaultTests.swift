import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import Testing

@testable import FeedbackCollector

/// What a reader and an operator see when PostgreSQL goes away or the address is wrong.
@Suite("PostgreSQL faults")
struct PostgresFaultTests {
    @Test("PostgreSQL stopped under load: 503 within seconds, every 201 a row, and votes resume when it is back")
    func outage() async throws {
        let cluster = try await TestPostgres.make()
        let harness = try await CollectorHarness(store: .postgres, cluster: cluster) {
            $0.storageDeadline = .seconds(1)
        }
        defer { harness.removeFiles() }
        let collector = try await harness.open()
        let answers = NIOLockedValueBox<[(comment: String, status: HTTPResponse.Status, seconds: Double)]>([])
        let stop = NIOLockedValueBox(false)
        // AsyncHTTPClient's pool, a connection per sender: the live test client has one
        // connection, which would queue each sender behind the others' answers.
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        try await collector.application(port: 0).test(.live) { client in
            let port = try #require(client.port)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for sender in 0..<6 {
                    group.addTask {
                        var index = 0
                        while !stop.withLockedValue({ $0 }) {
                            let comment = "sender \(sender) vote \(index)"
                            index += 1
                            let start = ContinuousClock.now
                            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/feedback")
                            request.method = .POST
                            request.headers.add(name: "Accept", value: "application/json")
                            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
                            request.body = .bytes(ByteBuffer(string: FormEncoding.encode([
                                ("article", "login-credentials"), ("locale", "fr"), ("vote", "comment"),
                                ("comment", comment),
                            ])))
                            let response = try await http.execute(request, timeout: .seconds(120))
                            let status = HTTPResponse.Status(code: Int(response.status.code))
                            let elapsed = ContinuousClock.now - start
                            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                            answers.withLockedValue { $0.append((comment, status, seconds)) }
                            // A steady load, not a flood: the rest of the suite runs beside this test.
                            try await Task.sleep(for: .milliseconds(status == .created ? 20 : 50))
                        }
                    }
                }
                try await Task.sleep(for: .milliseconds(700))
                try await cluster.stop()
                try await Task.sleep(for: .seconds(2))
                try await cluster.start()
                // Back: within a few seconds the pool reconnects and votes are 201 again.
                var resumed = false
                for _ in 0..<100 where !resumed {
                    try await Task.sleep(for: .milliseconds(100))
                    resumed = answers.withLockedValue { $0.suffix(6).contains { $0.status == .created } }
                }
                try await Task.sleep(for: .milliseconds(500))
                stop.withLockedValue { $0 = true }
                try await group.waitForAll()
                #expect(resumed, "no vote was stored after PostgreSQL came back")
            }
        }
        try await http.shutdown()
        await collector.close()
        let all = answers.withLockedValue { $0 }
        let statuses = Set(all.map(\.status.code))
        #expect(statuses.isSubset(of: [201, 503]), "answers other than 201 and 503: \(statuses)")
        #expect(all.contains { $0.status == .serviceUnavailable }, "no 503 while PostgreSQL was stopped")
        let slowest = all.map(\.seconds).max() ?? 0
        // The deadline is 1 s; alone this suite's slowest answer takes about that. The bound is
        // wide because `make test` runs every suite in this process at once, and on 2 cores the
        // synchronous CLI suites can hold Swift's cooperative threads (the collector's too) for
        // many seconds; a collector that hung would still fail it.
        let slow = all.filter { $0.seconds >= 4 }.map { "\($0.comment): \($0.status.code) after \($0.seconds) s" }
        #expect(slowest < 30, "a vote waited \(slowest) s: \(slow)")
        let stored = Set(try await harness.rows().compactMap(\.comment))
        let answered = all.filter { $0.status == .created }.map(\.comment)
        #expect(!answered.isEmpty)
        let lost = answered.filter { !stored.contains($0) }
        #expect(lost.isEmpty, "answered 201 but not stored: \(lost.prefix(5))")
    }

    @Test("a wrong password is an error at start that names the user and the password to fix")
    func wrongPassword() async throws {
        let cluster = try await TestPostgres.shared()
        let database = try await cluster.createDatabase()
        let harness = try CollectorHarness { $0.database = cluster.url(database, password: "not-the-password") }
        defer { harness.removeFiles() }
        let message = try await startError(harness)
        #expect(message.contains("refused the password of user 'helpcenter'"))
        #expect(message.contains("postgres://helpcenter:PASSWORD@127.0.0.1:\(cluster.port)/\(database)"))
        #expect(!message.contains("not-the-password"))
    }

    @Test("nothing listening at the host and port is an error at start that says so")
    func wrongPort() async throws {
        let port = try TestPostgres.freePort()
        let harness = try CollectorHarness { $0.database = "postgres://helpcenter:x@127.0.0.1:\(port)/feedback" }
        defer { harness.removeFiles() }
        let message = try await startError(harness)
        #expect(message.contains("nothing answers at 127.0.0.1:\(port)"))
        #expect(message.contains("fix the host and port"))
    }

    @Test("a database that does not exist is an error naming it")
    func missingDatabase() async throws {
        let cluster = try await TestPostgres.shared()
        let harness = try CollectorHarness { $0.database = cluster.url("no_such_db") }
        defer { harness.removeFiles() }
        let message = try await startError(harness)
        #expect(message.contains("has no database 'no_such_db'"))
    }

    @Test("a malformed address is refused before any connection")
    func malformed() async throws {
        let harness = try CollectorHarness { $0.database = "postgres://127.0.0.1:5432/feedback" }
        defer { harness.removeFiles() }
        #expect(try await startError(harness).contains("names no user"))
    }

    private func startError(_ harness: CollectorHarness) async throws -> String {
        do {
            let collector = try await harness.open()
            await collector.close()
            Issue.record("the collector started")
            return ""
        } catch {
            return "\(error)"
        }
    }
}
