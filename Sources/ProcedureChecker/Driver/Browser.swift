internal import Foundation
internal import NIOHTTP1

/// One person's browser: its own cookies, pages read with libxml2, redirects followed (a 303
/// after a form becomes a GET, as browsers do). Each procedure gets fresh ones.
final class Browser {
    let transport: HTTPTransport
    private(set) var cookies = CookieJar()

    init(_ transport: HTTPTransport, cookies: CookieJar = CookieJar()) {
        self.transport = transport
        self.cookies = cookies
    }

    /// Opens `path` (a path on the target, or an absolute URL whose path is used).
    func open(_ path: String) async throws -> Page {
        try await follow(.GET, Self.pathOnTarget(path), form: nil)
    }

    /// Posts encoded fields to `action` and follows where it leads.
    func post(_ action: String, fields: [(name: String, value: String)]) async throws -> Page {
        let body = fields.map { "\(FormEncoding.encode($0.name))=\(FormEncoding.encode($0.value))" }.joined(separator: "&")
        return try await follow(.POST, Self.pathOnTarget(action), form: body)
    }

    private func follow(_ method: HTTPMethod, _ path: String, form: String?) async throws -> Page {
        var method = method
        var path = path
        var form = form
        var redirected = false
        for _ in 0..<10 {
            let exchange = try await transport.send(method, path, cookie: cookies.header, form: form)
            for header in exchange.setCookies { cookies.store(header) }
            if (300..<400).contains(exchange.status), let location = exchange.location {
                path = Self.resolve(location, against: path)
                method = .GET
                form = nil
                redirected = true
                continue
            }
            return Page(path: path, status: exchange.status, bytes: exchange.body, redirected: redirected)
        }
        throw StepProblem("more than 10 redirects from \(path)")
    }

    /// An absolute URL (an e-mail link) becomes its path and query: the checker talks to the
    /// target it was given, whatever origin the engine writes into its e-mails.
    static func pathOnTarget(_ link: String) -> String {
        guard let scheme = link.range(of: "://") else { return link }
        let rest = link[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    static func resolve(_ location: String, against path: String) -> String {
        if location.hasPrefix("/") || location.contains("://") { return pathOnTarget(location) }
        let folder = path.split(separator: "?").first.map { String($0) } ?? path
        guard let slash = folder.lastIndex(of: "/") else { return "/" + location }
        return String(folder[...slash]) + location
    }
}

/// `application/x-www-form-urlencoded`, as browsers send forms.
enum FormEncoding {
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "*"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out += "+"
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return out
    }

    /// Percent-encoding for a query parameter value.
    static func query(_ text: String) -> String {
        encode(text).replacing("+", with: "%20")
    }
}

extension String {
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
