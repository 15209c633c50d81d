import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

@Suite struct UserAdministrationTests {
    @Test("A user without the administration right gets 403 on every administrative page and action")
    func nonAdministrator() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let fixture = try await Fixture.create(client)
            let paul = Browser(client)
            let home = try await paul.signIn("paul", Fixture.userPassword)
            let account = try await paul.click("Compte", on: home)
            #expect(account.link("Ajouter et gérer des utilisateurs") == nil)
            let marie = try #require(fixture.userIDs["marie"])
            for path in ["/fr/account/users", "/fr/account/users/add", "/fr/account/users/new", "/fr/account/users/\(marie)"] {
                #expect(try await paul.get(path).status == .forbidden, "\(path)")
            }
            let csrf = try #require(account.form(withButton: "Se déconnecter")?.fields.first?.value)
            let delete = try await paul.post("/fr/account/users/\(marie)/delete", [("csrf", csrf)])
            #expect(delete.status == .forbidden)
            #expect(try await paul.userState("marie")["username"] as? String == "marie")
            let invite = try await paul.post(
                "/fr/account/users/new/invite",
                [("csrf", csrf), ("name", "Intrus"), ("email", "intrus@example.com"), ("rights-\(fixture.propertyIDs[0])", "administration")]
            )
            #expect(invite.status == .forbidden)
            #expect(try await paul.mailbox("intrus@example.com").isEmpty)
        }
    }

    @Test("Another account's user id is a 404, for the page and the deletion")
    func otherAccount() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let other = try await Fixture.create(client, prefix: "b-")
            let victim = try #require(other.userIDs["b-paul"])
            let admin = Browser(client)
            let account = try await admin.click("Compte", on: try await admin.signIn("marie", Fixture.adminPassword))
            let csrf = try #require(account.form(withButton: "Se déconnecter")?.fields.first?.value)
            #expect(try await admin.get("/fr/account/users/\(victim)").status == .notFound)
            #expect(try await admin.post("/fr/account/users/\(victim)/delete", [("csrf", csrf)]).status == .notFound)
            #expect(try await admin.userState("b-paul")["username"] as? String == "b-paul")
            #expect(try await admin.get("/fr/account/users/999999").status == .notFound)
        }
    }

    @Test("An administrator cannot delete themselves (409, with the reason)")
    func notOneself() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let admin = Browser(client)
            let home = try await admin.signIn("marie", Fixture.adminPassword)
            let list = try await admin.click("Ajouter et gérer des utilisateurs", on: try await admin.click("Compte", on: home))
            let manage = try await admin.get(try #require(list.link("Gérer", inRowShowing: "marie")))
            let refused = try await admin.submit("Supprimer l'utilisateur", on: manage)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("Vous ne pouvez pas supprimer votre propre utilisateur."))
            #expect(try await admin.get("/fr/account").status == .ok)
        }
    }

    @Test("The account's last administrator is never deleted")
    func lastAdministrator() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { engine, client in
            let fixture = try await Fixture.create(client)
            let marie = try #require(fixture.userIDs["marie"])
            let paul = try #require(fixture.userIDs["paul"])
            // Through the pages an administrator always remains (the actor), so the rule is
            // checked where it lives: the deletion transaction.
            #expect(try await engine.store.deleteUser(id: marie, actorID: paul, accountID: fixture.accountID) == .lastAdministrator)
            #expect(try await engine.store.user(id: marie) != nil)
        }
    }

    @Test("A deleted user's sessions end at once")
    func deletionEndsSessions() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let paul = Browser(client)
            _ = try await paul.signIn("paul", Fixture.userPassword)
            #expect(try await paul.request("/fr/account", method: .get).status == .ok)
            let admin = Browser(client)
            let home = try await admin.signIn("marie", Fixture.adminPassword)
            let list = try await admin.click("Ajouter et gérer des utilisateurs", on: try await admin.click("Compte", on: home))
            let deleted = try await admin.submit(
                "Supprimer l'utilisateur", on: try await admin.get(try #require(list.link("Gérer", inRowShowing: "paul"))))
            #expect(deleted.text.contains("L'utilisateur paul a été supprimé."))
            #expect(try await paul.request("/fr/account", method: .get).status == .seeOther)
        }
    }

    @Test("Refused invitations: e-mail in use, no right ticked, unknown property, unknown user, already a member")
    func refusedInvitations() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let fixture = try await Fixture.create(client)
            let other = try await Fixture.create(client, prefix: "b-")
            let admin = Browser(client)
            _ = try await admin.signIn("marie", Fixture.adminPassword)
            let newUser = try await admin.get("/fr/account/users/new")
            let inUse = try await admin.submit(
                "Étape suivante : configuration des droits d'accès", on: newUser,
                filling: ["Nom": "Paul", "Adresse e-mail": "PAUL@example.com"])
            #expect(inUse.status == .badRequest)
            #expect(inUse.text.contains("déjà utilisée"))
            let rights = try await admin.submit(
                "Étape suivante : configuration des droits d'accès", on: newUser,
                filling: ["Nom": "Jeanne", "Adresse e-mail": "jeanne@example.com"])
            let none = try await admin.submit("Envoyer l'invitation", on: rights) { $0.untickAll() }
            #expect(none.status == .badRequest)
            #expect(none.text.contains("au moins un droit"))
            #expect(try await admin.mailbox("jeanne@example.com").isEmpty)

            let existing = try await admin.get("/fr/account/users/existing")
            let cases: [(String, String, String)] = [
                (String(other.propertyIDs[0]), "paul@example.com", "Aucun établissement de ce compte"),
                (String(fixture.propertyIDs[1]), "b-paul@example.com", "Aucun utilisateur de ce compte"),
                (String(fixture.propertyIDs[1]), "personne@example.com", "Aucun utilisateur de ce compte"),
            ]
            for (property, email, message) in cases {
                let page = try await admin.submit(
                    "Voir les droits d'accès", on: existing,
                    filling: ["Identifiant de l'établissement": property, "Adresse e-mail": email])
                #expect(page.status == .badRequest)
                #expect(page.text.contains(message), "\(property) \(email)")
            }
            let member = try await admin.submit(
                "Voir les droits d'accès", on: existing,
                filling: ["Identifiant de l'établissement": String(fixture.propertyIDs[0]), "Adresse e-mail": "paul@example.com"])
            let again = try await admin.submit("Envoyer l'invitation", on: member)
            #expect(again.text.contains("a déjà accès"))
        }
    }

    @Test("20 simultaneous acceptances of one invitation make one membership")
    func parallelAcceptance() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { engine, client in
            let fixture = try await Fixture.create(client)
            let admin = Browser(client)
            _ = try await admin.signIn("marie", Fixture.adminPassword)
            let rights = try await admin.submit(
                "Voir les droits d'accès", on: try await admin.get("/fr/account/users/existing"),
                filling: ["Identifiant de l'établissement": String(fixture.propertyIDs[1]), "Adresse e-mail": "paul@example.com"])
            _ = try await admin.submit("Envoyer l'invitation", on: rights)
            let paul = Browser(client)
            let link = try #require(try await paul.latestLink("paul@example.com"))
            let form = try #require(try await paul.get(link).form(withButton: "Accepter l'invitation"))
            let body = form.fields.map { "\(Browser.encode($0.name))=\(Browser.encode($0.value))" }.joined(separator: "&")
            let cookie = "hc_browser=\(paul.cookies["hc_browser"] ?? "")"
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await client.executeRequest(
                            uri: form.action, method: .post,
                            headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                            body: ByteBuffer(string: body)
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .seeOther }.count == 1)
            let paulID = try #require(fixture.userIDs["paul"])
            let memberships = try await engine.store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM memberships WHERE user_id = ? AND property_id = ?",
                                 arguments: [paulID, fixture.propertyIDs[1]])
            }
            #expect(memberships == 1)
        }
    }

    @Test("An invitation expires after 7 days; a pending user cannot sign in before accepting")
    func invitationExpiry() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let admin = Browser(client)
            _ = try await admin.signIn("marie", Fixture.adminPassword)
            let rights = try await admin.submit(
                "Étape suivante : configuration des droits d'accès", on: try await admin.get("/fr/account/users/new"),
                filling: ["Nom": "Jeanne", "Adresse e-mail": "jeanne@example.com"])
            let list = try await admin.submit("Envoyer l'invitation", on: rights)
            #expect(list.text.contains("Invitation envoyée"))
            let link = try #require(try await admin.latestLink("jeanne@example.com"))
            harness.clock.advance(by: 7 * 24 * 3600 - 10)
            #expect(try await Browser(client).get(link).status == .ok)
            harness.clock.advance(by: 20)
            let late = try await Browser(client).get(link)
            #expect(late.status == .badRequest)
            #expect(try await Browser(client).signIn("jeanne@example.com", "").link("Compte") == nil)
        }
    }

    @Test("Changing the login e-mail: 5 properties or more → local support; fewer → new user", arguments: [4, 5])
    func changeEmail(properties: Int) async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client, properties: properties)
            let browser = Browser(client)
            let account = try await browser.click("Compte", on: try await browser.signIn("marie", Fixture.adminPassword))
            let page = try await browser.click("Modifier l'adresse e-mail de connexion", on: account)
            if properties >= 5 {
                #expect(page.text.contains("contactez votre équipe d'assistance locale"))
                #expect(page.link("Contacter l'assistance") != nil)
            } else {
                #expect(page.text.contains("créer un nouvel utilisateur"))
                #expect(page.link("Ajouter et gérer des utilisateurs") != nil)
            }
        }
    }
}
