import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

/// `POST /_test/clock` moves one user's time: their session, reset links, reset e-mails and
/// invitations age, another user's on the same engine do not, and without the test API the
/// path does not exist.
@Suite struct TestClockTests {
    /// Advances `username`'s time by `seconds` through the test API; the answer's status.
    @discardableResult
    private static func advance(_ client: any TestClientProtocol, _ username: String, by seconds: Double) async throws -> HTTPResponse.Status {
        try await client.executeRequest(
            uri: "/_test/clock", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"username": "\#(username)", "seconds": \#(seconds)}"#)
        ).status
    }

    @Test("Without --test-mode POST /_test/clock answers 404 and moves nothing")
    func refusedWithoutTestMode() async throws {
        let harness = try EngineHarness { $0.testMode = false }
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let status = try await Self.advance(client, "paul", by: 60)
            #expect(status == .notFound)
        }
    }

    @Test("A bad request is 400, an unknown user 404; the answer is the user's whole offset")
    func badRequests() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            #expect(try await Self.advance(client, "nobody", by: 60) == .notFound)
            #expect(try await Self.advance(client, "paul", by: 0) == .badRequest)
            #expect(try await Self.advance(client, "paul", by: -3600) == .badRequest)
            #expect(try await Self.advance(client, "paul", by: 400 * 24 * 3600) == .badRequest)
            let invalid = try await client.executeRequest(
                uri: "/_test/clock", method: .post, headers: [:], body: ByteBuffer(string: #"{"username": "paul"}"#))
            #expect(invalid.status == .badRequest)
            #expect(try await Self.advance(client, "paul", by: 60) == .ok)
            let answer = try await client.executeRequest(
                uri: "/_test/clock", method: .post, headers: [:], body: ByteBuffer(string: #"{"username": "paul", "seconds": 30}"#))
            let json = try JSONSerialization.jsonObject(with: Data(String(buffer: answer.body).utf8)) as? [String: Any]
            #expect(json?["offsetSeconds"] as? Double == 90)
            #expect(json?["username"] as? String == "paul")
        }
    }

    @Test("A session ends 12 hours after sign-in in its user's time; another user's session goes on")
    func session() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let paul = Browser(client)
            _ = try await paul.signIn("paul", Fixture.userPassword)
            let marie = Browser(client)
            _ = try await marie.signIn("marie", Fixture.adminPassword)
            try await Self.advance(client, "paul", by: 12 * 3600 - 60)
            #expect(try await paul.get("/fr/").text.contains("Paul Martin"))
            try await Self.advance(client, "paul", by: 120)
            #expect(try await paul.get("/fr/account").form(withButton: "Se connecter") != nil)
            #expect(try await marie.get("/fr/").text.contains("Marie Dupont"))
        }
    }

    @Test("A reset link works until 1 hour in its user's time, then is void")
    func resetLink() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            _ = try await browser.submit(
                "Confirmer", on: try await browser.get("/fr/forgot-password"), filling: ["Nom d'utilisateur": "paul"])
            let link = try #require(try await browser.latestLink("paul@example.com"))
            try await Self.advance(client, "marie", by: 7200)
            try await Self.advance(client, "paul", by: 3540)
            let form = try await browser.get(link)
            #expect(form.status == .ok)
            try await Self.advance(client, "paul", by: 120)
            #expect(try await browser.get(link).status == .badRequest)
            let late = try await browser.submit(
                "Enregistrer", on: form,
                filling: ["Nouveau mot de passe": "Trop-Tard-2027", "Confirmer le nouveau mot de passe": "Trop-Tard-2027"])
            #expect(late.status == .badRequest)
            #expect(late.text.contains("Ce lien n'est plus valable"))
        }
    }

    @Test("3 reset e-mails per hour of the user's time: the 4th request sends none, an hour later one is sent again")
    func resetMailsPerHour() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            func request() async throws -> Int {
                _ = try await browser.submit(
                    "Confirmer", on: try await browser.get("/fr/forgot-password"), filling: ["Nom d'utilisateur": "paul"])
                return try await browser.mailbox("paul@example.com").count
            }
            for sent in 1...3 { #expect(try await request() == sent) }
            #expect(try await request() == 3)
            try await Self.advance(client, "paul", by: 3601)
            #expect(try await request() == 4)
        }
    }

    @Test("An invitation works until 7 days in the invitee's time, then is void")
    func invitation() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(
                client, extraUsers: #", {"username": "lea@example.com", "email": "lea@example.com", "state": "invited"}"#)
            let browser = Browser(client)
            let link = try #require(try await browser.latestLink("lea@example.com"))
            try await Self.advance(client, "lea@example.com", by: 7 * 24 * 3600 - 60)
            #expect(try await browser.get(link).status == .ok)
            try await Self.advance(client, "lea@example.com", by: 120)
            #expect(try await browser.get(link).status == .badRequest)
        }
    }
}
