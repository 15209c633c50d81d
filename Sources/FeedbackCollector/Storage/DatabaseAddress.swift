internal import Foundation

/// Where the votes live, as `--database` writes it: a plain path or `sqlite:PATH` (one file
/// beside one process, the default), or `postgres://user[:password]@host[:port]/database`
/// (`postgresql://` too) for several collectors sharing one truth.
public enum DatabaseAddress: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(Postgres)

    /// A PostgreSQL connection string's parts. `sslmode` follows libpq's words for the
    /// three that matter here: `disable`, `prefer` (the default) and `require`.
    public struct Postgres: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var user: String
        public var password: String?
        public var database: String
        public var tls: TLSMode

        public enum TLSMode: String, Sendable { case disable, prefer, require }
    }

    /// Why a `--database` value is not one; the message says what a right one looks like.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public init(parsing text: String) throws {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try Self.postgres(text))
        } else if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw Invalid(description: "'sqlite:' needs a file path, e.g. sqlite:feedback.sqlite") }
            self = .sqlite(path: path)
        } else if text.contains("://") {
            throw Invalid(description: "database '\(text)' is neither a file path, sqlite:PATH nor postgres://user@host:port/database")
        } else {
            guard !text.isEmpty else { throw Invalid(description: "the database path is empty") }
            self = .sqlite(path: text)
        }
    }

    private static func postgres(_ text: String) throws -> Postgres {
        let example = "postgres://user[:password]@host[:port]/database"
        guard let parts = URLComponents(string: text), let host = parts.host, !host.isEmpty else {
            throw Invalid(description: "database '\(redacted(text))' has no host; write \(example)")
        }
        guard let user = parts.user, !user.isEmpty else {
            throw Invalid(description: "database '\(redacted(text))' names no user; write \(example)")
        }
        let name = String(parts.path.drop { $0 == "/" })
        guard !name.isEmpty, !name.contains("/") else {
            throw Invalid(description: "database '\(redacted(text))' names no database after the host; write \(example)")
        }
        var tls = Postgres.TLSMode.prefer
        for item in parts.queryItems ?? [] {
            guard item.name == "sslmode", let value = item.value, let mode = Postgres.TLSMode(rawValue: value) else {
                throw Invalid(description: "database option '\(item.name)=\(item.value ?? "")' is not known; only sslmode=disable|prefer|require is")
            }
            tls = mode
        }
        guard (1...65535).contains(parts.port ?? 5432) else {
            throw Invalid(description: "database port \(parts.port ?? 0) is not between 1 and 65535")
        }
        return Postgres(
            host: host, port: parts.port ?? 5432, user: parts.user?.removingPercentEncoding ?? user,
            // libpq's variable, so that a password need not stand in `ps` output or shell history.
            password: parts.password?.removingPercentEncoding ?? parts.password
                ?? ProcessInfo.processInfo.environment["PGPASSWORD"],
            database: name.removingPercentEncoding ?? name, tls: tls)
    }

    /// The address without its password, for messages and logs.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let p): "postgres://\(p.user)@\(p.host):\(p.port)/\(p.database)"
        }
    }

    /// `text` with any password replaced by `***`, for an error about a string that did not parse.
    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at,
            let colon = text[scheme.upperBound..<at].firstIndex(of: ":")
        else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }
}
