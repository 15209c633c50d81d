public import Foundation
public import Logging

/// Everything that can differ between two runs of the collector: the command's options, and
/// the clock and logger that tests replace.
public struct FeedbackOptions: Sendable {
    /// Where the article pages' form posts (`feedback-endpoint` of `helpcenter.yml`).
    public var path: String = "/feedback"
    /// Where votes are stored, as `--database` takes it: a file path or `sqlite:PATH` (created
    /// with its schema when missing), or `postgres://user[:password]@host[:port]/database`
    /// (tables created or migrated at start) for several collectors on one database.
    public var database: String
    /// Connections to PostgreSQL per pool (the votes', the rate limit's); unused with SQLite.
    public var poolSize: Int = 4
    /// The longest a vote waits for its commit (or a shared rate limit for its row) before it
    /// is answered 503: a database that is down must not hold readers' requests.
    public var storageDeadline: Duration = .seconds(3)
    /// Votes one client (an IPv4 address, or an IPv6 /64) may send per minute, and as a burst;
    /// `nil` or 0 turns the limit off. Refused requests count too, so a bot pays for garbage.
    public var votesPerMinute: Int? = 30
    /// Where the limit's buckets live when several collectors share a PostgreSQL database.
    public var rateLimitScope: RateLimitScope = .instance
    /// The origins (`scheme://host[:port]`) whose pages may post; a request from any other
    /// `Origin` is refused, which is this static form's only CSRF defence. Empty: the origin of
    /// the catalog's `base-url`.
    public var allowedOrigins: [String] = []
    /// What a plain form post is redirected to, before the article's path: `nil` takes the
    /// catalog's `base-url`, `""` gives a site-relative `/fr/…/`, or an absolute origin (and path).
    public var redirectBase: String? = nil
    /// The largest request body read; a bigger one is refused (413) without reading further.
    public var maxBodyBytes: Int = 16 * 1024
    /// The longest comment accepted, in characters after CRLF → LF; longer ones are refused.
    public var maxCommentCharacters: Int = 1000
    /// The time written with each vote and that refills the rate limit; tests move it forward.
    public var clock: @Sendable () -> Date = { Date() }
    /// Where the collector says that the article list is missing or unreadable.
    public var logger: Logger = Logger(label: "helpcenter.feedback") { StreamLogHandler.standardError(label: $0) }

    public init(database: String) {
        self.database = database
    }
}

/// Whether a client's rate limit is counted by each collector or by all of them together.
///
/// Measured on 2 cores (`docs/performance.md`): two collectors on one PostgreSQL database take
/// 4,421 votes/s with the limit shared in PostgreSQL and about 7,000 with it in each process's
/// memory, because the shared buckets add a round trip and a row lock per batch. A per-instance
/// limit lets one client send at most `votesPerMinute` × the number of instances per minute,
/// which is still a limit on a bot and no less on a reader.
public enum RateLimitScope: String, Sendable, CaseIterable {
    /// In each collector's memory: with N instances, a client gets at most N × `votesPerMinute`.
    case instance
    /// In PostgreSQL (`rate_bucket`), exact across every collector on the database. With SQLite
    /// (one process) it is the same as `instance`.
    case shared
}
