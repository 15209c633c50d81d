import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

/// Every procedure of the seed article, walked in each locale exactly as written: each bold
/// label is a link or button on the page the previous step led to, each phrasebook field label
/// is the `<label>` of an input.
@Suite struct ProcedureWalkTests {
    static let locales = ["fr", "en", "de", "es"]

    @Test("Change password: Account, then Change password, current + new twice, Save", arguments: locales)
    func changePassword(locale: String) async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let labels = Labels[locale]
            let browser = Browser(client)
            let home = try await browser.signIn("marie", Fixture.adminPassword, locale: locale)
            let account = try await browser.click(labels.account, on: home)
            let form = try await browser.click(labels.changePassword, on: account)
            #expect(form.unlabelledInputs.isEmpty)
            let done = try await browser.submit(
                labels.save, on: form,
                filling: [
                    labels.currentPassword: Fixture.adminPassword, labels.newPassword: "Nouveau-Depart-2027",
                    labels.confirmNewPassword: "Nouveau-Depart-2027",
                ]
            )
            #expect(done.status == .ok)
            #expect(done.text.contains(Catalog(locale: EngineLocale(rawValue: locale)!, renames: [])[.passwordChanged]))
            let other = Browser(client)
            #expect(try await other.signIn("marie", Fixture.adminPassword, locale: locale).link(labels.account) == nil)
            #expect(try await other.signIn("marie", "Nouveau-Depart-2027", locale: locale).link(labels.account) != nil)
        }
    }

    @Test("Reset password: Can't sign in?, Forgot password?, username, Confirm, link in the e-mail", arguments: locales)
    func resetPassword(locale: String) async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let labels = Labels[locale]
            let browser = Browser(client)
            let signIn = try await browser.get("/\(locale)/sign-in")
            let help = try await browser.click(labels.cantSignIn, on: signIn)
            let forgot = try await browser.click(labels.forgotPassword, on: help)
            let sent = try await browser.submit(labels.confirm, on: forgot, filling: [labels.username: "paul"])
            #expect(sent.status == .ok)
            let link = try #require(try await browser.latestLink("paul@example.com"))
            let reset = try await browser.get(link)
            let done = try await browser.submit(
                labels.save, on: reset,
                filling: [labels.newPassword: "Reinitialise-2027", labels.confirmNewPassword: "Reinitialise-2027"]
            )
            #expect(done.status == .ok)
            #expect(try await Browser(client).signIn("paul", "Reinitialise-2027", locale: locale).link(labels.account) != nil)
        }
    }

    @Test("Locked account: the reset asks to confirm the e-mail (Yes, create my password), then unlocks", arguments: locales)
    func lockedReset(locale: String) async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let labels = Labels[locale]
            let browser = Browser(client)
            for _ in 0..<5 { _ = try await browser.signIn("paul", "wrong-password-1", locale: locale) }
            #expect(try await browser.userState("paul")["state"] as? String == "locked")
            let forgot = try await browser.get("/\(locale)/forgot-password")
            let confirm = try await browser.submit(labels.confirm, on: forgot, filling: [labels.username: "paul"])
            #expect(confirm.text.contains("p•••@example.com"))
            #expect(try await browser.mailbox("paul@example.com").isEmpty)
            _ = try await browser.submit(labels.yesCreatePassword, on: confirm)
            let link = try #require(try await browser.latestLink("paul@example.com"))
            let reset = try await browser.get(link)
            _ = try await browser.submit(
                labels.save, on: reset,
                filling: [labels.newPassword: "Debloque-2027!", labels.confirmNewPassword: "Debloque-2027!"]
            )
            let state = try await browser.userState("paul")
            #expect(state["state"] as? String == "active")
            #expect(state["failedAttempts"] as? Int == 0)
            #expect(try await Browser(client).signIn("paul", "Debloque-2027!", locale: locale).link(labels.account) != nil)
        }
    }

    @Test("Forgot your username? leads to the support page, which reveals no account", arguments: locales)
    func forgottenUsername(locale: String) async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let labels = Labels[locale]
            let browser = Browser(client)
            let help = try await browser.click(labels.cantSignIn, on: try await browser.get("/\(locale)/sign-in"))
            let support = try await browser.click(labels.forgotUsername, on: help)
            #expect(support.status == .ok)
            #expect(support.text.contains("support@extranet.example"))
            #expect(support.form(withButton: labels.confirm) == nil)
        }
    }

    @Test("New username: add a new user, invitation, acceptance, sign-in with the new e-mail, delete the old one", arguments: locales)
    func newUsername(locale: String) async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let fixture = try await Fixture.create(client)
            let labels = Labels[locale]
            let admin = Browser(client)
            let home = try await admin.signIn("marie", Fixture.adminPassword, locale: locale)
            let users = try await Self.usersPage(admin, labels, from: home)
            let choice = try await admin.click(labels.addUser, on: users)
            let newUser = try await admin.click(labels.newUser, on: choice)
            let rights = try await admin.submit(
                labels.nextStep, on: newUser, filling: [labels.name: "Paul Martin", labels.email: "paul.new@example.com"]
            )
            #expect(rights.unlabelledInputs.isEmpty)
            let sent = try await admin.submit(labels.sendInvitation, on: rights)
            #expect(sent.status == .ok)
            #expect(sent.text.contains("paul.new@example.com"))

            let invitee = Browser(client)
            let link = try #require(try await invitee.latestLink("paul.new@example.com"))
            let accept = try await invitee.get(link)
            _ = try await invitee.submit(
                labels.acceptInvitation, on: accept,
                filling: [labels.newPassword: "Nouvel-Acces-2027", labels.confirmNewPassword: "Nouvel-Acces-2027"]
            )
            let newHome = try await invitee.signIn("paul.new@example.com", "Nouvel-Acces-2027", locale: locale)
            #expect(newHome.link(labels.account) != nil)
            #expect(newHome.text.contains(String(fixture.propertyIDs[0])))

            let list = try await Self.usersPage(admin, labels, from: home)
            let manage = try #require(list.link(labels.manage, inRowShowing: "paul"))
            let deleted = try await admin.submit(labels.deleteUser, on: try await admin.get(manage))
            #expect(deleted.status == .ok)
            #expect(deleted.link(labels.manage, inRowShowing: "paul") == nil)
            #expect(deleted.link(labels.manage, inRowShowing: "paul.new@example.com") != nil)
            #expect(try await Browser(client).signIn("paul", Fixture.userPassword, locale: locale).link(labels.account) == nil)
        }
    }

    @Test("Another property: Existing user, property ID and e-mail, View access rights, Send invitation", arguments: locales)
    func existingUser(locale: String) async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let fixture = try await Fixture.create(client)
            let labels = Labels[locale]
            let admin = Browser(client)
            let home = try await admin.signIn("marie", Fixture.adminPassword, locale: locale)
            let users = try await Self.usersPage(admin, labels, from: home)
            let existing = try await admin.click(labels.existingUser, on: try await admin.click(labels.addUser, on: users))
            let rights = try await admin.submit(
                labels.viewAccessRights, on: existing,
                filling: [labels.propertyID: String(fixture.propertyIDs[1]), labels.email: "paul@example.com"]
            )
            _ = try await admin.submit(labels.sendInvitation, on: rights)
            let before = try await admin.userState("paul")["properties"] as? [[String: Any]]
            #expect(before?.count == 1)

            let paul = Browser(client)
            let link = try #require(try await paul.latestLink("paul@example.com"))
            _ = try await paul.submit(labels.acceptInvitation, on: try await paul.get(link))
            let after = try await admin.userState("paul")["properties"] as? [[String: Any]]
            #expect(after?.count == 2)
            let home2 = try await paul.signIn("paul", Fixture.userPassword, locale: locale)
            #expect(home2.text.contains(String(fixture.propertyIDs[1])))
        }
    }

    /// "Cliquez sur **Compte** puis sur **Ajouter et gérer des utilisateurs**", from the home page.
    private static func usersPage(_ admin: Browser, _ labels: Labels, from home: Page) async throws -> Page {
        try await admin.click(labels.manageUsers, on: try await admin.click(labels.account, on: home))
    }
}
