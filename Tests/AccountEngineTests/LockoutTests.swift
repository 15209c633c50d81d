import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

@Suite struct LockoutTests {
    @Test("Five consecutive failures lock the account; the right password then fails too")
    func locksAfterFive() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            for attempt in 1...4 {
                _ = try await browser.signIn("paul", "wrong-\(attempt)-password")
                #expect(try await browser.userState("paul")["state"] as? String == "active")
            }
            _ = try await browser.signIn("paul", "wrong-5-password")
            #expect(try await browser.userState("paul")["state"] as? String == "locked")
            #expect(try await browser.signIn("paul", Fixture.userPassword).link("Compte") == nil)
        }
    }

    @Test("A success before the limit zeroes the counter")
    func successResets() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            for _ in 1...4 { _ = try await browser.signIn("paul", "wrong-password") }
            #expect(try await browser.userState("paul")["failedAttempts"] as? Int == 4)
            #expect(try await Browser(client).signIn("paul", Fixture.userPassword).link("Compte") != nil)
            #expect(try await browser.userState("paul")["failedAttempts"] as? Int == 0)
            for _ in 1...4 { _ = try await browser.signIn("paul", "wrong-password") }
            #expect(try await browser.userState("paul")["state"] as? String == "active")
        }
    }

    @Test("50 simultaneous wrong passwords lock the account after exactly 5 password checks")
    func burst() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { engine, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            let page = try await browser.get("/fr/sign-in")
            let csrf = try #require(page.form(withButton: "Se connecter")?.fields.first { $0.name == "csrf" }?.value)
            let cookie = "hc_browser=\(browser.cookies["hc_browser"] ?? "")"
            let checksBefore = engine.passwordChecks
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for attempt in 0..<50 {
                    group.addTask {
                        try await client.executeRequest(
                            uri: "/fr/sign-in", method: .post,
                            headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                            body: ByteBuffer(string: "csrf=\(csrf)&username=paul&password=wrong-\(attempt)")
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .ok })
            #expect(engine.passwordChecks - checksBefore == 5)
            let state = try await browser.userState("paul")
            #expect(state["state"] as? String == "locked")
            #expect(state["failedAttempts"] as? Int == 5)
        }
    }

    @Test("--lockout-limit changes the number of attempts", arguments: [3, 7])
    func configurableLimit(limit: Int) async throws {
        let harness = try EngineHarness { $0.lockoutLimit = limit }
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            for _ in 1..<limit { _ = try await browser.signIn("paul", "wrong-password") }
            #expect(try await browser.userState("paul")["state"] as? String == "active")
            _ = try await browser.signIn("paul", "wrong-password")
            #expect(try await browser.userState("paul")["state"] as? String == "locked")
        }
    }
}
