import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

@Suite struct PasswordChangeTests {
    /// Signs marie in and opens the change-password form.
    private func form(_ client: some Any, _ browser: Browser) async throws -> Page {
        let home = try await browser.signIn("marie", Fixture.adminPassword)
        return try await browser.click("Modifier le mot de passe", on: try await browser.click("Compte", on: home))
    }

    @Test(
        "Refused changes say why, with 400, and keep the old password",
        arguments: [
            ("wrong current", "Pas-le-bon-2026", "Nouveau-Depart-2027", "Nouveau-Depart-2027", "Le mot de passe actuel est incorrect."),
            ("mismatch", Fixture.adminPassword, "Nouveau-Depart-2027", "Nouveau-Depart-2028", "ne sont pas identiques"),
            ("too short", Fixture.adminPassword, "Court-1", "Court-1", "au moins 8 caractères"),
            ("too long", Fixture.adminPassword, String(repeating: "x", count: 129), String(repeating: "x", count: 129), "au plus 128 caractères"),
            ("common", Fixture.adminPassword, "Password123", "Password123", "trop courant"),
        ]
    )
    func refused(_ case: String, current: String, new: String, confirmation: String, message: String) async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            let page = try await form(client, browser)
            let result = try await browser.submit(
                "Enregistrer", on: page,
                filling: [
                    "Mot de passe actuel": current, "Nouveau mot de passe": new,
                    "Confirmer le nouveau mot de passe": confirmation,
                ]
            )
            #expect(result.status == .badRequest)
            #expect(result.text.contains(message))
            #expect(try await Browser(client).signIn("marie", Fixture.adminPassword).link("Compte") != nil)
        }
    }

    @Test("A change renews the session id and ends the user's other sessions")
    func renewsSessions() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let other = Browser(client)
            _ = try await other.signIn("marie", Fixture.adminPassword)
            let browser = Browser(client)
            let page = try await form(client, browser)
            let before = browser.sessionCookie
            _ = try await browser.submit(
                "Enregistrer", on: page,
                filling: [
                    "Mot de passe actuel": Fixture.adminPassword, "Nouveau mot de passe": "Nouveau-Depart-2027",
                    "Confirmer le nouveau mot de passe": "Nouveau-Depart-2027",
                ]
            )
            #expect(browser.sessionCookie != nil && browser.sessionCookie != before)
            #expect(try await browser.get("/fr/account").status == .ok)
            #expect(try await other.request("/fr/account", method: .get).status == .seeOther)
            let stolen = Browser(client)
            stolen.setCookie("hc_session", before)
            #expect(try await stolen.request("/fr/account", method: .get).status == .seeOther)
        }
    }

    @Test("No truncation: two 100-character passwords that differ only at the end are different")
    func noTruncation() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let long = String(repeating: "Long-phrase ", count: 8) + "fin A"
            let browser = Browser(client)
            let page = try await form(client, browser)
            _ = try await browser.submit(
                "Enregistrer", on: page,
                filling: ["Mot de passe actuel": Fixture.adminPassword, "Nouveau mot de passe": long, "Confirmer le nouveau mot de passe": long]
            )
            #expect(long.count > 72)
            #expect(try await Browser(client).signIn("marie", String(long.dropLast()) + "B").link("Compte") == nil)
            #expect(try await Browser(client).signIn("marie", long).link("Compte") != nil)
        }
    }

    @Test("The policy: 8 to 128 characters, common passwords refused")
    func policy() {
        #expect(PasswordPolicy.violation(of: "1234567") == .tooShort)
        #expect(PasswordPolicy.violation(of: "abcdefgh") == nil)
        #expect(PasswordPolicy.violation(of: String(repeating: "é", count: 128)) == nil)
        #expect(PasswordPolicy.violation(of: String(repeating: "é", count: 129)) == .tooLong)
        #expect(PasswordPolicy.violation(of: "MotDePasse") == .common)
    }
}
