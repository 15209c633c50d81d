import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// Posting votes the way the article page does: as a form (a navigation) or through
/// site.js's `fetch` (`Accept: application/json`).
extension TestClientProtocol {
    /// A yes for the French article, which the harness's catalog has.
    var validVoteFields: [(String, String)] {
        [("article", "login-credentials"), ("locale", "fr"), ("vote", "yes")]
    }

    /// Posts `fields` URL-encoded, as `fetch` does when `json`, else as a plain form.
    func vote(
        _ fields: [(String, String)], json: Bool = true, origin: String? = nil, extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        try await post(body: FormEncoding.encode(fields), json: json, origin: origin, extra: extra)
    }

    /// Posts a raw body with the form content type unless `extra` sets another.
    /// A search that found nothing, as the search page reports it.
    func searchMiss(_ fields: [(String, String)], origin: String? = nil) async throws -> TestResponse {
        try await post(body: FormEncoding.encode(fields), origin: origin, uri: "/feedback/searches")
    }

    func post(body: String, json: Bool = true, origin: String? = nil, extra: HTTPFields = [:], uri: String = "/feedback") async throws
        -> TestResponse
    {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded;charset=UTF-8"]
        if json { headers[.accept] = "application/json" }
        if let origin { headers[.origin] = origin }
        for field in extra { headers[field.name] = field.value }
        return try await executeRequest(
            uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}

enum FormEncoding {
    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The decoded JSON body.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// The `field` of each entry of a JSON 400's `errors`.
    var errorFields: [String] {
        (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }
}
