import Foundation
import HelpModel
import HelpParser
import Testing
import TestSupport

/// The front matter's `checks:` and the phrasebook's claim patterns, read into the model with
/// every problem at its line and column.
@Suite("Checks and claims")
struct ChecksAndClaimsTests {
    static func article(_ frontMatter: String, body: String = "1. Connectez-vous à l’extranet.\n") throws -> (Article?, [Diagnostic]) {
        let text = "---\nid: a\ntitle: T\nupdated: 2026-01-01\ncategory: account\n\(frontMatter)---\n\n\(body)"
        let content = try TemporaryContent()
        defer { content.remove() }
        try content.write("fr/a.md", text)
        let result = try ContentLoader(workingDirectory: content.directory.path).load(root: "content")
        return (result.articles.first, result.diagnostics)
    }

    @Test("a check with a persona, a state, properties and an outcome is read with its position")
    func readsChecks() throws {
        let (article, diagnostics) = try Self.article(
            "checks:\n  - {persona: administrator, state: locked, properties: 3, outcome: password-changed}\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        let check = try #require(article?.frontMatter.checks.first)
        #expect(check.persona == .administrator)
        #expect(check.state == .locked)
        #expect(check.properties == 3)
        #expect(check.outcome == .passwordChanged)
        #expect(check.file == "content/fr/a.md")
        #expect(check.location == HelpModel.SourceLocation(line: 7, column: 5))
    }

    @Test("unknown outcome, persona and key are errors at their values, all at once")
    func badChecks() throws {
        let (article, diagnostics) = try Self.article(
            "checks:\n  - {persona: guest, outcome: password-reset, colour: blue}\n")
        #expect(article == nil)
        #expect(diagnostics.sortedForReport().map(\.formatted) == [
            "content/fr/a.md:7:15: error: unknown persona 'guest'; known: administrator, user",
            "content/fr/a.md:7:31: error: unknown outcome 'password-reset'; known outcomes: password-changed, reset-link-sent, user-invited, user-deleted, property-access-granted",
            "content/fr/a.md:7:47: error: unknown check key 'colour'; known keys: persona, state, properties, outcome, procedure, after-step, click-text-label",
        ])
    }

    @Test("as many checks as procedures, or an error at 'checks:'")
    func countMismatch() throws {
        let (article, diagnostics) = try Self.article(
            "checks:\n  - {persona: user, outcome: password-changed}\n  - {persona: user, outcome: reset-link-sent}\n")
        #expect(article == nil)
        #expect(diagnostics.map(\.formatted) == [
            "content/fr/a.md:6:1: error: 'checks' lists 2 entries but the article has 1 procedure; list one per procedure, in reading order (extra checks of a procedure say 'procedure: N')"
        ])
    }

    @Test("an extra check names its procedure; its after-step must exist")
    func extraChecks() throws {
        let fine = try Self.article("checks:\n  - {persona: user, outcome: password-changed}\n"
            + "  - {procedure: 1, persona: user, state: locked, after-step: 1, click-text-label: 1, outcome: reset-link-sent}\n")
        #expect(fine.1.isEmpty, "\(fine.1.map(\.formatted))")
        #expect(fine.0?.frontMatter.checks.last?.interlude == ProcedureCheck.Interlude(afterStep: 1, label: 1))
        let (article, diagnostics) = try Self.article("checks:\n  - {persona: user, outcome: password-changed}\n"
            + "  - {procedure: 1, persona: user, after-step: 4, click-text-label: 1, outcome: reset-link-sent}\n")
        #expect(article == nil)
        #expect(diagnostics.map(\.formatted) == ["content/fr/a.md:8:5: error: 'after-step: 4' but procedure 1 has 1 steps"])
    }

    @Test("claims of the seed: the number's position in every locale")
    func seedClaims() throws {
        let loaded = try ContentLoader(workingDirectory: repositoryRoot.path).load(root: "content")
        let seed = loaded.articles.filter { $0.id == "login-credentials" }
        let claims = Dictionary(uniqueKeysWithValues: seed.map { ($0.locale, $0.claims) })
        #expect(claims["fr"]?.map { "\($0.kind.rawValue) \($0.value) @\($0.range) \($0.text)" } == [
            "lockout-threshold 5 @38:64-38:64 5 fois sans succès",
            "support-threshold 5 @70:97-70:97 5 établissements ou plus",
        ])
        for locale in ["en", "de", "es"] {
            #expect(claims[locale]?.map(\.kind) == [.lockoutThreshold, .supportThreshold], "\(locale)")
            #expect(claims[locale]?.map(\.value) == [5, 5], "\(locale)")
        }
    }

    @Test("a claim pattern without {n}, or with an unknown kind, is an error in the phrasebook")
    func badClaimPatterns() throws {
        let content = try TemporaryContent(locales: ["fr"])
        defer { content.remove() }
        let phrasebook = try String(contentsOf: content.root.appendingPathComponent("fr/phrasebook.yml"), encoding: .utf8)
        let lines = phrasebook.split(separator: "\n", omittingEmptySubsequences: false).count
        try content.write(
            "fr/phrasebook.yml",
            phrasebook + "  - claim: \"cinq fois\"\n    kind: lockout-threshold\n  - claim: \"{n} fois\"\n    kind: speed\n")
        let result = try ContentLoader(workingDirectory: content.directory.path).load(root: "content")
        #expect(result.diagnostics.filter { $0.file.hasSuffix("phrasebook.yml") }.map(\.formatted) == [
            "content/fr/phrasebook.yml:\(lines):12: error: a claim phrase holds the number's place once, as {n}",
            "content/fr/phrasebook.yml:\(lines + 3):11: error: unknown claim kind 'speed'; known: lockout-threshold, support-threshold",
        ])
    }

    @Test("a number inside a longer number or in other words is not a claim")
    func noFalseClaims() throws {
        let (article, _) = try Self.article(
            "", body: "Après 15 fois sans succès ou 5 fois avec succès, rien. Après 7 fois sans succès, bloqué.\n")
        #expect(article?.claims.map(\.value) == [15, 7])
        #expect(article?.claims.first?.range.start == HelpModel.SourceLocation(line: 8, column: 7))
    }
}
