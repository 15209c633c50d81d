/// (A leaf shared by the preview and the feedback collector, the two servers that trust a page of
/// the host a request went to; neither learns of the other.)
///
/// Whether a request's `Host` names this server as it is actually reached, which DNS
/// rebinding cannot fake: a rebinding page is served from the attacker's name, then that name is
/// pointed at 127.0.0.1, so its requests reach this server still saying `Host: attacker.example`.
/// A browser that asked for `localhost`, `*.localhost` or an IP literal did not go through DNS
/// for it, and a configured public origin is a name the operator chose.
public enum ServedHost {
    /// - Parameters:
    ///   - authority: the request's `host[:port]` (its `Host` header).
    ///   - origins: configured origins (`scheme://host[:port]`) whose host is served too.
    public static func isServed(_ authority: String, origins: [String] = []) -> Bool {
        let authority = authority.lowercased()
        let host = hostName(of: authority)
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("[") || isIPv4(host) { return true }
        return origins.contains { origin in
            guard let separator = origin.firstRange(of: "://") else { return false }
            let named = origin[separator.upperBound...].lowercased()
            return named == authority || hostName(of: named) == host
        }
    }

    /// `host` of `host:port`, `[::1]` of `[::1]:8080`.
    private static func hostName(of authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[...close])
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 ? String(parts[0]) : authority
    }

    private static func isIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                && (Int(part) ?? 256) <= 255
        }
    }
}
