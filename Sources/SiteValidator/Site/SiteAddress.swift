import Foundation

/// Turns the `href`s and `src`s of a page into files of the site, the way a browser on the
/// published site would resolve them, without Foundation's `URL` (too slow for 20,000 pages).
struct SiteAddress: Sendable {
    /// `https://help.example.com` (scheme, host and port, lowercase).
    let origin: String
    /// `/` or `/help/`: where the site starts on its origin.
    let basePath: String

    init(baseURL: String) {
        let lower = baseURL.lowercased()
        if let schemeEnd = lower.range(of: "://") {
            let rest = lower[schemeEnd.upperBound...]
            let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            origin = String(lower[..<hostEnd])
            let path = String(baseURL[hostEnd...])
            basePath = path.isEmpty ? "/" : (path.hasSuffix("/") ? path : path + "/")
        } else {
            origin = lower
            basePath = "/"
        }
    }

    /// Where a reference leads.
    enum Target: Equatable {
        /// A file of the site: its path under the site folder (`fr/x/` for a folder), and the
        /// fragment without `#`, if any.
        case site(path: String, fragment: String?)
        /// A fragment of the page itself.
        case samePage(fragment: String)
        /// Another origin, or a scheme such as `mailto:`.
        case elsewhere
        /// Inside the origin but outside the site's base path, or above its root.
        case outsideSite
    }

    /// - Parameter pagePath: the page's URL path under the site (`fr/x/` for `fr/x/index.html`).
    func resolve(_ reference: String, fromPage pagePath: String) -> Target {
        var rest = Substring(reference)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        if rest.isEmpty {
            return fragment.map { .samePage(fragment: $0) } ?? .site(path: pagePath, fragment: nil)
        }
        var absolutePath: String
        if rest.hasPrefix("//") {
            let authority = rest.dropFirst(2)
            let hostEnd = authority.firstIndex(of: "/") ?? authority.endIndex
            guard authority[..<hostEnd].lowercased() == host else { return .elsewhere }
            absolutePath = hostEnd == authority.endIndex ? "/" : String(authority[hostEnd...])
        } else if Self.hasScheme(rest) {
            guard rest.lowercased().hasPrefix(origin) else { return .elsewhere }
            let afterOrigin = rest.dropFirst(origin.count)
            guard afterOrigin.isEmpty || afterOrigin.hasPrefix("/") else { return .elsewhere }
            absolutePath = afterOrigin.isEmpty ? "/" : String(afterOrigin)
        } else if rest.hasPrefix("/") {
            absolutePath = String(rest)
        } else {
            absolutePath = basePath + Self.directory(of: pagePath) + rest
        }
        if absolutePath.contains("%") { absolutePath = Self.percentDecoded(absolutePath) }
        guard let normalized = Self.normalized(absolutePath), normalized.hasPrefix(basePath) else {
            return .outsideSite
        }
        return .site(path: String(normalized.dropFirst(basePath.count)), fragment: fragment)
    }

    private var host: String {
        guard let schemeEnd = origin.range(of: "://") else { return origin }
        return String(origin[schemeEnd.upperBound...])
    }

    private static func hasScheme(_ text: Substring) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        return scheme.first?.isLetter == true
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    private static func directory(of pagePath: String) -> Substring {
        guard let slash = pagePath.lastIndex(of: "/") else { return "" }
        return pagePath[...slash]
    }

    /// Removes `.` and `..` segments; nil when `..` climbs above the origin's root.
    private static func normalized(_ path: String) -> String? {
        var parts: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { parts.append("") }
            case "..":
                guard parts.count > 1 else { return nil }
                parts.removeLast()
                if isLast { parts.append("") }
            default:
                parts.append(segment)
            }
        }
        return parts.joined(separator: "/")
    }

    private static func percentDecoded(_ text: String) -> String {
        let input = Array(text.utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
                let value = UInt8(String(decoding: input[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
