import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FeedbackCollector

@Suite("JSON for fetch, a redirect or a page for a plain form")
struct AnswerTests {
    @Test("fetch gets 201 {\"ok\":true}")
    func json() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let response = try await client.vote(client.validVoteFields)
            #expect(response.status == .created)
            #expect(response.text == #"{"ok":true}"#)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-store")
        }
    }

    @Test("a form gets 303 to the article: #feedback-thanks for yes, #feedback-unhelpful for no, #feedback-sent for a comment")
    func redirects() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let yes = try await client.vote(client.validVoteFields, json: false)
            #expect(yes.status == .seeOther)
            #expect(
                yes.headers[.location] == "https://help.example.com/fr/modifier-identifiants-connexion/#feedback-thanks"
            )
            let no = try await client.vote(
                [("article", "login-credentials"), ("locale", "en"), ("vote", "no")], json: false)
            #expect(
                no.headers[.location] == "https://help.example.com/en/change-reset-login-credentials/#feedback-unhelpful")
            let comment = try await client.vote(
                [("article", "login-credentials"), ("locale", "fr"), ("vote", "comment"), ("comment", "Bien")],
                json: false)
            #expect(comment.status == .seeOther)
            #expect(
                comment.headers[.location]
                    == "https://help.example.com/fr/modifier-identifiants-connexion/#feedback-sent")
        }
        #expect(try await harness.rows().count == 3)
    }

    @Test(
        "redirectBase: \"\" is site-relative, an origin replaces the catalog's",
        arguments: [
            ("", "/fr/modifier-identifiants-connexion/#feedback-thanks"),
            ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/fr/modifier-identifiants-connexion/#feedback-thanks"),
        ])
    func redirectBase(base: String, location: String) async throws {
        let harness = try CollectorHarness { $0.redirectBase = base }
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            #expect(try await client.vote(client.validVoteFields, json: false).headers[.location] == location)
        }
    }

    @Test("a refused form gets a self-contained English page listing the problems, linking back to the article")
    func errorPage() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let response = try await client.post(body: "article=login-credentials&locale=fr&vote=maybe", json: false)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let page = response.text
            #expect(page.contains("<html lang=\"en\">"))
            #expect(page.contains("<strong>vote</strong>"))
            #expect(page.contains("href=\"https://help.example.com/fr/modifier-identifiants-connexion/\""))
            #expect(!page.contains("<script") && !page.contains("<style") && !page.contains("style="))

            let unknown = try await client.post(body: "article=nope&locale=fr&vote=yes", json: false)
            #expect(unknown.status == .badRequest)
            #expect(!unknown.text.contains("<a "))
        }
    }

    @Test(
        "each refusal of a form is a page with its status",
        arguments: [
            ("unsupported", HTTPResponse.Status.unsupportedMediaType), ("too large", .contentTooLarge),
            ("foreign", .forbidden),
        ])
    func errorPages(_ kind: String, status: HTTPResponse.Status) async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        try await harness.run { (_, client) async throws in
            let response: TestResponse
            switch kind {
            case "unsupported":
                response = try await client.post(body: "{}", json: false, extra: [.contentType: "application/json"])
            case "too large":
                response = try await client.post(body: String(repeating: "a", count: 20_000), json: false)
            default:
                response = try await client.vote(client.validVoteFields, json: false, origin: "https://evil.example")
            }
            #expect(response.status == status)
            #expect(response.text.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        }
    }
}
