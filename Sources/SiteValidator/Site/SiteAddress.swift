import Foundation

/// Turns the `href`s and `src`s of a page into files of the site, the way a browser on the
/// published site would resolve them, without Foundation's `URL` (too slow for 20,000 pages).
struct SiteAddress: Sendable {
    /// `https://help.example.com` (scheme, host and port, lowercase).
    let origin: String
    /// `/` or `/help/`: where the site starts on its origin.
    let basePath: String
    /// `help.example.com`: the origin without its scheme.
    private let host: String

    init(baseURL: String) {
        let lower = baseURL.lowercased()
        if let schemeEnd = lower.range(of: "://") {
            let rest = lower[schemeEnd.upperBound...]
            let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            origin = String(lower[..<hostEnd])
            let path = String(baseURL[hostEnd...])
            basePath = path.isEmpty ? "/" : (path.hasSuffix("/") ? path : path + "/")
            host = String(lower[schemeEnd.upperBound..<hostEnd])
        } else {
            origin = lower
            basePath = "/"
            host = lower
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
        // Scanned as UTF-8: Character iteration costs more than the rest of the rule.
        let utf8 = reference.utf8
        var end = utf8.endIndex
        var fragment: String?
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(reference[utf8.index(after: hash)...])
            end = hash
        }
        if let query = utf8[..<end].firstIndex(of: UInt8(ascii: "?")) { end = query }
        let rest = reference[..<end]
        if rest.isEmpty {
            return fragment.map { .samePage(fragment: $0) } ?? .site(path: pagePath, fragment: nil)
        }
        var absolutePath: [UInt8]
        if rest.utf8.starts(with: "//".utf8) {
            let authority = rest.utf8.dropFirst(2)
            let hostEnd = authority.firstIndex(of: UInt8(ascii: "/")) ?? authority.endIndex
            guard Self.equalIgnoringASCIICase(authority[..<hostEnd], host.utf8) else { return .elsewhere }
            absolutePath = hostEnd == authority.endIndex ? [UInt8(ascii: "/")] : Array(authority[hostEnd...])
        } else if Self.hasScheme(rest.utf8) {
            let bytes = rest.utf8
            guard bytes.count >= origin.utf8.count,
                Self.equalIgnoringASCIICase(bytes.prefix(origin.utf8.count), origin.utf8)
            else { return .elsewhere }
            let afterOrigin = bytes.dropFirst(origin.utf8.count)
            guard afterOrigin.isEmpty || afterOrigin.first == UInt8(ascii: "/") else { return .elsewhere }
            absolutePath = afterOrigin.isEmpty ? [UInt8(ascii: "/")] : Array(afterOrigin)
        } else if rest.utf8.first == UInt8(ascii: "/") {
            absolutePath = Array(rest.utf8)
        } else {
            let directory = Self.directory(of: pagePath)
            absolutePath = []
            absolutePath.reserveCapacity(basePath.utf8.count + directory.utf8.count + rest.utf8.count)
            absolutePath += basePath.utf8
            absolutePath += directory.utf8
            absolutePath += rest.utf8
        }
        if absolutePath.contains(UInt8(ascii: "%")) { absolutePath = Self.percentDecoded(absolutePath) }
        guard let path = sitePath(absolutePath) else { return .outsideSite }
        return .site(path: path, fragment: fragment)
    }

    /// `https:`, `mailto:`…: letters first, then letters, digits, `+ - .` up to a colon.
    private static func hasScheme(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first, isASCIILetter(first) else { return false }
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            guard isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E else {
                return false
            }
        }
        return false
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    private static func equalIgnoringASCIICase(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { a, b in a == b || (isASCIILetter(a) && a | 0x20 == b | 0x20) }
    }

    private static func directory(of pagePath: String) -> Substring {
        guard let slash = pagePath.lastIndex(of: "/") else { return "" }
        return pagePath[...slash]
    }

    /// The path under the site's base path, with `.` and `..` segments removed; nil when `..`
    /// climbs above the origin's root or the path leaves the base path.
    private func sitePath(_ input: [UInt8]) -> String? {
        let base = Array(basePath.utf8)
        // Fast path: most paths have no dot segment at all.
        let hasDotSegment = input.indices.contains {
            input[$0] == UInt8(ascii: ".") && ($0 == 0 || input[$0 - 1] == UInt8(ascii: "/"))
        }
        if !hasDotSegment {
            guard input.starts(with: base) else { return nil }
            return String(decoding: input[base.count...], as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var position = 0
        while position <= input.count {
            let end = input[position...].firstIndex(of: UInt8(ascii: "/")) ?? input.count
            let length = end - position
            let isLast = end == input.count
            if length == 1, input[position] == UInt8(ascii: ".") {
                // "a/./b" is "a/b"; a trailing "." still names the folder.
            } else if length == 2, input[position] == UInt8(ascii: "."), input[position + 1] == UInt8(ascii: ".") {
                // Drop the last segment of the output ("/a/b/" → "/a/"); never the root.
                guard output.count > 1, let slash = output.dropLast().lastIndex(of: UInt8(ascii: "/")) else { return nil }
                output.removeSubrange((slash + 1)...)
            } else {
                output.append(contentsOf: input[position..<end])
                if !isLast { output.append(UInt8(ascii: "/")) }
            }
            position = end + 1
        }
        guard output.starts(with: base) else { return nil }
        return String(decoding: output[base.count...], as: UTF8.self)
    }

    private static func percentDecoded(_ input: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
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
        return bytes
    }
}
