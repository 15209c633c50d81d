import Foundation
@testable import HelpParser
import HelpModel
import Testing
import TestSupport

/// Phrasebook files: bad entries are reported at their own line, all of them.
@Suite("Phrasebook files")
struct PhrasebookLoaderTests {
    static func load(_ text: String) -> (Phrasebook?, [Diagnostic]) {
        PhrasebookLoader.load(text: text, file: "content/fr/phrasebook.yml", locale: "fr")
    }

    @Test("a valid phrasebook reads a step into actions with the phrasebook's field labels")
    func valid() throws {
        let (phrasebook, diagnostics) = Self.load("""
            phrases:
              - phrase: "Saisissez votre nom d'utilisateur, puis cliquez sur **{1}**."
                actions:
                  - fill: username
                    field: "Nom d'utilisateur"
                  - click: 1
            """)
        #expect(diagnostics.isEmpty)
        let book = try #require(phrasebook)
        let (actions, found) = StepExplainer.read("Saisissez votre nom d’utilisateur, puis cliquez sur **Confirmer**.", phrasebook: book)
        #expect(found.isEmpty)
        #expect(actions.map(\.kind) == [.fill, .click])
        guard actions.count == 2, case .fill(let field) = actions[0], case .click(let target) = actions[1] else { return }
        #expect(field.value == .username)
        #expect(field.label?.text == "Nom d'utilisateur")
        #expect(field.label?.origin == .phrasebook(file: "content/fr/phrasebook.yml", range: SourceRange(at: SourceLocation(line: 5, column: 16))))
        #expect(target.label.text == "Confirmer")
        #expect(target.label.origin == .article(SourceRange(start: SourceLocation(line: 1, column: 58), end: SourceLocation(line: 1, column: 66))))
    }

    @Test("the first matching entry wins")
    func order() throws {
        let (phrasebook, _) = Self.load("""
            phrases:
              - phrase: "Cliquez sur **{1}**."
                actions: [{click: 1}]
              - phrase: "Cliquez sur **{1}**."
                actions: [{choose: 1}]
            """)
        let book = try #require(phrasebook)
        #expect(StepExplainer.read("Cliquez sur **A**.", phrasebook: book).actions.map(\.kind) == [.click])
    }

    @Test("every bad entry is reported at its line, and left out")
    func badEntries() {
        let (phrasebook, diagnostics) = Self.load("""
            phrases:
              - phrase: "Cliquez sur **{1}**."
                actions: [{click: 2}]
              - phrase: "Faites [quelque chose."
                actions: [sign-in]
              - phrase: "Dansez."
                actions: [dance]
              - phrase: "Remplissez."
                actions:
                  - fill: shoe-size
              - phrase: "Rien."
            """)
        #expect(phrasebook?.entries.isEmpty == true)
        #expect(diagnostics.map(\.formatted) == [
            "content/fr/phrasebook.yml:3:23: error: slot 2 is not in the phrase; write **{2}** or *{2}* in it",
            "content/fr/phrasebook.yml:4:13: error: bad phrase pattern at character 8: '[' is never closed by ']'",
            "content/fr/phrasebook.yml:7:15: error: unknown action 'dance'; known actions: sign-in, follow-email-link, manual, open, click, choose, tick, fill",
            "content/fr/phrasebook.yml:10:15: error: unknown value kind 'shoe-size'; known: username, current-password, new-password, email-address, person-name, access-rights, property-id, previous-username, text",
            "content/fr/phrasebook.yml:11:5: error: phrase entry needs a non-empty 'actions' list",
            "content/fr/phrasebook.yml:1:1: error: the phrasebook reads no step: give it a 'grammar' (verbs, fields, clauses) or 'phrases'",
        ])
    }

    @Test("a phrasebook without 'grammar' or 'phrases' is an error at 1:1")
    func noPhrases() {
        let (_, diagnostics) = Self.load("words: []\n")
        #expect(diagnostics.first?.location == SourceLocation(line: 1, column: 1))
    }

    @Test("every repository phrasebook loads without a finding")
    func repositoryPhrasebooks() throws {
        for locale in ["fr", "en", "de", "es"] {
            let url = TestSupportPaths.content.appendingPathComponent("\(locale)/phrasebook.yml")
            let (phrasebook, diagnostics) = PhrasebookLoader.load(
                text: try String(contentsOf: url, encoding: .utf8), file: url.path, locale: locale)
            #expect(phrasebook != nil)
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        }
    }
}
