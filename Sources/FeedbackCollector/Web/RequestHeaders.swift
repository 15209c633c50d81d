internal import Foundation
internal import HTTPTypes
internal import Hummingbird

/// What the endpoint reads from a request's headers.
extension Request {
    /// Whether the client asked for JSON (site.js's `fetch`); a browser's plain form post
    /// never does.
    var acceptsJSON: Bool {
        headers[values: .accept].contains { value in
            value.split(separator: ",").contains {
                Self.token($0.split(separator: ";").first ?? "") == "application/json"
            }
        }
    }

    /// Whether the body is declared as a URL-encoded form, in UTF-8 if a charset is given
    /// (fetch with `URLSearchParams` sends `application/x-www-form-urlencoded;charset=UTF-8`).
    var isURLEncodedForm: Bool {
        guard let value = headers[.contentType] else { return false }
        let parts = value.split(separator: ";")
        guard let first = parts.first, Self.token(first) == "application/x-www-form-urlencoded" else { return false }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, Self.token(pair[0]) == "charset" else { continue }
            let charset = Self.token(pair[1]).replacingOccurrences(of: "\"", with: "")
            if charset != "utf-8" && charset != "utf8" { return false }
        }
        return true
    }

    /// The declared body length, when there is one.
    var declaredLength: Int? {
        headers[.contentLength].flatMap { Int($0) }
    }

    private static func token(_ text: Substring) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
