internal import Foundation
internal import Logging
internal import NIOConcurrencyHelpers
internal import PostgresNIO

/// The token bucket of ``RateLimiter``, as one row per client in PostgreSQL, so that every
/// collector on the database counts the same tokens: a client cannot multiply its limit by
/// the number of instances behind the load balancer.
///
/// Takes are batched like votes (a ``CommitQueue``): the takes that arrive while the writers
/// are busy go in one ``TakeTokens`` upsert, which refills
/// and takes in each bucket's row lock and returns how many tokens each client got; the first
/// that many of the client's requests in the batch are allowed, the others refused, exactly as
/// one take after the other would have decided. It runs on a connection with
/// `synchronous_commit = off`: a bucket lost in a crash only gives a client a few more votes,
/// so it need not wait for an `fsync` as a vote does, nor hold its row locked that long. Full
/// buckets are deleted once a minute, so the table holds only draining clients.
final class PostgresRateLimiter: ClientLimiter {
    private let takes: CommitQueue<String, RateDecision>

    /// Keys per upsert: one array bound, so the protocol's limit on binds does not apply.
    static let maxBatch = 2000

    init(
        client: PostgresClient, perMinute: Int, writers: Int, deadline: Duration,
        clock: @escaping @Sendable () -> Date, logger: Logger
    ) {
        let perSecond = Double(perMinute) / 60
        let sweeper = Sweeper(client: client, capacity: perMinute, perSecond: perSecond, logger: logger, now: clock())
        takes = CommitQueue(deadline: deadline, maxBatch: Self.maxBatch, writers: writers) { clients in
            let statement = TakeTokens(
                clients: clients, capacity: perMinute, now: clock().timeIntervalSince1970, perSecond: perSecond)
            let buckets = try await PostgresDeadline.run(within: deadline) {
                var buckets: [String: TakeTokens.Row] = [:]
                for try await bucket in try await client.execute(statement, logger: logger) {
                    buckets[bucket.client] = bucket
                }
                return buckets
            }
            sweeper.sweepIfDue(now: statement.now)
            return try Self.decide(clients, buckets: buckets, perSecond: perSecond)
        }
    }

    func take(_ key: ClientKey) async throws -> RateDecision {
        try await takes.submit(Self.name(key))
    }

    /// The bucket's key: the client's bytes in hex.
    static func name(_ key: ClientKey) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(key.bytes.count * 2)
        for byte in key.bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xf)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Each request of the batch in order: allowed while its client's granted tokens last.
    private static func decide(
        _ clients: [String], buckets: [String: TakeTokens.Row], perSecond: Double
    ) throws -> [RateDecision] {
        var used: [String: Int] = [:]
        return try clients.map { client in
            guard let bucket = buckets[client] else { throw MissingBucket(client: client) }
            let index = used[client, default: 0]
            used[client] = index + 1
            if index < bucket.granted { return .allowed }
            return .limited(retryAfter: max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up))))
        }
    }

    /// The upsert returned no row for a client it was given: a bug.
    struct MissingBucket: Error, CustomStringConvertible {
        let client: String
        var description: String { "the rate-limit upsert returned no bucket for client \(client)" }
    }
}

/// Deletes the buckets that have refilled (the same as no bucket), at most once a minute per
/// collector, in the background.
private final class Sweeper: Sendable {
    private let client: PostgresClient
    private let capacity: Int
    private let perSecond: Double
    private let logger: Logger
    private let lastSweep: NIOLockedValueBox<Double>

    init(client: PostgresClient, capacity: Int, perSecond: Double, logger: Logger, now: Date) {
        self.client = client
        self.capacity = capacity
        self.perSecond = perSecond
        self.logger = logger
        lastSweep = NIOLockedValueBox(now.timeIntervalSince1970)
    }

    func sweepIfDue(now: Double) {
        let due = lastSweep.withLockedValue { last in
            guard now - last >= 60 else { return false }
            last = now
            return true
        }
        guard due else { return }
        let (client, logger, capacity, perSecond) = (client, logger, Double(capacity), perSecond)
        Task {
            let query: PostgresQuery =
                "DELETE FROM rate_bucket WHERE tokens + GREATEST(0, \(now) - updated) * \(perSecond) >= \(capacity)"
            _ = try? await client.query(query, logger: logger)
        }
    }
}
