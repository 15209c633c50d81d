@testable import HelpParser
import HelpModel
import Testing

/// Positions are where a writer finds them: lines from 1, columns in characters.
@Suite("Source positions")
struct SourcePositionTests {
    @Test("columns count characters, not UTF-8 bytes")
    func scalarColumns() {
        let source = SourceText(bytes: Array("abc\nÉtape **Compte**\n".utf8))
        // "Étape " is 6 characters but 7 bytes: byte column 10 is character column 9.
        #expect(source.scalarColumn(line: 2, byteColumn: 10) == 9)
        #expect(source.location(ofOffset: 4) == SourceLocation(line: 2, column: 1))
        #expect(source.location(ofOffset: 2) == SourceLocation(line: 1, column: 3))
    }

    @Test("a label after accented text points at its first character")
    func labelAfterAccents() throws {
        let parser = ArticleParser()
        let text = "---\nid: a\ntitle: T\nupdated: 2026-11-18\ncategory: account\n---\n\n1. Sélectionnez **Élément**.\n"
        let (phrasebook, _) = PhrasebookLoader.load(
            text: "phrases:\n  - phrase: \"Sélectionnez **{1}**.\"\n    actions: [{choose: 1}]\n", file: "p.yml", locale: "fr")
        let (article, diagnostics) = parser.parse(Array(text.utf8), file: "a.md", locale: "fr", phrasebook: phrasebook)
        #expect(diagnostics.isEmpty)
        let step = try #require(article?.procedures.first?.steps.first)
        guard case .choose(let target) = step.actions.first, case .article(let range) = target.label.origin else {
            Issue.record("expected choose")
            return
        }
        // "1. Sélectionnez " is 16 characters (17 bytes), then "**": "Élément" spans 19–25.
        #expect(range == SourceRange(start: SourceLocation(line: 8, column: 19), end: SourceLocation(line: 8, column: 25)))
    }

    @Test("anchors are readable ASCII slugs, unique within an article")
    func anchors() throws {
        #expect(Slug.make("Comment réinitialiser votre mot de passe ?") == "comment-reinitialiser-votre-mot-de-passe")
        #expect(Slug.make("Anmeldedaten ändern – Straße") == "anmeldedaten-andern-strasse")
        #expect(Slug.make("¿Cómo restablecer?") == "como-restablecer")
        #expect(Slug.make("???") == "section")
        let text = "---\nid: a\ntitle: T\nupdated: 2026-11-18\ncategory: account\n---\n\n## Étape\n\n## Étape\n\n### Étape\n"
        let (article, _) = ArticleParser().parse(Array(text.utf8), file: "a.md", locale: "fr", phrasebook: nil)
        #expect(article?.sections.map(\.anchor) == ["etape", "etape-2", "etape-3"])
        #expect(article?.sections.map(\.level) == [2, 2, 3])
    }

    @Test("notes take their kind from a GitHub-style marker")
    func noteKinds() throws {
        let text = "---\nid: a\ntitle: T\nupdated: 2026-11-18\ncategory: account\n---\n\n> [!WARNING]\n> Attention.\n\n> Simple.\n"
        let (article, diagnostics) = ArticleParser().parse(Array(text.utf8), file: "a.md", locale: "fr", phrasebook: nil)
        #expect(diagnostics.isEmpty)
        let kinds = article?.intro.compactMap { block -> Note.Kind? in
            if case .note(let note) = block { note.kind } else { nil }
        }
        #expect(kinds == [.warning, .note])
        guard case .note(let warning) = article?.intro.first, case .paragraph(let paragraph) = warning.blocks.first else {
            Issue.record("expected a note with a paragraph")
            return
        }
        #expect(paragraph.content.plainText == "Attention.")
    }

    @Test("inline markup nested past the limit is cut off with an error, not a crash")
    func deepInlineNesting() {
        let body = String(repeating: "*a ", count: 200) + "b" + String(repeating: " a*", count: 200)
        let text = "---\nid: a\ntitle: T\nupdated: 2026-11-18\ncategory: account\n---\n\n\(body)\n"
        let (article, diagnostics) = ArticleParser().parse(Array(text.utf8), file: "a.md", locale: "fr", phrasebook: nil)
        #expect(article == nil)
        #expect(diagnostics.first?.message.hasPrefix("markup nested more than 64 levels deep") == true)
    }
}
