import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FeedbackCollector

@Suite("nothing a client sends comes back unescaped")
struct EscapingTests {
    static let hostile = "<script>alert(\"x\")</script>'"

    @Test(
        "hostile names and values in every field: the JSON and the page carry them escaped", arguments: [true, false])
    func everyField(json: Bool) async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let fields = ["article", "locale", "vote", "comment", "website", Self.hostile].map { ($0, Self.hostile) }
            let response = try await client.vote(fields, json: json)
            #expect(response.status == .badRequest)
            let text = response.text
            #expect(!text.contains("<script>"))
            #expect(!text.contains("</script>"))
            if json {
                #expect(text.contains("\\u003cscript\\u003e"))
                #expect(Set(response.errorFields) == ["article", "vote", "website", Self.hostile])
            } else {
                #expect(text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;"))
            }
        }
        #expect(try await harness.rows().isEmpty)
    }

    @Test("a valid article with a hostile comment is stored as sent, and the 303 carries no part of it")
    func storedAsSent() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let response = try await client.vote(
                [("article", "login-credentials"), ("locale", "fr"), ("vote", "comment"), ("comment", Self.hostile)],
                json: false)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location]?.contains("script") == false)
        }
        #expect(try await harness.rows().map(\.comment) == [Self.hostile])
    }
}
