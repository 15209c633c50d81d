internal import Foundation

/// The body of every answer to a `fetch` (`Accept: application/json`):
/// `{"ok":true}`, `{"ok":false,"errors":[…]}` or `{"ok":false,"retry-after":N}`.
struct JSONAnswer: Encodable {
    var ok: Bool
    var errors: [FieldError]? = nil
    var retryAfter: Int? = nil

    enum CodingKeys: String, CodingKey {
        case ok, errors
        case retryAfter = "retry-after"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ok, forKey: .ok)
        try container.encodeIfPresent(errors, forKey: .errors)
        try container.encodeIfPresent(retryAfter, forKey: .retryAfter)
    }

    /// JSONEncoder's text with `<`, `>`, `&` and `'` written as `\u…` escapes as well, so a
    /// field name such as `</script>` stays inert even in a page that embeds the answer.
    var text: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data(#"{"ok":false}"#.utf8)
        var result = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "'": result += "\\u0027"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
