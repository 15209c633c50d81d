import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

@Suite struct EngineOptionsTests {
    @Test("Without --test-mode the test API answers 404; without --dev so does the outbox page")
    func modes() async throws {
        let off = try EngineHarness {
            $0.testMode = false
            $0.devMode = false
        }
        defer { off.removeFiles() }
        try await off.run { _, client in
            let create = try await client.executeRequest(
                uri: "/_test/accounts", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"users": []}"#))
            #expect(create.status == .notFound)
            for path in ["/_test/mailbox?address=a@example.com", "/_test/users?username=a", "/_dev/outbox"] {
                #expect(try await client.executeRequest(uri: path, method: .get, headers: [:], body: nil).status == .notFound)
            }
        }
        let on = try EngineHarness { $0.devMode = true }
        defer { on.removeFiles() }
        try await on.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            _ = try await browser.submit(
                "Confirmer", on: try await browser.get("/fr/forgot-password"), filling: ["Nom d'utilisateur": "paul"])
            let outbox = try await browser.get("/_dev/outbox")
            #expect(outbox.status == .ok)
            #expect(outbox.text.contains("Réinitialisez votre mot de passe"))
            #expect(outbox.html.contains("/fr/reset-password?token="))
        }
    }

    @Test("--rename-label changes one label in one locale only")
    func renameLabel() async throws {
        let harness = try EngineHarness {
            $0.labelRenames = [LabelRename(locale: .fr, from: "Compte", to: "Mon compte")]
        }
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let french = try await Browser(client).signIn("marie", Fixture.adminPassword)
            #expect(french.link("Compte") == nil)
            #expect(french.link("Mon compte") != nil)
            let english = try await Browser(client).signIn("marie", Fixture.adminPassword, locale: "en")
            #expect(english.link("Account") != nil)
        }
        #expect(LabelRename(argument: "xx:Compte=Mon compte") == nil)
        #expect(LabelRename(argument: "fr:Compte") == nil)
        #expect(LabelRename(argument: "fr:Étape suivante : configuration=B")?.from == "Étape suivante : configuration")
    }

    @Test("Every locale's catalog has every text")
    func catalogsComplete() {
        for locale in EngineLocale.allCases {
            #expect(Catalog.missingKeys(locale).isEmpty, "\(locale)")
        }
    }

    @Test("Pages live under their locale; an unknown locale or path is a localized 404", arguments: ["fr", "en", "de", "es"])
    func localePaths(locale: String) async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let browser = Browser(client)
            let page = try await browser.get("/\(locale)/sign-in")
            #expect(page.status == .ok)
            #expect(page.html.contains("<html lang=\"\(locale)\">"))
            #expect(page.unlabelledInputs.isEmpty)
            #expect(try await browser.get("/\(locale)/no-such-page").status == .notFound)
            #expect(try await browser.get("/xx/sign-in").status == .notFound)
        }
    }

    @Test("The test API creates locked users, counts properties and returns ids")
    func fixtures() async throws {
        let harness = try EngineHarness { $0.lockoutLimit = 3 }
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let fixture = try await Fixture.create(
                client, properties: 6,
                extraUsers: #", {"username": "lou", "email": "Lou@Example.com", "password": "Verrou-2026!", "state": "locked", "rights": ["finance"], "properties": [5]}"#
            )
            #expect(fixture.propertyIDs.count == 6)
            let state = try await Browser(client).userState("lou")
            #expect(state["state"] as? String == "locked")
            #expect(state["failedAttempts"] as? Int == 3)
            #expect(state["email"] as? String == "lou@example.com")
            let access = try #require(state["properties"] as? [[String: Any]])
            #expect(access.count == 1)
            #expect(access.first?["rights"] as? [String] == ["finance"])
            let duplicate = try await client.executeRequest(
                uri: "/_test/accounts", method: .post, headers: [:],
                body: ByteBuffer(string: #"{"users": [{"username": "lou", "email": "x@example.com", "password": "Verrou-2026!"}]}"#))
            #expect(duplicate.status == .conflict)
            let invalid = try await client.executeRequest(uri: "/_test/accounts", method: .post, headers: [:], body: ByteBuffer(string: "{"))
            #expect(invalid.status == .badRequest)
        }
    }
}
