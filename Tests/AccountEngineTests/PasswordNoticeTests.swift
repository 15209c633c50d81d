import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

/// After a reset or a change, the owner is told by e-mail, in the page's language, without
/// the password and without a link.
@Suite struct PasswordNoticeTests {
    static let subjects = [
        "fr": "Votre mot de passe a été modifié", "en": "Your password was changed",
        "de": "Ihr Passwort wurde geändert", "es": "Su contraseña ha cambiado",
    ]

    private func expectNotice(_ mail: [String: Any]?, locale: String, password: String) {
        #expect(mail?["subject"] as? String == Self.subjects[locale])
        let body = mail?["body"] as? String ?? ""
        #expect(body.contains("Paul Martin"))
        #expect(!body.contains(password))
        #expect((mail?["links"] as? [String])?.isEmpty == true)
    }

    @Test("A change of password sends the notice in the page's language", arguments: ["fr", "en", "de", "es"])
    func afterChange(locale: String) async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let labels = Labels[locale]
            let browser = Browser(client)
            let home = try await browser.signIn("paul", Fixture.userPassword, locale: locale)
            let form = try await browser.click(labels.changePassword, on: try await browser.click(labels.account, on: home))
            let new = "Nouveau-Depart-2027"
            _ = try await browser.submit(
                labels.save, on: form,
                filling: [labels.currentPassword: Fixture.userPassword, labels.newPassword: new, labels.confirmNewPassword: new]
            )
            let mails = try await browser.mailbox("paul@example.com")
            #expect(mails.count == 1)
            expectNotice(mails.last, locale: locale, password: new)
        }
    }

    @Test("A reset sends the notice after the reset e-mail; the reset link stays the one to follow")
    func afterReset() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            _ = try await browser.submit(
                "Confirmer", on: try await browser.get("/fr/forgot-password"), filling: ["Nom d'utilisateur": "paul"])
            let link = try #require(try await browser.latestLink("paul@example.com"))
            let new = "Premiere-Fois-2027"
            _ = try await browser.submit(
                "Enregistrer", on: try await browser.get(link),
                filling: ["Nouveau mot de passe": new, "Confirmer le nouveau mot de passe": new]
            )
            let mails = try await browser.mailbox("paul@example.com")
            #expect(mails.count == 2)
            expectNotice(mails.last, locale: "fr", password: new)
            #expect(try await browser.latestLink("paul@example.com") == link)
        }
    }
}
