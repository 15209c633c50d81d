import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

@Suite struct SignInTests {
    @Test("Unknown user, wrong password and locked account get the same page and status")
    func noEnumeration() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(
                client,
                extraUsers: #", {"username": "lou", "email": "lou@example.com", "password": "Verrou-2026!", "state": "locked"}"#
            )
            let unknown = try await Browser(client).signIn("nobody", "Whatever-123")
            let wrong = try await Browser(client).signIn("paul", "Whatever-123")
            let locked = try await Browser(client).signIn("lou", "Verrou-2026!")
            #expect(unknown.status == wrong.status && wrong.status == locked.status)
            #expect(unknown.text == wrong.text.replacingOccurrences(of: "paul", with: "nobody"))
            #expect(locked.text == wrong.text.replacingOccurrences(of: "paul", with: "lou"))
            #expect(wrong.text.contains("Nom d'utilisateur ou mot de passe incorrect"))
        }
    }

    @Test("Sign-in sets a fresh 256-bit session id, HttpOnly and SameSite=Lax, not Secure over http; --secure-cookies makes them __Host- cookies")
    func sessionCookie() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            let page = try await browser.get("/fr/sign-in")
            let response = try await browser.submit("Se connecter", on: page) { form in
                form.set("username", "marie")
                form.set("password", Fixture.adminPassword)
            }
            _ = response
            let first = try #require(browser.sessionCookie)
            #expect(first.count == 43)
            let raw = try await browser.post("/fr/sign-out", [("csrf", try #require(try await browser.get("/fr/").form(withButton: "Se déconnecter")?.fields.first?.value))])
            #expect(raw.text.contains("Vous êtes déconnecté"))
            #expect(browser.sessionCookie == nil)
            _ = try await browser.signIn("marie", Fixture.adminPassword)
            let second = try #require(browser.sessionCookie)
            #expect(second != first)
            // Signing in again, already signed in, swaps the id and ends the previous session.
            _ = try await browser.signIn("marie", Fixture.adminPassword)
            #expect(browser.sessionCookie != second)
            let old = Browser(client)
            old.setCookie("hc_session", second)
            #expect(try await old.request("/fr/account", method: .get).status == .seeOther)
        }
        let headerHarness = try EngineHarness()
        defer { headerHarness.removeFiles() }
        for secure in [false, true] {
            var options = headerHarness.options
            options.secureCookies = secure
            let engine = try AccountEngine(options: options)
            try await engine.application(port: 0).test(.router) { client in
                if !secure { _ = try await Fixture.create(client) }
                let browser = Browser(client)
                let page = try await browser.get("/fr/sign-in")
                var form = try #require(page.form(withButton: "Se connecter"))
                form.set("username", "marie")
                form.set("password", Fixture.adminPassword)
                let body = form.fields.map { "\(Browser.encode($0.name))=\(Browser.encode($0.value))" }.joined(separator: "&")
                let prefix = secure ? "__Host-" : ""
                let browserCookie = try #require(browser.cookies["\(prefix)hc_browser"])
                let response = try await client.executeRequest(
                    uri: "/fr/sign-in", method: .post,
                    headers: [.cookie: "\(prefix)hc_browser=\(browserCookie)", .contentType: "application/x-www-form-urlencoded"],
                    body: .init(string: body)
                )
                let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("\(prefix)hc_session=") })
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Lax"))
                #expect(cookie.contains("Secure") == secure)
                if secure {
                    // __Host-: Secure, Path=/, no Domain, for every cookie; the session works.
                    for header in response.headers[values: .setCookie] + page.headers[values: .setCookie] {
                        #expect(header.hasPrefix("__Host-"), "\(header)")
                        #expect(header.contains("Path=/"))
                        #expect(!header.lowercased().contains("domain="))
                    }
                    let session = String(cookie.split(separator: ";")[0])
                    let account = try await client.executeRequest(
                        uri: "/fr/account", method: .get, headers: [.cookie: "\(prefix)hc_browser=\(browserCookie); \(session)"], body: nil)
                    #expect(account.status == .ok)
                }
            }
        }
    }

    @Test("A form posted without its CSRF token, or with another browser's, is refused with 403")
    func csrf() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            _ = try await browser.get("/fr/sign-in")
            let missing = try await browser.post("/fr/sign-in", [("username", "marie"), ("password", Fixture.adminPassword)])
            #expect(missing.status == .forbidden)
            #expect(browser.sessionCookie == nil)
            let other = Browser(client)
            let token = try #require(try await other.get("/fr/sign-in").form(withButton: "Se connecter")?.fields.first { $0.name == "csrf" }?.value)
            let foreign = try await browser.post("/fr/sign-in", [("csrf", token), ("username", "marie"), ("password", Fixture.adminPassword)])
            #expect(foreign.status == .forbidden)
            #expect(browser.sessionCookie == nil)
            // Signed in, the token of the anonymous page no longer works: it is bound to the session.
            let signedIn = Browser(client)
            let before = try #require(try await signedIn.get("/fr/sign-in").form(withButton: "Se connecter")?.fields.first?.value)
            _ = try await signedIn.signIn("marie", Fixture.adminPassword)
            let stale = try await signedIn.post("/fr/sign-out", [("csrf", before)])
            #expect(stale.status == .forbidden)
        }
    }

    @Test("State changes are POST only: GET on an action path does not sign out or delete")
    func postOnly() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let fixture = try await Fixture.create(client)
            let browser = Browser(client)
            _ = try await browser.signIn("marie", Fixture.adminPassword)
            let paul = try #require(fixture.userIDs["paul"])
            #expect(try await browser.request("/fr/sign-out", method: .get).status == .notFound)
            #expect(try await browser.request("/fr/account/users/\(paul)/delete", method: .get).status == .notFound)
            #expect(try await browser.get("/fr/").status == .ok)
            #expect(try await browser.userState("paul")["username"] as? String == "paul")
        }
    }

    @Test("A session ends 12 hours after sign-in, even while cached")
    func sessionExpiry() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            _ = try await browser.signIn("paul", Fixture.userPassword)
            #expect(try await browser.request("/fr/account", method: .get).status == .ok)
            harness.clock.advance(by: 12 * 3600 - 5)
            #expect(try await browser.request("/fr/account", method: .get).status == .ok)
            harness.clock.advance(by: 10)
            #expect(try await browser.request("/fr/account", method: .get).status == .seeOther)
        }
    }

    @Test("Private pages send a signed-out visitor to the sign-in page")
    func privatePages() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            for path in ["/fr/", "/fr/account", "/fr/account/password", "/fr/account/users", "/en/account/email"] {
                let response = try await Browser(client).request(path, method: .get)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.location?.hasSuffix("/sign-in") == true, "\(path)")
            }
        }
    }

    @Test("Security headers on every page; HTML is escaped")
    func headersAndEscaping() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(
                client,
                extraUsers: #", {"username": "x", "name": "<script>alert(1)</script>", "email": "x@example.com", "password": "Echappe-2026!"}"#
            )
            let browser = Browser(client)
            _ = try await browser.signIn("marie", Fixture.adminPassword)
            let users = try await browser.get("/fr/account/users")
            #expect(!users.html.contains("<script>"))
            #expect(users.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            for page in [users, try await browser.get("/fr/sign-in"), try await browser.get("/fr/reset-password?token=x")] {
                #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'none'") == true)
                #expect(page.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(!page.html.contains("<script") && !page.html.contains("style="))
            }
        }
    }
}
