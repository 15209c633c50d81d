import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FeedbackCollector

@Suite("the fields of a vote")
struct SubmissionTests {
    @Test("a valid yes, no and comment are each one row; an empty comment and honeypot go with yes")
    func validVotes() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        let statuses = try await harness.run { (_, client) async throws in
            [
                try await client.vote([("article", "login-credentials"), ("locale", "fr"), ("vote", "yes")]).status,
                try await client.vote([
                    ("article", "login-credentials"), ("locale", "en"), ("vote", "no"), ("comment", ""),
                    ("website", ""),
                ]).status,
                try await client.vote([
                    ("article", "login-credentials"), ("locale", "fr"), ("vote", "comment"),
                    ("comment", "  Merci !\r\nTrès clair.\r\n"),
                ]).status,
            ]
        }
        #expect(statuses == [.created, .created, .created])
        let rows = try await harness.rows()
        #expect(rows.map(\.vote) == ["yes", "no", "comment"])
        #expect(rows.map(\.locale) == ["fr", "en", "fr"])
        #expect(rows.map(\.comment) == [nil, nil, "Merci !\nTrès clair."])
    }

    @Test(
        "each rule refuses with 400 naming the field, and nothing is stored",
        arguments: [
            ("unknown field", "article=login-credentials&locale=fr&vote=yes&rating=5", "rating"),
            ("honeypot filled", "article=login-credentials&locale=fr&vote=yes&website=http%3A%2F%2Fspam", "website"),
            ("bad vote", "article=login-credentials&locale=fr&vote=maybe", "vote"),
            ("unknown article", "article=nope&locale=fr&vote=yes", "article"),
            ("unknown locale", "article=login-credentials&locale=de&vote=yes", "locale"),
            ("missing article", "locale=fr&vote=yes", "article"),
            ("missing vote", "article=login-credentials&locale=fr", "vote"),
            ("field twice", "article=login-credentials&locale=fr&vote=yes&vote=no", "vote"),
            ("blank comment", "article=login-credentials&locale=fr&vote=comment&comment=%20%0A", "comment"),
            ("no comment", "article=login-credentials&locale=fr&vote=comment", "comment"),
            ("comment with yes", "article=login-credentials&locale=fr&vote=yes&comment=great", "comment"),
            ("bad percent", "article=login-credentials&locale=fr&vote=yes%zz", "vote"),
            ("cut percent", "article=login-credentials&locale=fr&vote=yes%4", "vote"),
            ("not UTF-8", "article=login-credentials&locale=fr&vote=comment&comment=%C3%28", "comment"),
            ("bad name", "article=login-credentials&locale=fr&vote=yes&%FF=1", "body"),
        ])
    func refused(_ name: String, body: String, field: String) async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let response = try await client.post(body: body)
            #expect(response.status == .badRequest, "\(name)")
            #expect(response.json["ok"] as? Bool == false)
            #expect(response.errorFields.contains(field), "\(name): \(response.text)")
        }
        #expect(try await harness.rows().isEmpty)
    }

    @Test("a comment of 1,000 characters passes (emoji and CRLF count as one each), 1,001 is refused")
    func commentLength() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        let fits = String(repeating: "é", count: 997) + "👍🏽\r\n!"
        let tooLong = fits + "x"
        try await harness.run { (_, client) async throws in
            let base = [("article", "login-credentials"), ("locale", "fr"), ("vote", "comment")]
            #expect(try await client.vote(base + [("comment", fits)]).status == .created)
            let refused = try await client.vote(base + [("comment", tooLong)])
            #expect(refused.status == .badRequest)
            #expect(refused.errorFields == ["comment"])
            #expect(refused.text.contains("1001"))
        }
        #expect(try await harness.rows().count == 1)
        #expect(try await harness.rows()[0].comment == String(repeating: "é", count: 997) + "👍🏽\n!")
    }

    @Test("every problem is listed in one answer")
    func allProblemsAtOnce() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let response = try await client.post(body: "article=nope&locale=fr&vote=maybe&website=x&extra=1&comment=hi")
            #expect(response.status == .badRequest)
            #expect(Set(response.errorFields) == ["article", "vote", "website", "extra"])
        }
    }
}
