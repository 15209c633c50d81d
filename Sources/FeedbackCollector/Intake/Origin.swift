/// Web origins (`scheme://host[:port]`) written the way browsers send them in `Origin`:
/// lower case, without the scheme's default port.
enum Origin {
    /// The origin of an absolute http(s) URL, or `nil` when `url` is not one.
    static func of(url: String) -> String? {
        guard let separator = url.firstRange(of: "://") else { return nil }
        let scheme = url[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }.lowercased()
        guard !authority.isEmpty, !authority.contains("@"), !authority.contains(where: \.isWhitespace) else {
            return nil
        }
        let defaultPort = scheme == "http" ? ":80" : ":443"
        let host = authority.hasSuffix(defaultPort) ? String(authority.dropLast(defaultPort.count)) : authority
        return "\(scheme)://\(host)"
    }

    /// A configured origin in the form browsers send, or `nil` when it has a path, query or
    /// user part (`https://help.example.com/` is accepted; `https://help.example.com/fr/` is not).
    static func normalized(_ text: String) -> String? {
        guard let origin = of(url: text) else { return nil }
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let separator = trimmed.firstRange(of: "://"),
            !trimmed[separator.upperBound...].contains(where: { "/?#".contains($0) })
        else { return nil }
        return origin
    }
}
