import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

/// The database's write lock held by another connection for 8 s while requests arrive: what
/// needs no write answers as usual, what needs one answers 503 within the engine's write wait,
/// and nothing waits for the lock on a thread that serves other requests.
@Suite struct DatabaseLockTests {
    /// A browser's cookie and the form fields of `button` on `path`, read before the lock.
    private func form(_ browser: Browser, _ path: String, _ button: String) async throws -> [(
        name: String, value: String
    )] {
        try #require(try await browser.get(path).form(withButton: button)).fields
    }

    private func cookie(_ browser: Browser) -> String {
        browser.cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
    }

    @Test("With the write lock held for 8 s, pages answer within 2 s, writes answer 503, nothing 500")
    func pagesAnswerWhileLocked() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let visitor = Browser(client)
            let forgot = try await form(visitor, "/fr/forgot-password", "Confirmer").filter {
                $0.name != "username"
            }
            let signIn = try await form(visitor, "/fr/sign-in", "Se connecter").filter {
                $0.name != "username" && $0.name != "password"
            }
            let member = Browser(client)
            _ = try await member.signIn("marie", Fixture.adminPassword)
            let (visitorCookie, memberCookie) = (cookie(visitor), cookie(member))

            let lock = try await WriteLock.hold(harness.options.databasePath, for: 8)
            let answers = try await withThrowingTaskGroup(of: (String, TimedAnswer).self) { group in
                for index in 0..<6 {
                    group.addTask {
                        (
                            "forgot",
                            try await TimedAnswer.send(
                                client, "/fr/forgot-password", method: .post, cookie: visitorCookie,
                                fields: forgot + [("username", index % 2 == 0 ? "paul" : "marie")])
                        )
                    }
                    group.addTask {
                        (
                            "sign-in",
                            try await TimedAnswer.send(
                                client, "/fr/sign-in", method: .post, cookie: visitorCookie,
                                fields: signIn + [("username", "paul"), ("password", Fixture.userPassword)])
                        )
                    }
                }
                try await Task.sleep(for: .milliseconds(300))
                for _ in 0..<4 {
                    group.addTask {
                        ("page", try await TimedAnswer.send(client, "/fr/sign-in", cookie: visitorCookie))
                    }
                    group.addTask {
                        ("account", try await TimedAnswer.send(client, "/fr/account", cookie: memberCookie))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            try await lock.value
            for (kind, answer) in answers {
                #expect(answer.status != .internalServerError, "\(kind)")
                #expect(answer.seconds < 2, "\(kind) took \(answer.seconds) s")
            }
            #expect(
                answers.filter { $0.0 == "page" || $0.0 == "account" }.allSatisfy { $0.1.status == .ok })
            let refused = answers.filter { $0.0 == "sign-in" }.map(\.1)
            #expect(refused.allSatisfy { $0.status == .serviceUnavailable })
            #expect(refused.allSatisfy { $0.text.contains("Service momentanément indisponible") })
            #expect(try await Browser(client).signIn("paul", Fixture.userPassword).link("Compte") != nil)
        }
    }

    @Test("With the write lock held, the test API's fixture creation answers 503 within 2 s, not 500")
    func testAPIWhileLocked() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let lock = try await WriteLock.hold(harness.options.databasePath, for: 3)
            let start = ContinuousClock.now
            let response = try await client.executeRequest(
                uri: "/_test/accounts", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"users": []}"#)
            )
            #expect(response.status == .serviceUnavailable)
            #expect(ContinuousClock.now - start < .seconds(2))
            try await lock.value
        }
    }

    @Test(
        "With the write lock held, forgot-password answers a known and an unknown user alike; the e-mail follows"
    )
    func forgotPasswordWhileLocked() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { engine, client in
            _ = try await Fixture.create(client)
            let visitor = Browser(client)
            let forgot = try await form(visitor, "/fr/forgot-password", "Confirmer").filter {
                $0.name != "username"
            }
            let cookie = cookie(visitor)
            let lock = try await WriteLock.hold(harness.options.databasePath, for: 3)
            let answers = try await withThrowingTaskGroup(of: (String, TimedAnswer).self) { group in
                for username in ["paul", "personne", "paul", "inconnu"] {
                    group.addTask {
                        (
                            username,
                            try await TimedAnswer.send(
                                client, "/fr/forgot-password", method: .post, cookie: cookie,
                                fields: forgot + [("username", username)])
                        )
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let known = answers.filter { $0.0 == "paul" }.map(\.1)
            let unknown = answers.filter { $0.0 != "paul" }.map(\.1)
            #expect(Set(answers.map(\.1.status)) == [.ok])
            #expect(Set(answers.map(\.1.text)).count == 1)
            #expect(answers.allSatisfy { $0.1.seconds < 2 })
            let mean = { (list: [TimedAnswer]) in list.map(\.seconds).reduce(0, +) / Double(list.count) }
            #expect(
                abs(mean(known) - mean(unknown)) < 0.5, "known \(mean(known)) s, unknown \(mean(unknown)) s"
            )
            try await lock.value
            var delivered = 0
            for _ in 0..<100 where delivered < 2 {
                try await Task.sleep(for: .milliseconds(100))
                delivered = try await engine.mailbox("paul@example.com").count
            }
            #expect(delivered == 2)
        }
    }
}
