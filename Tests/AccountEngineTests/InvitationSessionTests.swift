import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

/// An invitation link opened in a browser signed in as someone else: the page asks to sign out
/// first, the acceptance is refused, and the two people's sessions and rights never mix.
@Suite struct InvitationSessionTests {
    @Test("Signed in as marie, paul's invitation asks to sign out (409) and cannot be accepted; signed out, it can")
    func otherSession() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let fixture = try await Fixture.create(client)
            let marie = Browser(client)
            _ = try await marie.signIn("marie", Fixture.adminPassword)
            let rights = try await marie.submit(
                "Voir les droits d'accès", on: try await marie.get("/fr/account/users/existing"),
                filling: ["Identifiant de l'établissement": String(fixture.propertyIDs[1]), "Adresse e-mail": "paul@example.com"])
            _ = try await marie.submit("Envoyer l'invitation", on: rights)
            let link = try #require(try await marie.latestLink("paul@example.com"))
            let token = String(try #require(link.split(separator: "=").last))

            let page = try await marie.get(link)
            #expect(page.status == .conflict)
            #expect(page.text.contains("Vous êtes connecté en tant que marie"))
            #expect(page.form(withButton: "Accepter l'invitation") == nil)
            let csrf = try #require(page.form(withButton: "Se déconnecter")?.fields.first { $0.name == "csrf" }?.value)
            let posted = try await marie.post("/fr/invitation", [("csrf", csrf), ("token", token)])
            #expect(posted.status == .conflict)
            #expect((try await marie.userState("paul")["properties"] as? [Any])?.count == 1)
            #expect(try await marie.get("/fr/").text.contains("Marie Dupont"))

            let signedOut = try await marie.submit("Se déconnecter", on: page)
            #expect(signedOut.form(withButton: "Se connecter") != nil)
            let invitation = try await marie.get(link)
            #expect(invitation.status == .ok)
            _ = try await marie.submit("Accepter l'invitation", on: invitation)
            #expect((try await marie.userState("paul")["properties"] as? [Any])?.count == 2)
            #expect(marie.sessionCookie == nil)
        }
    }
}
