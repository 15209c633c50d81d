import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

/// A stolen session cannot brute-force the password through the change form: wrong current
/// passwords count like failed sign-ins, and the one that reaches the limit locks the account
/// and ends its sessions.
@Suite struct PasswordGuessTests {
    private func change(_ browser: Browser, current: String) async throws -> Page {
        let form = try await browser.get("/fr/account/password")
        guard form.status == .ok, form.form(withButton: "Enregistrer") != nil else { return form }
        return try await browser.submit(
            "Enregistrer", on: form,
            filling: [
                "Mot de passe actuel": current, "Nouveau mot de passe": "Nouveau-Depart-2027",
                "Confirmer le nouveau mot de passe": "Nouveau-Depart-2027",
            ]
        )
    }

    @Test("Five wrong current passwords lock the account and end the session")
    func locksAfterFive() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let thief = Browser(client)
            _ = try await thief.signIn("paul", Fixture.userPassword)
            for attempt in 1...4 {
                #expect(try await change(thief, current: "devine-\(attempt)-2027").status == .badRequest)
            }
            #expect(try await thief.userState("paul")["failedAttempts"] as? Int == 4)
            let fifth = try await change(thief, current: "devine-5-2027")
            #expect(fifth.text.contains("Connexion"))
            #expect(try await thief.userState("paul")["state"] as? String == "locked")
            #expect(try await thief.get("/fr/account").form(withButton: "Se connecter") != nil)
            #expect(try await change(thief, current: Fixture.userPassword).form(withButton: "Se connecter") != nil)
            #expect(try await Browser(client).signIn("paul", Fixture.userPassword).link("Compte") == nil)
        }
    }

    @Test("A right current password gives its attempt back; 20 guesses at once cost at most 5 checks")
    func rightAndParallel() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { engine, client in
            _ = try await Fixture.create(client)
            let owner = Browser(client)
            _ = try await owner.signIn("marie", Fixture.adminPassword)
            let mismatch = try await owner.submit(
                "Enregistrer", on: try await owner.get("/fr/account/password"),
                filling: [
                    "Mot de passe actuel": Fixture.adminPassword, "Nouveau mot de passe": "Nouveau-Depart-2027",
                    "Confirmer le nouveau mot de passe": "Autre-Depart-2027",
                ])
            #expect(mismatch.status == .badRequest)
            #expect(try await owner.userState("marie")["failedAttempts"] as? Int == 0)

            let thief = Browser(client)
            _ = try await thief.signIn("paul", Fixture.userPassword)
            let form = try #require(try await thief.get("/fr/account/password").form(withButton: "Enregistrer"))
            let cookie = thief.cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
            let before = engine.passwordChecks
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<20 {
                    var mine = form
                    mine.set("current-password", "devine-\(index)-2027")
                    mine.set("new-password", "Nouveau-Depart-2027")
                    mine.set("confirm-password", "Nouveau-Depart-2027")
                    let fields = mine.fields
                    group.addTask {
                        try await TimedAnswer.send(client, form.action, method: .post, cookie: cookie, fields: fields).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(engine.passwordChecks - before <= 5)
            #expect(!statuses.contains(.internalServerError))
            #expect(try await thief.userState("paul")["state"] as? String == "locked")
        }
    }
}
