import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOHTTP1
import Testing

@testable import FeedbackCollector

@Suite("Origin and CORS: only the site's own pages may post")
struct CrossOriginTests {
    @Test(
        "a foreign Origin is 403, stores nothing and gets no CORS header",
        arguments: [
            "https://evil.example", "null", "http://help.example.com", "https://help.example.com.evil.example",
        ])
    func foreignOrigin(origin: String) async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            for json in [true, false] {
                let response = try await client.vote(client.validVoteFields, json: json, origin: origin)
                #expect(response.status == .forbidden)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
        #expect(try await harness.rows().isEmpty)
    }

    @Test("the site's own origin (base-url by default) is accepted and named in Access-Control-Allow-Origin")
    func ownOrigin() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let response = try await client.vote(client.validVoteFields, origin: CollectorHarness.origin)
            #expect(response.status == .created)
            #expect(response.headers[.accessControlAllowOrigin] == CollectorHarness.origin)
            #expect(response.headers[.vary] == "Origin")
        }
        #expect(try await harness.rows().count == 1)
    }

    @Test("a page of the host the request went to may post (the preview on any port); another port of it may not")
    func sameHost() async throws {
        let harness = try CollectorHarness { $0.allowedOrigins = ["https://preview.example.org"] }
        defer { harness.removeFiles() }
        let collector = try await harness.open()
        // The live test client sends `Host: localhost`.
        try await collector.application(port: 0).test(.live) { client in
            let same = try await client.vote(client.validVoteFields, origin: "http://localhost")
            #expect(same.status == .created)
            #expect(same.headers[.accessControlAllowOrigin] == "http://localhost")
            #expect(try await client.vote(client.validVoteFields, origin: "http://localhost:8001").status == .forbidden)
            #expect(try await client.vote(client.validVoteFields, origin: "http://localhost.evil.example").status == .forbidden)
        }
        #expect(try await harness.rows().count == 1)
    }

    @Test("a DNS-rebinding page (its own name as Host and Origin, sent to loopback) may not post; localhost and 127.0.0.1 may")
    func rebinding() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        let collector = try await harness.open()
        try await collector.application(port: 0).test(.live) { client in
            let port = try #require(client.port)
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            var statuses: [String: Int] = [:]
            for host in ["rebind.evil.example:\(port)", "localhost:\(port)", "127.0.0.1:\(port)", "help.example.com"] {
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/feedback")
                request.method = .POST
                request.headers.add(name: "Host", value: host)
                request.headers.add(name: "Origin", value: "http://\(host)")
                request.headers.add(name: "Accept", value: "application/json")
                request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
                request.body = .bytes(ByteBuffer(string: "article=login-credentials&locale=fr&vote=yes"))
                let response = try await http.execute(request, timeout: .seconds(10))
                statuses[host] = Int(response.status.code)
            }
            try await http.shutdown()
            #expect(statuses["rebind.evil.example:\(port)"] == 403)
            #expect(statuses["localhost:\(port)"] == 201)
            #expect(statuses["127.0.0.1:\(port)"] == 201)
            // The site's own name (base-url), as a proxy in front of the collector sends it.
            #expect(statuses["help.example.com"] == 201)
        }
        #expect(try await harness.rows().count == 3)
    }

    @Test("allowedOrigins replaces the default; no Origin header (curl, wrk) is accepted")
    func configuredOrigins() async throws {
        let harness = try CollectorHarness {
            $0.allowedOrigins = ["http://127.0.0.1:8000/", "https://preview.example.org"]
        }
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            #expect(try await client.vote(client.validVoteFields, origin: "http://127.0.0.1:8000").status == .created)
            #expect(
                try await client.vote(client.validVoteFields, origin: "https://preview.example.org").status == .created)
            #expect(try await client.vote(client.validVoteFields, origin: CollectorHarness.origin).status == .forbidden)
            let bare = try await client.vote(client.validVoteFields)
            #expect(bare.status == .created)
            #expect(bare.headers[.accessControlAllowOrigin] == nil)
        }
        #expect(try await harness.rows().count == 3)
    }

    @Test("an allowed origin's refusals carry the CORS headers, so the script can read them")
    func refusalsReadable() async throws {
        let harness = try CollectorHarness { $0.votesPerMinute = 1 }
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let bad = try await client.post(body: "vote=maybe", origin: CollectorHarness.origin)
            #expect(bad.status == .badRequest)
            #expect(bad.headers[.accessControlAllowOrigin] == CollectorHarness.origin)
            let limited = try await client.vote(client.validVoteFields, origin: CollectorHarness.origin)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.accessControlAllowOrigin] == CollectorHarness.origin)
            #expect(limited.headers[.accessControlExposeHeaders] == "Retry-After")
        }
    }

    @Test("a refused origin takes no token, so a foreign page cannot spend its visitors' budget")
    func foreignTakesNoToken() async throws {
        let harness = try CollectorHarness { $0.votesPerMinute = 1 }
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            for _ in 0..<3 {
                let response = try await client.vote(client.validVoteFields, origin: "https://evil.example")
                #expect(response.status == .forbidden)
            }
            #expect(try await client.vote(client.validVoteFields, origin: CollectorHarness.origin).status == .created)
        }
    }

    @Test("a preflight from the site's origin is 204 with the CORS answers; from another, 403 without")
    func preflight() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let request: HTTPFields = [
                .origin: CollectorHarness.origin, .accessControlRequestMethod: "POST",
                .accessControlRequestHeaders: "content-type",
            ]
            let allowed = try await client.executeRequest(
                uri: "/feedback", method: .options, headers: request, body: nil)
            #expect(allowed.status == .noContent)
            #expect(allowed.headers[.accessControlAllowOrigin] == CollectorHarness.origin)
            #expect(allowed.headers[.accessControlAllowMethods] == "POST")
            #expect(allowed.headers[.accessControlAllowHeaders] == "Content-Type, Accept")
            #expect(allowed.headers[.accessControlMaxAge] != nil)
            #expect(allowed.headers[.vary] == "Origin")

            var foreignRequest = request
            foreignRequest[.origin] = "https://evil.example"
            let foreign = try await client.executeRequest(
                uri: "/feedback", method: .options, headers: foreignRequest, body: nil)
            #expect(foreign.status == .forbidden)
            #expect(foreign.headers[.accessControlAllowOrigin] == nil)
            #expect(foreign.headers[.accessControlAllowMethods] == nil)
        }
    }

    @Test("configured origins must be scheme://host[:port]")
    func invalidOrigin() async throws {
        let harness = try CollectorHarness { $0.allowedOrigins = ["https://help.example.com/fr/"] }
        defer { harness.removeFiles() }
        await #expect(throws: (any Error).self) { try await harness.open() }
    }
}
