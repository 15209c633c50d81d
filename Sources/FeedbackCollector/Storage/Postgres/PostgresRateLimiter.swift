internal import Foundation
internal import Logging
internal import NIOConcurrencyHelpers
internal import PostgresNIO

/// The token bucket of ``RateLimiter``, as one row per client in PostgreSQL, so that every
/// collector on the database counts the same tokens: a client cannot multiply its limit by
/// the number of instances behind the load balancer.
///
/// One statement per request takes the token atomically (an upsert computes the refill and the
/// take in the row's lock), on a connection with `synchronous_commit = off`: a bucket lost in a
/// crash only gives a client a few more votes, so it need not wait for an `fsync` as a vote
/// does. Full buckets are deleted once a minute, so the table holds only draining clients.
final class PostgresRateLimiter: ClientLimiter {
    private let client: PostgresClient
    private let capacity: Double
    private let perSecond: Double
    private let deadline: Duration
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private let lastSweep: NIOLockedValueBox<Date>

    init(
        client: PostgresClient, perMinute: Int, deadline: Duration, clock: @escaping @Sendable () -> Date,
        logger: Logger
    ) {
        self.client = client
        capacity = Double(perMinute)
        perSecond = Double(perMinute) / 60
        self.deadline = deadline
        self.clock = clock
        self.logger = logger
        lastSweep = NIOLockedValueBox(clock())
    }

    func take(_ key: ClientKey) async throws -> RateDecision {
        let now = clock().timeIntervalSince1970
        let name = key.bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        let (capacity, perSecond) = (capacity, perSecond)
        let query: PostgresQuery = """
            INSERT INTO rate_bucket AS b (client, tokens, updated, allowed) VALUES (\(name), \(capacity) - 1, \(now), true)
            ON CONFLICT (client) DO UPDATE SET
              tokens = LEAST(\(capacity), b.tokens + GREATEST(0, \(now) - b.updated) * \(perSecond))
                - CASE WHEN LEAST(\(capacity), b.tokens + GREATEST(0, \(now) - b.updated) * \(perSecond)) >= 1 THEN 1 ELSE 0 END,
              updated = GREATEST(b.updated, \(now)),
              allowed = LEAST(\(capacity), b.tokens + GREATEST(0, \(now) - b.updated) * \(perSecond)) >= 1
            RETURNING allowed, tokens
            """
        let (allowed, tokens) = try await PostgresDeadline.run(within: deadline) { [client, logger] in
            var answer: (Bool, Double) = (true, capacity)
            for try await row in try await client.query(query, logger: logger).decode((Bool, Double).self) {
                answer = row
            }
            return answer
        }
        sweepIfDue(now: now)
        if allowed { return .allowed }
        return .limited(retryAfter: max(1, Int(((1 - tokens) / perSecond).rounded(.up))))
    }

    /// Deletes the buckets that have refilled (the same as no bucket), at most once a minute
    /// per collector, in the background.
    private func sweepIfDue(now: Double) {
        let due = lastSweep.withLockedValue { last in
            guard now - last.timeIntervalSince1970 >= 60 else { return false }
            last = Date(timeIntervalSince1970: now)
            return true
        }
        guard due else { return }
        let (client, logger, capacity, perSecond) = (client, logger, capacity, perSecond)
        Task {
            let query: PostgresQuery =
                "DELETE FROM rate_bucket WHERE tokens + GREATEST(0, \(now) - updated) * \(perSecond) >= \(capacity)"
            _ = try? await client.query(query, logger: logger)
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
