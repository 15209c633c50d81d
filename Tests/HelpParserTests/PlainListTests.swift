import Foundation
import HelpModel
@testable import HelpParser
import Testing
import TestSupport

/// A numbered list that is not a procedure: the line `<!-- list -->` before it makes it a
/// plain list (not read, not checked); an unread list that does not look like instructions
/// gets a note that says so, in every locale, from that locale's own phrasebook.
@Suite("Numbered lists that are only lists")
struct PlainListTests {
    static func repositoryPhrasebook(_ locale: String) throws -> Phrasebook {
        let url = TestSupportPaths.content.appendingPathComponent("\(locale)/phrasebook.yml")
        let (phrasebook, diagnostics) = PhrasebookLoader.load(
            text: try String(contentsOf: url, encoding: .utf8), file: "content/\(locale)/phrasebook.yml", locale: locale)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        return try #require(phrasebook)
    }

    /// Parses a body (after front matter of 7 lines: the body starts at line 8) with the
    /// repository's phrasebook of the locale.
    static func parse(_ body: String, locale: String = "fr") throws -> (Article?, [Diagnostic]) {
        let text = frenchArticle(body: body)
        return ArticleParser().parse(
            Array(text.utf8), file: "content/\(locale)/a.md", locale: locale, phrasebook: try repositoryPhrasebook(locale))
    }

    @Test("'<!-- list -->' then a numbered list: a plain numbered list, its items not read, no finding")
    func marked() throws {
        let (article, diagnostics) = try Self.parse("""
            <!-- list -->
            3. Le coffre est *chiffré* de bout en bout.
            4. Les mots de passe ne quittent jamais l'appareil.
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        let parsed = try #require(article)
        #expect(parsed.procedures.isEmpty)
        guard case .list(let list) = try #require(parsed.intro.first) else {
            Issue.record("expected a list: \(parsed.intro)")
            return
        }
        #expect(list.start == 3)
        #expect(list.isNumbered)
        #expect(list.items.count == 2)
        #expect(list.range.start == SourceLocation(line: 9, column: 1))
        #expect(parsed.treeDump.contains("List numbered start=3 items=2 tight @9:1"), "\(parsed.treeDump)")
    }

    @Test("the marker may have a blank line after it, other spacing or case, and work inside a list item")
    func markerForms() throws {
        for marker in ["<!-- list -->\n", "<!--list-->\n\n", "<!--   LIST   -->\n"] {
            let (article, diagnostics) = try Self.parse(marker + "1. Premier fait.\n2. Second fait.\n")
            #expect(diagnostics.isEmpty, "\(marker): \(diagnostics.map(\.formatted))")
            #expect(article?.procedures.isEmpty == true)
        }
        let (article, diagnostics) = try Self.parse("""
            - Les rôles, du plus fort au plus faible :

              <!-- list -->
              1. Propriétaire.
              2. Lecteur.
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        guard case .list(let outer) = try #require(article?.intro.first), case .list(let inner) = try #require(outer.items.first?.last) else {
            Issue.record("expected a numbered list in the bullet")
            return
        }
        #expect(!outer.isNumbered)
        #expect(inner.start == 1)
    }

    @Test("only the list right after the marker is a plain list: the next one is a procedure again")
    func markerScope() throws {
        let (article, diagnostics) = try Self.parse("""
            <!-- list -->
            1. Premier fait.

            Ensuite :

            1. Cliquez sur **Compte**.
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        #expect(article?.procedures.count == 1)
        #expect(article?.procedures.first?.steps.first?.actions.count == 1)
    }

    @Test("a marker no numbered list follows is a warning at the marker, naming what follows")
    func markerUnused() throws {
        let cases: [(String, String)] = [
            ("<!-- list -->\nUn paragraphe.\n", "a paragraph follows it"),
            ("<!-- list -->\n- une puce\n", "a bullet list follows it, which is never a procedure"),
            ("<!-- list -->\n\n## Titre\n", "a heading follows it"),
            ("Texte.\n\n<!-- list -->\n", "nothing follows it here"),
        ]
        for (body, what) in cases {
            let (_, diagnostics) = try Self.parse(body)
            let warning = try #require(diagnostics.first, "\(body)")
            #expect(diagnostics.count == 1, "\(diagnostics.map(\.formatted))")
            #expect(warning.severity == .warning)
            #expect(warning.location.column == 1)
            #expect(warning.message.contains(what), "\(warning.message)")
            #expect(warning.message.hasPrefix("'<!-- list -->' marks the numbered list on the line after it as a plain list"))
        }
    }

    /// Facts, then instructions the grammar does not read, in each locale's own words.
    static let samples: [(locale: String, facts: [String], instruction: String)] = [
        ("fr", ["Le coffre est chiffré.", "Les mots de passe sont stockés sur l'appareil."], "Ouvrez l'application sur votre téléphone."),
        ("en", ["Your vault is encrypted.", "Passwords are stored on your device."], "Open the app on your phone."),
        ("de", ["Ihr Tresor ist verschlüsselt.", "Passwörter werden auf dem Gerät gespeichert."], "Öffnen Sie die App auf Ihrem Telefon."),
        ("es", ["Su caja fuerte está cifrada.", "Las contraseñas se guardan en su dispositivo."], "Abra la aplicación en su teléfono."),
    ]

    @Test("an unread list of facts: its first error gets a note at the list with the marker to write, in every locale")
    func suggestsMarker() throws {
        for sample in Self.samples {
            let body = "Intro.\n\n" + sample.facts.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
            let (article, diagnostics) = try Self.parse(body, locale: sample.locale)
            #expect(article == nil)
            let errors = diagnostics.filter { $0.severity == .error }
            #expect(errors.count == 2, "\(sample.locale): \(diagnostics.map(\.formatted))")
            let suggestion = errors.first?.notes.last
            #expect(suggestion?.location == SourceLocation(line: 10, column: 1), "\(sample.locale)")
            #expect(suggestion?.file == "content/\(sample.locale)/a.md")
            #expect(
                suggestion?.message == "this numbered list does not look like steps (no item starts with a verb of the \(sample.locale) "
                    + "phrasebook or names controls as a path of **bold** labels); if it is a plain list, not a procedure, write <!-- list --> "
                    + "on its own line just before it")
            #expect(errors.last?.notes.contains { $0.message.contains("<!-- list -->") } == false, "once a list, at its first error")
        }
    }

    @Test("bold words alone do not make steps: facts and options with labels get the note too")
    func boldFactsSuggestMarker() throws {
        for (locale, body) in [
            ("fr", "1. Le coffre est chiffré.\n2. **Propriétaire** : accès complet."),
            ("en", "1. The app is **open source** software.\n2. **Owner**: full access to every vault."),
            ("de", "1. **Besitzer**: voller Zugriff.\n2. Der Tresor ist **verschlüsselt**."),
            // A place that opens a sentence does so with its comma, and its "…" stops there: the
            // verb "use" deep in the sentence does not make it an instruction.
            ("en", "1. **Session fixation**: In this attack, an attacker gives a victim a session ID and can use it later.\n"
                + "2. **Idle sessions**: an open session can be taken over."),
        ] {
            let (_, diagnostics) = try Self.parse(body, locale: locale)
            #expect(diagnostics.flatMap(\.notes).contains { $0.code == ArticleParser.plainListCode }, "\(locale): \(body)")
        }
    }

    @Test("a list that reads as instructions gets no such note: an item opens with a verb, a clause after a purpose or a place, a path of labels, or a verb in bold")
    func instructionsGetNoNote() throws {
        var bodies: [(String, String)] = Self.samples.map { sample in
            (sample.locale, "1. \(sample.facts[0])\n2. \(sample.instruction)")
        }
        bodies += [
            ("fr", "1. Cliquez vite sur **Compte**."),
            ("en", "1. The vault is encrypted.\n2. **Settings** > **Privacy**, quickly."),
            ("en", "1. The vault is encrypted.\n2. On the **Vault** page, click **Item** **Edit**."),
            ("en", "1. The vault is encrypted.\n2. [**Install the server**](#install)."),
        ]
        for (locale, body) in bodies {
            let (_, diagnostics) = try Self.parse(body, locale: locale)
            #expect(diagnostics.contains { $0.severity == .error }, "\(body) should not read")
            #expect(!diagnostics.flatMap(\.notes).contains { $0.message.contains("<!-- list -->") }, "\(locale): \(body)")
        }
        // A verb after a purpose, a control named in plain words: English reads these as
        // unlabelled steps (a warning, no error), so no list note either.
        for body in ["1. To sync the vault, open it twice quickly.", "1. Select Settings from the top navigation bar."] {
            let (_, diagnostics) = try Self.parse(body, locale: "en")
            #expect(diagnostics.map(\.code) == [ArticleParser.unlabelledStepCode], "\(body): \(diagnostics.map(\.formatted))")
            #expect(!diagnostics.flatMap(\.notes).contains { $0.message.contains("<!-- list -->") }, "\(body)")
        }
    }

    @Test("the marker on such a list leaves no error")
    func markerFixesIt() throws {
        for sample in Self.samples {
            let body = "<!-- list -->\n" + sample.facts.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
            let (article, diagnostics) = try Self.parse(body, locale: sample.locale)
            #expect(diagnostics.isEmpty, "\(sample.locale): \(diagnostics.map(\.formatted))")
            #expect(article?.procedures.isEmpty == true)
        }
    }
}
