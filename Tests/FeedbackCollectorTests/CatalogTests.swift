import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FeedbackCollector

@Suite("the site's article list")
struct CatalogTests {
    @Test("an article added to the list while the collector runs is accepted without a restart")
    func reloads() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        let newVote = [("article", "invite-user"), ("locale", "fr"), ("vote", "yes")]
        try await harness.run { (_, client) async throws in
            #expect(try await client.vote(newVote).status == .badRequest)
            try harness.writeCatalog(
                CollectorHarness.catalogJSON.replacingOccurrences(
                    of: "\"articles\": [",
                    with:
                        #""articles": [{"id": "invite-user", "locale": "fr", "path": "fr/inviter/", "title": "Inviter"},"#
                ))
            #expect(try await client.vote(newVote).status == .created)
            #expect(try await client.vote(client.validVoteFields).status == .created)
        }
        #expect(try await harness.rows().map(\.article) == ["invite-user", "login-credentials"])
    }

    @Test("without a list the collector starts, refuses every vote as unknown and warns once; then the list appears")
    func missingList() async throws {
        let harness = try CollectorHarness(catalog: nil)
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            for _ in 0..<3 {
                let response = try await client.vote(client.validVoteFields)
                #expect(response.status == .badRequest)
                #expect(response.errorFields == ["article"])
                #expect(response.text.contains("unknown article"))
            }
            #expect(harness.log.warnings.count == 1)
            let warning = try #require(harness.log.warnings.first)
            #expect(warning.hasSuffix(
                ".helpcenter-articles.json: build the site first (helpcenter build); every vote is refused until it exists"))
            #expect(!warning.contains("NSCocoaErrorDomain"), "a person reads this line: no error object dump")
            try harness.writeCatalog(CollectorHarness.catalogJSON)
            #expect(try await client.vote(client.validVoteFields).status == .created)
        }
        #expect(harness.log.warnings.count == 1)
    }

    @Test("a list that is not the generator's JSON refuses votes like a missing one, logged once as an error")
    func unreadableList() async throws {
        let harness = try CollectorHarness(catalog: "{\"articles\": 3")
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            #expect(try await client.vote(client.validVoteFields).status == .badRequest)
            #expect(try await client.vote(client.validVoteFields).status == .badRequest)
        }
        #expect(harness.log.warnings.isEmpty)
        #expect(harness.log.errors.count == 1)
        #expect(harness.log.errors.first?.contains("cannot read the article list") == true)
    }
}
