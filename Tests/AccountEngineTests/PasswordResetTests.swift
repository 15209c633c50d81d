import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

@Suite struct PasswordResetTests {
    /// Asks for a reset of `username` through the pages and returns the link's path.
    private func requestReset(_ browser: Browser, _ username: String, _ address: String) async throws -> String? {
        let forgot = try await browser.get("/fr/forgot-password")
        _ = try await browser.submit("Confirmer", on: forgot, filling: ["Nom d'utilisateur": username])
        return try await browser.latestLink(address)
    }

    private func reset(_ browser: Browser, _ link: String, _ password: String) async throws -> Page {
        let page = try await browser.get(link)
        guard page.status == .ok else { return page }
        return try await browser.submit(
            "Enregistrer", on: page, filling: ["Nouveau mot de passe": password, "Confirmer le nouveau mot de passe": password]
        )
    }

    @Test("An unknown username gets the same page and status as a known one, and no e-mail goes out")
    func sameAnswer() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { engine, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            let known = try await browser.submit(
                "Confirmer", on: try await browser.get("/fr/forgot-password"), filling: ["Nom d'utilisateur": "paul"])
            let unknown = try await browser.submit(
                "Confirmer", on: try await browser.get("/fr/forgot-password"), filling: ["Nom d'utilisateur": "personne"])
            #expect(known.status == unknown.status)
            #expect(known.text == unknown.text)
            #expect(try await engine.mailbox("paul@example.com").count == 1)
            #expect(try await engine.store.recentMail(limit: 10).count == 1)
        }
    }

    @Test("A reset link works once; reused, it shows the void-link page with 400")
    func singleUse() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            let link = try #require(try await requestReset(browser, "paul", "paul@example.com"))
            #expect(try await reset(browser, link, "Premiere-Fois-2027").status == .ok)
            let again = try await reset(Browser(client), link, "Seconde-Fois-2027")
            #expect(again.status == .badRequest)
            #expect(again.text.contains("Ce lien n'est plus valable"))
            #expect(try await Browser(client).signIn("paul", "Premiere-Fois-2027").link("Compte") != nil)
        }
    }

    @Test("A reset link expires after one hour")
    func expires() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            let link = try #require(try await requestReset(browser, "paul", "paul@example.com"))
            harness.clock.advance(by: 3599)
            #expect(try await browser.get(link).status == .ok)
            harness.clock.advance(by: 2)
            #expect(try await browser.get(link).status == .badRequest)
        }
    }

    @Test("Any password change voids outstanding reset links")
    func voidedByChange() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            let first = try #require(try await requestReset(browser, "paul", "paul@example.com"))
            let second = try #require(try await requestReset(browser, "paul", "paul@example.com"))
            #expect(first != second)
            #expect(try await reset(browser, second, "Premiere-Fois-2027").status == .ok)
            #expect(try await browser.get(first).status == .badRequest)
            let third = try #require(try await requestReset(browser, "paul", "paul@example.com"))
            let user = Browser(client)
            let home = try await user.signIn("paul", "Premiere-Fois-2027")
            let form = try await user.click("Modifier le mot de passe", on: try await user.click("Compte", on: home))
            _ = try await user.submit(
                "Enregistrer", on: form,
                filling: [
                    "Mot de passe actuel": "Premiere-Fois-2027", "Nouveau mot de passe": "Seconde-Fois-2027",
                    "Confirmer le nouveau mot de passe": "Seconde-Fois-2027",
                ]
            )
            #expect(try await browser.get(third).status == .badRequest)
        }
    }

    @Test("Tokens are stored as SHA-256 hashes, never as sent")
    func hashedAtRest() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { engine, client in
            _ = try await Fixture.create(client)
            let link = try #require(try await requestReset(Browser(client), "paul", "paul@example.com"))
            let token = String(try #require(link.split(separator: "=").last))
            #expect(token.count == 43)
            let stored = try await engine.store.pool.read { db in try Data.fetchAll(db, sql: "SELECT token_hash FROM reset_tokens") }
            #expect(stored == [SecretToken(value: token).hash])
        }
    }

    @Test("One reset link posted by 20 requests at once: exactly one succeeds")
    func parallelReset() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            let link = try #require(try await requestReset(browser, "paul", "paul@example.com"))
            let form = try #require(try await browser.get(link).form(withButton: "Enregistrer"))
            let cookie = "hc_browser=\(browser.cookies["hc_browser"] ?? "")"
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<20 {
                    var mine = form
                    mine.set("new-password", "Parallele-\(index)-2027")
                    mine.set("confirm-password", "Parallele-\(index)-2027")
                    let body = mine.fields.map { "\(Browser.encode($0.name))=\(Browser.encode($0.value))" }.joined(separator: "&")
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
            #expect(statuses.filter { $0 == .badRequest }.count == 19)
        }
    }

    @Test("50 simultaneous requests for one account send 3 e-mails, all answered alike; an hour later, one more")
    func floodLimited() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { engine, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            let form = try #require(try await browser.get("/fr/forgot-password").form(withButton: "Confirmer"))
            let fields = form.fields.filter { $0.name != "username" } + [("username", "paul")]
            let cookie = "hc_browser=\(browser.cookies["hc_browser"] ?? "")"
            let answers = try await withThrowingTaskGroup(of: TimedAnswer.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        try await TimedAnswer.send(client, form.action, method: .post, cookie: cookie, fields: fields)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(answers.map(\.status)) == [.ok])
            #expect(Set(answers.map(\.text)).count == 1)
            #expect(try await engine.mailbox("paul@example.com").count == 3)
            harness.clock.advance(by: 3601)
            _ = try await TimedAnswer.send(client, form.action, method: .post, cookie: cookie, fields: fields)
            #expect(try await engine.mailbox("paul@example.com").count == 4)
        }
    }
}
