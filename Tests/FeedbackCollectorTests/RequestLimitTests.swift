import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FeedbackCollector

@Suite("what is refused before the fields are read")
struct RequestLimitTests {
    /// A form of exactly `size` bytes whose fields are valid but for the comment's length.
    private func body(ofSize size: Int) -> String {
        let head = "article=login-credentials&locale=fr&vote=comment&comment="
        return head + String(repeating: "a", count: size - head.utf8.count)
    }

    @Test("a body of 16 KiB is read (and judged on its fields); 16 KiB + 1 is 413, streamed or declared")
    func bodyLimit() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let atLimit = try await client.post(body: body(ofSize: 16 * 1024))
            #expect(atLimit.status == .badRequest)
            #expect(atLimit.errorFields == ["comment"])
            let over = try await client.post(body: body(ofSize: 16 * 1024 + 1))
            #expect(over.status == .contentTooLarge)
            #expect(over.errorFields == ["body"])
            let declared = try await client.post(
                body: body(ofSize: 16 * 1024 + 1), json: false, extra: [.contentLength: String(16 * 1024 + 1)])
            #expect(declared.status == .contentTooLarge)
            #expect(declared.headers[.contentType] == "text/html; charset=utf-8")
        }
        #expect(try await harness.rows().isEmpty)
    }

    @Test(
        "a body that is not a URL-encoded UTF-8 form is 415",
        arguments: [
            "application/json", "multipart/form-data; boundary=x", "text/plain",
            "application/x-www-form-urlencoded; charset=ISO-8859-1",
        ])
    func unsupportedType(contentType: String) async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let response = try await client.post(
                body: FormEncoding.encode(client.validVoteFields), extra: [.contentType: contentType])
            #expect(response.status == .unsupportedMediaType)
            let missing = try await client.executeRequest(
                uri: "/feedback", method: .post, headers: [.accept: "application/json"],
                body: ByteBuffer(string: FormEncoding.encode(client.validVoteFields)))
            #expect(missing.status == .unsupportedMediaType)
        }
        #expect(try await harness.rows().isEmpty)
    }

    @Test(
        "other methods on the path are 405 with Allow",
        arguments: [HTTPRequest.Method.get, .put, .patch, .delete, .head])
    func otherMethods(method: HTTPRequest.Method) async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let response = try await client.executeRequest(uri: "/feedback", method: method, headers: [:], body: nil)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "POST, OPTIONS")
        }
    }

    @Test("the path is configurable")
    func customPath() async throws {
        let harness = try CollectorHarness { $0.path = "/api/votes" }
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let moved = try await client.executeRequest(
                uri: "/api/votes", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .accept: "application/json"],
                body: ByteBuffer(string: FormEncoding.encode(client.validVoteFields)))
            #expect(moved.status == .created)
            #expect(try await client.vote(client.validVoteFields).status == .notFound)
        }
    }
}
