internal import Foundation
internal import NIOConcurrencyHelpers

/// A token bucket per client: `perMinute` tokens at most (the burst), refilled at
/// `perMinute / 60` a second. Every request on the endpoint takes one, refused ones too.
///
/// Memory stays bounded: a bucket that has refilled is the same as no bucket, so buckets are
/// forgotten once full (swept every minute, and at most once a second while the table holds `maxClients`). If
/// `maxClients` clients are all still draining, new ones are refused until some refill: a
/// flood from that many addresses in one minute is an attack, and votes are not worth memory.
final class RateLimiter: ClientLimiter {

    private let capacity: Double
    private let perSecond: Double
    private let maxClients: Int
    private let clock: @Sendable () -> Date
    private let state: NIOLockedValueBox<State>

    private struct State {
        var buckets: [ClientKey: Bucket] = [:]
        var lastSweep: Date
    }

    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    init(perMinute: Int, maxClients: Int = 100_000, clock: @escaping @Sendable () -> Date) {
        capacity = Double(perMinute)
        perSecond = Double(perMinute) / 60
        self.maxClients = maxClients
        self.clock = clock
        state = NIOLockedValueBox(State(lastSweep: clock()))
    }

    func take(_ client: ClientKey) async throws -> RateDecision {
        takeNow(client)
    }

    /// Takes a token for `client` if it has one.
    func takeNow(_ client: ClientKey) -> RateDecision {
        let now = clock()
        return state.withLockedValue { state in
            let sinceSweep = now.timeIntervalSince(state.lastSweep)
            if sinceSweep >= 60 || (state.buckets.count >= maxClients && sinceSweep >= 1) {
                sweep(&state, now: now)
            }
            var bucket = state.buckets[client] ?? Bucket(tokens: capacity, updated: now)
            bucket.tokens = refilled(bucket, now: now)
            bucket.updated = now
            guard bucket.tokens >= 1 else {
                state.buckets[client] = bucket
                return .limited(retryAfter: max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up))))
            }
            if state.buckets[client] == nil, state.buckets.count >= maxClients {
                return .limited(retryAfter: 60)
            }
            bucket.tokens -= 1
            state.buckets[client] = bucket
            return .allowed
        }
    }

    /// How many clients have a bucket (tests check that full buckets are forgotten).
    var trackedClients: Int {
        state.withLockedValue { $0.buckets.count }
    }

    private func refilled(_ bucket: Bucket, now: Date) -> Double {
        min(capacity, bucket.tokens + max(0, now.timeIntervalSince(bucket.updated)) * perSecond)
    }

    private func sweep(_ state: inout State, now: Date) {
        state.lastSweep = now
        state.buckets = state.buckets.filter { refilled($0.value, now: now) < capacity }
    }
}
