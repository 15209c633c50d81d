import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

/// A form posted by a page of another site is refused with 403 even with a valid CSRF token,
/// when the browser says so (`Sec-Fetch-Site`, `Origin`); clients that send neither still work.
@Suite struct CrossSiteTests {
    @Test(
        "A sign-in with a valid token but a cross-site header is 403 and signs no one in",
        arguments: [
            ["Sec-Fetch-Site": "cross-site"], ["Sec-Fetch-Site": "same-site"], ["Origin": "https://evil.example"],
            ["Origin": "null"], ["Origin": "http://localhost.evil.example"],
        ]
    )
    func refused(_ extra: [String: String]) async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let answer = try await signIn(client, extra)
            #expect(answer.status == .forbidden)
            #expect(answer.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("hc_session=") })
            #expect(String(buffer: answer.body).contains("Demande refusée"))
        }
    }

    @Test(
        "The public origin, the host the request went to, same-origin, a typed request or no header sign in",
        arguments: [
            [:], ["Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"], ["Sec-Fetch-Site": "none"],
            // What Chromium sends for a same-origin form under `Referrer-Policy: no-referrer`.
            ["Sec-Fetch-Site": "same-origin", "Origin": "null"],
            ["Origin": "https://extranet.example"],
        ]
    )
    func accepted(_ extra: [String: String]) async throws {
        let harness = try EngineHarness { $0.publicURL = "https://extranet.example/" }
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let answer = try await signIn(client, extra)
            #expect(answer.status == .seeOther)
            #expect(answer.headers[values: .setCookie].contains { $0.hasPrefix("hc_session=") })
        }
    }

    /// Posts marie's sign-in form, with its valid CSRF token, adding `extra` headers.
    private func signIn(_ client: any TestClientProtocol, _ extra: [String: String]) async throws -> TestResponse {
        let browser = Browser(client)
        var form = try #require(try await browser.get("/fr/sign-in").form(withButton: "Se connecter"))
        form.set("username", "marie")
        form.set("password", Fixture.adminPassword)
        var headers: HTTPFields = [
            .cookie: "hc_browser=\(browser.cookies["hc_browser"] ?? "")", .contentType: "application/x-www-form-urlencoded",
        ]
        for (name, value) in extra {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        let body = form.fields.map { "\(Browser.encode($0.name))=\(Browser.encode($0.value))" }.joined(separator: "&")
        return try await client.executeRequest(uri: form.action, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}
