import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import FeedbackCollector

@Suite("the per-client rate limit")
struct RateLimitTests {
    @Test("after votesPerMinute votes the next is 429 with Retry-After; the bucket refills with time", arguments: StoreKind.allCases)
    func limitsAndRefills(store: StoreKind) async throws {
        let harness = try await CollectorHarness(store: store) { $0.votesPerMinute = 6; $0.rateLimitScope = .shared }
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            for _ in 0..<6 { #expect(try await client.vote(client.validVoteFields).status == .created) }
            let limited = try await client.vote(client.validVoteFields)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "10")
            #expect(limited.json["retry-after"] as? Int == 10)
            #expect(limited.json["ok"] as? Bool == false)
            let page = try await client.vote(client.validVoteFields, json: false)
            #expect(page.status == .tooManyRequests)
            #expect(page.headers[.retryAfter] == "10")
            #expect(page.text.contains("<html lang=\"en\">"))
            harness.clock.advance(by: 10)
            #expect(try await client.vote(client.validVoteFields).status == .created)
            #expect(try await client.vote(client.validVoteFields).status == .tooManyRequests)
        }
        #expect(try await harness.rows().count == 7)
    }

    @Test("over a real socket the limit is keyed on the peer's address, not X-Forwarded-For")
    func liveAddress() async throws {
        let harness = try CollectorHarness { $0.votesPerMinute = 2 }
        defer { harness.removeFiles() }
        let xForwardedFor = try #require(HTTPField.Name("X-Forwarded-For"))
        let collector = try await harness.open()
        try await collector.application(port: 0).test(.live) { client in
            for forwarded in ["192.0.2.1", "192.0.2.2"] {
                let response = try await client.vote(client.validVoteFields, extra: [xForwardedFor: forwarded])
                #expect(response.status == .created)
            }
            let third = try await client.vote(client.validVoteFields, extra: [xForwardedFor: "192.0.2.3"])
            #expect(third.status == .tooManyRequests)
        }
        #expect(try await harness.rows().count == 2)
    }

    @Test("refused requests take a token too", arguments: StoreKind.allCases)
    func refusedCount(store: StoreKind) async throws {
        let harness = try await CollectorHarness(store: store) { $0.votesPerMinute = 3; $0.rateLimitScope = .shared }
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            for _ in 0..<3 { #expect(try await client.post(body: "garbage=1").status == .badRequest) }
            #expect(try await client.vote(client.validVoteFields).status == .tooManyRequests)
        }
    }

    @Test("nil and 0 turn the limit off", arguments: [nil, 0] as [Int?])
    func disabled(perMinute: Int?) async throws {
        let harness = try CollectorHarness { $0.votesPerMinute = perMinute }
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            for _ in 0..<40 { #expect(try await client.vote(client.validVoteFields).status == .created) }
        }
    }

    @Test("clients are counted apart: IPv4 addresses, IPv6 /64 prefixes")
    func perClient() throws {
        let clock = TestClock()
        let limiter = RateLimiter(perMinute: 1, clock: { clock.now })
        let first = ClientKey(try SocketAddress(ipAddress: "192.0.2.1", port: 1))
        let second = ClientKey(try SocketAddress(ipAddress: "192.0.2.2", port: 1))
        #expect(limiter.takeNow(first) == .allowed)
        #expect(limiter.takeNow(first) == .limited(retryAfter: 60))
        #expect(limiter.takeNow(second) == .allowed)
        let v6 = ClientKey(try SocketAddress(ipAddress: "2001:db8:1:2:aaaa::1", port: 1))
        let sameNetwork = ClientKey(try SocketAddress(ipAddress: "2001:db8:1:2:bbbb::9", port: 1))
        let otherNetwork = ClientKey(try SocketAddress(ipAddress: "2001:db8:1:3::1", port: 1))
        #expect(v6 == sameNetwork)
        #expect(v6 != otherNetwork)
        #expect(ClientKey(try SocketAddress(ipAddress: "::ffff:192.0.2.1", port: 1)) == first)
    }

    @Test("buckets that have refilled are forgotten, so memory stays bounded")
    func forgetsFullBuckets() throws {
        let clock = TestClock()
        let limiter = RateLimiter(perMinute: 30, clock: { clock.now })
        for host in 1...200 { _ = limiter.takeNow(ClientKey(bytes: [10, 0, 0, UInt8(host)])) }
        #expect(limiter.trackedClients == 200)
        clock.advance(by: 59)
        for _ in 0..<10 { _ = limiter.takeNow(ClientKey(bytes: [10, 0, 1, 1])) }
        #expect(limiter.trackedClients == 201)
        clock.advance(by: 2)
        _ = limiter.takeNow(ClientKey(bytes: [10, 0, 1, 2]))
        // The 200 idle buckets are full again and forgotten; the one still draining is kept.
        #expect(limiter.trackedClients == 2)
    }

    @Test("a full table refuses new clients until a sweep frees room")
    func boundedTable() throws {
        let clock = TestClock()
        let limiter = RateLimiter(perMinute: 30, maxClients: 10, clock: { clock.now })
        for host in 1...10 { #expect(limiter.takeNow(ClientKey(bytes: [10, 0, 0, UInt8(host)])) == .allowed) }
        #expect(limiter.takeNow(ClientKey(bytes: [10, 0, 0, 11])) == .limited(retryAfter: 60))
        #expect(limiter.takeNow(ClientKey(bytes: [10, 0, 0, 1])) == .allowed)
        clock.advance(by: 61)
        #expect(limiter.takeNow(ClientKey(bytes: [10, 0, 0, 11])) == .allowed)
        #expect(limiter.trackedClients == 1)
    }
}
