import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import FeedbackCollector

/// Searches that found nothing: posted by the search page, kept as words and a locale only,
/// counted by `feedback report --searches`.
@Suite("searches that found nothing")
struct SearchMissTests {
    @Test("a miss is stored normalised (trimmed, spaces collapsed, lowercased) and answered 204", arguments: StoreKind.allCases)
    func stored(store: StoreKind) async throws {
        let harness = try await CollectorHarness(store: store)
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let answer = try await client.searchMiss([("query", "  Mot   de PASSE\toublié "), ("locale", "fr")])
            #expect(answer.status == .noContent)
            #expect(try await client.searchMiss([("query", "mot de passe oublié"), ("locale", "fr")]).status == .noContent)
            #expect(try await client.searchMiss([("query", "forgotten login"), ("locale", "en")]).status == .noContent)
        }
        let report = try await SearchMissReport.read(database: harness.options.database, limit: 20, logger: harness.options.logger)
        #expect(report.misses.map(\.query) == ["forgotten login", "mot de passe oublié"])
        #expect(report.misses.map(\.count) == [1, 2])
        #expect(report.misses.map(\.locale) == ["en", "fr"])
        #expect(try await harness.rows().isEmpty, "no vote row")
    }

    @Test("refused, storing nothing: too long, empty, an unknown locale or field, a field twice", arguments: StoreKind.allCases)
    func refused(store: StoreKind) async throws {
        let harness = try await CollectorHarness(store: store)
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let long = try await client.searchMiss([("query", String(repeating: "a", count: SearchMiss.maximumLength + 1)), ("locale", "fr")])
            #expect(long.status == .badRequest)
            #expect(long.text.contains("longer than 100 characters"))
            #expect(try await client.searchMiss([("query", "   "), ("locale", "fr")]).status == .badRequest)
            #expect(try await client.searchMiss([("query", "x"), ("locale", "it")]).status == .badRequest)
            #expect(try await client.searchMiss([("query", "x"), ("locale", "fr"), ("email", "a@b.c")]).status == .badRequest)
            #expect(try await client.searchMiss([("query", "x"), ("query", "y"), ("locale", "fr")]).status == .badRequest)
            #expect(try await client.searchMiss([("query", "x"), ("locale", "fr")], origin: "https://evil.example").status == .forbidden)
        }
        let report = try await SearchMissReport.read(database: harness.options.database, limit: 20, logger: harness.options.logger)
        #expect(report.misses.isEmpty)
    }

    @Test("the votes' rate limit counts misses too: a bot cannot fill the table")
    func rateLimited() async throws {
        let harness = try CollectorHarness { $0.votesPerMinute = 2 }
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            #expect(try await client.searchMiss([("query", "a b"), ("locale", "fr")]).status == .noContent)
            #expect(try await client.vote(client.validVoteFields).status == .created)
            let third = try await client.searchMiss([("query", "c d"), ("locale", "fr")])
            #expect(third.status == .tooManyRequests)
        }
        let report = try await SearchMissReport.read(database: harness.options.database, limit: 20, logger: harness.options.logger)
        #expect(report.misses.map(\.query) == ["a b"])
    }

    @Test("the report keeps each locale's most frequent, then alphabetical, up to the limit; CSV cells defused")
    func reportOrderAndLimit() {
        let counts = [
            SearchMissCount(locale: "de", query: "passwort", count: 1, last: "2026-12-01T10:00:00Z"),
            SearchMissCount(locale: "fr", query: "=cmd()", count: 5, last: "2026-12-01T10:00:00Z"),
            SearchMissCount(locale: "fr", query: "facture", count: 3, last: "2026-12-01T09:00:00Z"),
            SearchMissCount(locale: "fr", query: "tva", count: 1, last: "2026-12-01T08:00:00Z"),
        ]
        let report = SearchMissReport(counts, limit: 2)
        #expect(report.misses.map(\.query) == ["passwort", "=cmd()", "facture"])
        #expect(report.csv().contains("fr,'=cmd(),5,"))
        #expect(report.table().contains("fr          5  2026-12-01T10:00:00Z  =cmd()"))
        #expect(report.json().contains("\"query\" : \"facture\""))
    }
}
