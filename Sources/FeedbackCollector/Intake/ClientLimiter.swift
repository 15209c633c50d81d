/// A per-client rate limit: in memory for one process (``RateLimiter``), or rows in
/// PostgreSQL that every collector on the database shares (``PostgresRateLimiter``).
protocol ClientLimiter: Sendable {
    /// Takes a token for `client` if it has one.
    /// - Throws: ``StorageUnavailable`` when a shared limit cannot be read (answered 503).
    func take(_ client: ClientKey) async throws -> RateDecision
}

enum RateDecision: Equatable {
    case allowed
    /// Seconds until the next token, at least 1.
    case limited(retryAfter: Int)
}
