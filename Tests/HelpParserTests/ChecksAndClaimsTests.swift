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

    static let section = "## Changer {#change}\n\n1. Connectez-vous à l’extranet.\n"

    @Test("a check names its procedure by section anchor, with persona, state, properties, outcome and position")
    func readsChecks() throws {
        let (article, diagnostics) = try Self.article(
            "checks:\n  - {procedure: change, persona: administrator, state: locked, properties: 3, outcome: password-changed}\n",
            body: Self.section)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        let check = try #require(article?.frontMatter.checks.first)
        #expect(check.procedure == "change")
        #expect(check.number == nil)
        #expect(check.persona == .administrator)
        #expect(check.state == .locked)
        #expect(check.properties == 3)
        #expect(check.outcome == .passwordChanged)
        #expect(check.file == "content/fr/a.md")
        #expect(check.location == HelpModel.SourceLocation(line: 7, column: 5))
        #expect(check.procedureLocation == HelpModel.SourceLocation(line: 7, column: 17))
    }

    @Test("the fixture keys: invited with its invitation, failed attempts, a second user's rights")
    func fixtureKeys() throws {
        let (article, diagnostics) = try Self.article(
            "checks:\n  - {procedure: change, persona: user, state: invited, invitation: existing-user, properties: 2, outcome: invitation-accepted}\n"
                + "  - {procedure: change, persona: user, failed-attempts: 4, second-user: {rights: [reservations, finance]}, outcome: signed-out}\n",
            body: Self.section)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        let checks = try #require(article?.frontMatter.checks)
        #expect(checks.map(\.state) == [.invited, .active])
        #expect(checks.map(\.invitation) == [.existingUser, nil])
        #expect(checks.map(\.failedAttempts) == [nil, 4])
        #expect(checks.map(\.secondUser.rights) == [[.reservations], [.reservations, .finance]])
    }

    @Test("unknown outcome, persona, state, right and key are errors at their values, all at once")
    func badChecks() throws {
        let (article, diagnostics) = try Self.article(
            "checks:\n  - {procedure: change, persona: guest, outcome: password-reset, colour: blue, state: asleep}\n"
                + "  - {procedure: change, persona: user, outcome: signed-out, second-user: {rights: [cooking]}}\n",
            body: Self.section)
        #expect(article == nil)
        #expect(diagnostics.sortedForReport().map(\.formatted) == [
            "content/fr/a.md:7:34: error: unknown persona 'guest'; known: administrator, user",
            "content/fr/a.md:7:50: error: unknown outcome 'password-reset'; known outcomes: password-changed, reset-link-sent, user-invited, user-deleted, property-access-granted, signed-in, signed-out, invitation-accepted, rights-changed, account-unlocked, support-page-shown",
            "content/fr/a.md:7:66: error: unknown check key 'colour'; known keys: procedure, number, persona, state, invitation, failed-attempts, properties, second-user, outcome, after-step, click-text-label",
            "content/fr/a.md:7:87: error: unknown state 'asleep'; known: active, locked, invited",
            "content/fr/a.md:8:84: error: unknown right 'cooking'; known: reservations, rates, finance, administration",
        ])
    }

    @Test("invited needs its invitation; an existing user's needs a second property")
    func invitationRules() throws {
        let (_, missing) = try Self.article(
            "checks:\n  - {procedure: change, persona: user, state: invited, outcome: invitation-accepted}\n", body: Self.section)
        #expect(missing.map(\.formatted) == [
            "content/fr/a.md:7:5: error: 'state: invited' needs 'invitation: new-user' or 'invitation: existing-user'"
        ])
        let (_, single) = try Self.article(
            "checks:\n  - {procedure: change, persona: user, state: invited, invitation: existing-user, outcome: invitation-accepted}\n",
            body: Self.section)
        #expect(single.map(\.formatted) == [
            "content/fr/a.md:7:5: error: 'invitation: existing-user' invites to the second property: add 'properties: 2'"
        ])
    }

    @Test("a positional 'procedure: 2' is refused with the way to name it")
    func positionalRefused() throws {
        let (article, diagnostics) = try Self.article(
            "checks:\n  - {procedure: 2, persona: user, outcome: password-changed}\n", body: Self.section)
        #expect(article == nil)
        #expect(diagnostics.map(\.formatted) == [
            "content/fr/a.md:7:17: error: 'procedure' names the section's anchor ('procedure: change-password'), not a position; give the heading an id ('## … {#change-password}') and name it"
        ])
    }

    @Test("a wrong name is an error at its value with the nearest anchor")
    func wrongName() throws {
        let (article, diagnostics) = try Self.article(
            "checks:\n  - {procedure: chnage, persona: user, outcome: password-changed}\n", body: Self.section)
        #expect(article == nil)
        #expect(diagnostics.map(\.formatted) == [
            "content/fr/a.md:7:17: error: check names procedure 'chnage', but no section has that anchor; did you mean 'change'?"
        ])
    }

    @Test("a generated anchor names its procedure too; a section with several needs 'number'")
    func numberWithinSection() throws {
        let body = "## Deux procédures\n\n1. Connectez-vous à l’extranet.\n\nPuis :\n\n1. Connectez-vous à l’extranet.\n"
        let (fine, none) = try Self.article(
            "checks:\n  - {procedure: deux-procedures, number: 2, persona: user, outcome: signed-out}\n", body: body)
        #expect(none.isEmpty, "\(none.map(\.formatted))")
        #expect(fine?.frontMatter.checks.first?.number == 2)
        let (_, unnumbered) = try Self.article(
            "checks:\n  - {procedure: deux-procedures, persona: user, outcome: signed-out}\n", body: body)
        #expect(unnumbered.map(\.formatted) == [
            "content/fr/a.md:7:17: error: section 'deux-procedures' has 2 procedures; say which one with 'number: 1' to 'number: 2'"
        ])
        let (_, tooLarge) = try Self.article(
            "checks:\n  - {procedure: deux-procedures, number: 3, persona: user, outcome: signed-out}\n", body: body)
        #expect(tooLarge.map(\.formatted) == [
            "content/fr/a.md:7:17: error: check names procedure 3 of section 'deux-procedures', which has 2"
        ])
    }

    @Test("the same check twice is an error at the second, with a note at the first; two different checks of one procedure are fine")
    func duplicateCheck() throws {
        let twice = "  - {procedure: change, persona: user, outcome: password-changed}\n"
        let (article, diagnostics) = try Self.article("checks:\n" + twice + twice, body: Self.section)
        #expect(article == nil)
        #expect(diagnostics.map { "\($0.file):\($0.location): \($0.message)" } == [
            "content/fr/a.md:8:5: this check of 'change' is written twice; remove one, or change what the second one starts from"
        ])
        #expect(diagnostics.first?.notes.map(\.location) == [HelpModel.SourceLocation(line: 7, column: 5)])
        let (second, none) = try Self.article(
            "checks:\n" + twice + "  - {procedure: change, persona: user, state: locked, outcome: password-changed}\n", body: Self.section)
        #expect(none.isEmpty)
        #expect(second?.frontMatter.checks.count == 2)
    }

    @Test("an extra check's after-step must exist in the procedure it names")
    func afterStep() throws {
        let fine = try Self.article(
            "checks:\n  - {procedure: change, persona: user, state: locked, after-step: 1, click-text-label: 1, outcome: reset-link-sent}\n",
            body: Self.section)
        #expect(fine.1.isEmpty, "\(fine.1.map(\.formatted))")
        #expect(fine.0?.frontMatter.checks.last?.interlude == ProcedureCheck.Interlude(afterStep: 1, label: 1))
        let (article, diagnostics) = try Self.article(
            "checks:\n  - {procedure: change, persona: user, after-step: 4, click-text-label: 1, outcome: reset-link-sent}\n",
            body: Self.section)
        #expect(article == nil)
        #expect(diagnostics.map(\.formatted) == ["content/fr/a.md:7:5: error: 'after-step: 4' but procedure 'change' has 1 steps"])
    }

    @Test("heading ids: the anchor, never in the title; a duplicate or a malformed id is an error at it")
    func headingIDs() throws {
        let (article, diagnostics) = try Self.article("", body: "## Changer le mot de passe {#change}\n\nTexte.\n\n## Change\n\nTexte.\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        #expect(article?.sections.map(\.anchor) == ["change", "change-2"])
        #expect(article?.sections.first?.title.plainText == "Changer le mot de passe")
        let (_, duplicate) = try Self.article("", body: "## Un {#same}\n\nTexte.\n\n## Deux {#same}\n\nTexte.\n")
        #expect(duplicate.map(\.formatted) == [
            "content/fr/a.md:12:9: error: heading id 'same' is already the anchor of another section of this article; ids must be unique within it"
        ])
        let (_, malformed) = try Self.article("", body: "## Un {#Mot de passe}\n\nTexte.\n")
        #expect(malformed.map(\.formatted) == [
            "content/fr/a.md:8:7: error: heading id '{#Mot de passe}' must be lowercase letters, digits and inner hyphens, as 'change-password'"
        ])
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
            #expect(claims[locale]?.map(\.number) == [5, 5], "\(locale)")
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
            "content/fr/phrasebook.yml:\(lines + 3):11: error: unknown claim kind 'speed'; known: \(Claim.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
        ])
    }

    @Test("a number inside a longer number or in other words is not a claim")
    func noFalseClaims() throws {
        let (article, _) = try Self.article(
            "", body: "Après 15 fois sans succès ou 5 fois avec succès, rien. Après 7 fois sans succès, bloqué.\n")
        #expect(article?.claims.map(\.number) == [15, 7])
        #expect(article?.claims.first?.range.start == HelpModel.SourceLocation(line: 8, column: 7))
    }
}
