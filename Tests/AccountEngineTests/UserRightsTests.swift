import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

/// Changing a user's rights from their **Gérer** page: checkboxes ticked as the rights are,
/// **Enregistrer**, and the user sees exactly the new rights. Every refusal changes nothing.
@Suite struct UserRightsTests {
    /// paul's rights on the first property, from the test API.
    static func rights(of username: String, _ browser: Browser) async throws -> [String] {
        let properties = try await browser.userState(username)["properties"] as? [[String: Any]] ?? []
        return properties.first?["rights"] as? [String] ?? []
    }

    /// marie signed in, on paul's Gérer page, in `locale`.
    static func managePaul(_ client: any TestClientProtocol, locale: String = "fr") async throws -> (Browser, Page) {
        let labels = Labels[locale]
        let admin = Browser(client)
        let home = try await admin.signIn("marie", Fixture.adminPassword, locale: locale)
        let list = try await admin.click(labels.manageUsers, on: try await admin.click(labels.account, on: home))
        return (admin, try await admin.get(try #require(list.link(labels.manage, inRowShowing: "paul"))))
    }

    @Test("In every locale: the rights as ticked checkboxes, Save, and the user sees exactly the new rights", arguments: ["fr", "en", "de", "es"])
    func changeRights(_ locale: String) async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let names = try #require(Labels.rights[locale])
            let (admin, manage) = try await Self.managePaul(client, locale: locale)
            let form = try #require(manage.form(withButton: Labels[locale].save))
            // Ticked as paul's rights are: reservations only.
            #expect(form.fields.filter { $0.name.hasPrefix("rights-") }.map(\.value) == ["reservations"])
            var changed = form
            let ticked = changed.tick(names[2])
            let unticked = changed.untick(names[0])
            #expect(ticked && unticked, "\(names)")
            let saved = try await admin.post(changed.action, changed.fields)
            #expect(saved.status == .ok)
            #expect(try await Self.rights(of: "paul", admin) == ["finance"])
            let paul = Browser(client)
            let home = try await paul.signIn("paul", Fixture.userPassword, locale: locale)
            #expect(home.text.contains(names[2]))
            for other in [names[0], names[1], names[3]] { #expect(!home.text.contains(other), "\(other)") }
        }
    }

    @Test("A request without the form's CSRF token, or cross-site, is 403 and changes nothing")
    func csrfAndCrossSite() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let fixture = try await Fixture.create(client)
            let paul = try #require(fixture.userIDs["paul"])
            let (admin, manage) = try await Self.managePaul(client)
            let noToken = try await admin.post(
                "/fr/account/users/\(paul)/rights", [("rights-\(fixture.propertyIDs[0])", "administration")])
            #expect(noToken.status == .forbidden)
            let form = try #require(manage.form(withButton: "Enregistrer"))
            var fields = form.fields
            fields.append(("rights-\(fixture.propertyIDs[0])", "administration"))
            let body = fields.map { "\(Browser.encode($0.name))=\(Browser.encode($0.value))" }.joined(separator: "&")
            let cookie = admin.cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
            let crossSite = try await client.executeRequest(
                uri: form.action, method: .post,
                headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "cross-site"],
                body: ByteBuffer(string: body))
            #expect(crossSite.status == .forbidden)
            #expect(try await Self.rights(of: "paul", admin) == ["reservations"])
        }
    }

    @Test("A user without the administration right gets 403; another account's user is a 404; nothing changes")
    func onlyAdministratorsOfTheAccount() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let fixture = try await Fixture.create(client)
            let other = try await Fixture.create(client, prefix: "b-")
            let marie = try #require(fixture.userIDs["marie"])
            let paul = Browser(client)
            let account = try await paul.click("Compte", on: try await paul.signIn("paul", Fixture.userPassword))
            let csrf = try #require(account.form(withButton: "Se déconnecter")?.fields.first?.value)
            let selfPromotion = try await paul.post(
                "/fr/account/users/\(try #require(fixture.userIDs["paul"]))/rights",
                [("csrf", csrf), ("rights-\(fixture.propertyIDs[0])", "administration")])
            #expect(selfPromotion.status == .forbidden)
            #expect(try await paul.post("/fr/account/users/\(marie)/rights", [("csrf", csrf), ("rights-\(fixture.propertyIDs[0])", "reservations")]).status == .forbidden)
            #expect(try await Self.rights(of: "paul", paul) == ["reservations"])

            let (admin, manage) = try await Self.managePaul(client)
            let token = try #require(manage.form(withButton: "Enregistrer")?.fields.first { $0.name == "csrf" }?.value)
            let victim = try #require(other.userIDs["b-paul"])
            let foreign = try await admin.post(
                "/fr/account/users/\(victim)/rights", [("csrf", token), ("rights-\(other.propertyIDs[0])", "finance")])
            #expect(foreign.status == .notFound)
            #expect(try await Self.rights(of: "b-paul", admin) == ["reservations"])
        }
    }

    @Test("No right left on a property is 400 with the reason; the last administrator keeps administration (409)")
    func refusals() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let fixture = try await Fixture.create(client)
            let (admin, manage) = try await Self.managePaul(client)
            let none = try await admin.submit("Enregistrer", on: manage) { $0.untickAll() }
            #expect(none.status == .badRequest)
            #expect(none.text.contains("Sélectionnez au moins un droit d'accès."))
            #expect(try await Self.rights(of: "paul", admin) == ["reservations"])

            let list = try await admin.get("/fr/account/users")
            let own = try await admin.get(try #require(list.link("Gérer", inRowShowing: "marie")))
            let demoted = try await admin.submit("Enregistrer", on: own) { $0.untick("Administration du compte") }
            #expect(demoted.status == .conflict)
            #expect(demoted.text.contains("dernier administrateur"))
            let marie = try await admin.userState("marie")["properties"] as? [[String: Any]] ?? []
            #expect(marie.count == fixture.propertyIDs.count)
            #expect(marie.allSatisfy { ($0["rights"] as? [String])?.contains("administration") == true })
        }
    }

    @Test("Two administrators taking each other's administration right at once: one of them keeps it")
    func concurrentDemotions() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let anneSpec = """
                ,{"username": "anne", "name": "Anne Roy", "email": "anne@example.com", "password": "\(Fixture.adminPassword)", "admin": true, "properties": [0]}
                """
            let fixture = try await Fixture.create(client, properties: 1, extraUsers: anneSpec)
            let property = fixture.propertyIDs[0]
            var posts: [(cookie: String, path: String, body: String)] = []
            for (actor, target) in [("marie", "anne"), ("anne", "marie")] {
                let browser = Browser(client)
                _ = try await browser.signIn(actor, Fixture.adminPassword)
                let manage = try await browser.get("/fr/account/users/\(try #require(fixture.userIDs[target]))")
                var form = try #require(manage.form(withButton: "Enregistrer"))
                form.untick("Administration du compte")
                form.set("rights-\(property)", "reservations")
                let body = form.fields.map { "\(Browser.encode($0.name))=\(Browser.encode($0.value))" }.joined(separator: "&")
                posts.append((browser.cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; "), form.action, body))
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for post in posts {
                    group.addTask {
                        try await client.executeRequest(
                            uri: post.path, method: .post,
                            headers: [.cookie: post.cookie, .contentType: "application/x-www-form-urlencoded"],
                            body: ByteBuffer(string: post.body)
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // The loser is refused by the rule (409) or, when the winner committed before its
            // request was read, for no longer being an administrator (403).
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.allSatisfy { [.ok, .conflict, .forbidden].contains($0) }, "\(statuses)")
            let browser = Browser(client)
            let administrators = try await [Self.rights(of: "marie", browser), Self.rights(of: "anne", browser)]
                .filter { $0.contains("administration") }
            #expect(administrators.count == 1)
        }
    }
}
