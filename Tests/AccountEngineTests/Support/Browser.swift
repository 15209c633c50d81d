import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A person's browser against the engine: it keeps cookies, follows links by their text and
/// submits forms by their button's text, and follows 303 redirects.
final class Browser {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    var sessionCookie: String? { cookies["hc_session"] }

    /// Opens `path`, following redirects.
    func get(_ path: String) async throws -> Page {
        try await follow(try await request(path, method: .get))
    }

    /// Follows the link whose text is `label` on `page`.
    func click(_ label: String, on page: Page) async throws -> Page {
        guard let href = page.link(label) else { throw Missing.link(label, page.text) }
        return try await get(href)
    }

    /// Submits the form of the button `button`, after `prepare` has filled it.
    func submit(
        _ button: String, on page: Page, _ prepare: (inout Page.Form) throws -> Void = { _ in }
    ) async throws -> Page {
        guard var form = page.form(withButton: button) else { throw Missing.button(button, page.text) }
        try prepare(&form)
        return try await post(form.action, form.fields)
    }

    /// Submits the form of `button` filling each labelled field.
    func submit(_ button: String, on page: Page, filling fields: [String: String]) async throws -> Page {
        try await submit(button, on: page) { form in
            for (label, value) in fields where !form.fill(label, value) {
                throw Missing.field(label, form.labelTexts)
            }
        }
    }

    /// Posts raw fields (with no CSRF token unless given), following redirects.
    func post(_ path: String, _ fields: [(name: String, value: String)]) async throws -> Page {
        let body = fields.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await follow(try await request(path, method: .post, body: body))
    }

    func request(_ path: String, method: HTTPRequest.Method, body: String? = nil) async throws -> Page {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.executeRequest(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        )
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return Page(status: response.status, html: String(buffer: response.body), headers: response.headers)
    }

    private func follow(_ page: Page) async throws -> Page {
        var page = page
        var hops = 0
        while page.status == .seeOther || page.status == .found, let location = page.location, hops < 5 {
            page = try await request(location, method: .get)
            hops += 1
        }
        return page
    }

    func setCookie(_ name: String, _ value: String?) {
        cookies[name] = value
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    enum Missing: Error, CustomStringConvertible {
        case link(String, String)
        case button(String, String)
        case field(String, [String])

        var description: String {
            switch self {
            case .link(let label, let text): "no link \"\(label)\" on: \(text)"
            case .button(let label, let text): "no button \"\(label)\" on: \(text)"
            case .field(let label, let labels): "no field \"\(label)\" among \(labels)"
            }
        }
    }
}
