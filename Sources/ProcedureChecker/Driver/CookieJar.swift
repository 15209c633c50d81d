/// The cookies one browser holds for the one site it visits (the engine on loopback): names to
/// values, as `Set-Cookie` headers left them. Domains and paths are not needed for one origin.
struct CookieJar: Sendable {
    private(set) var values: [String: String] = [:]

    /// Applies one `Set-Cookie` header: a value, or a removal (`Max-Age=0` or an empty value).
    mutating func store(_ header: String) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: " ") }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<equals])
        let value = String(pair[pair.index(after: equals)...])
        let expired = parts.dropFirst().contains { $0.lowercased() == "max-age=0" }
        if expired || value.isEmpty {
            values[name] = nil
        } else {
            values[name] = value
        }
    }

    /// The `Cookie` request header, or nil when the jar is empty.
    var header: String? {
        values.isEmpty ? nil : values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var text = self
        while text.first == set { text.removeFirst() }
        while text.last == set { text.removeLast() }
        return String(text)
    }
}
