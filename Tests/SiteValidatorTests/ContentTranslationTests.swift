import Foundation
import HelpModel
import SiteValidator
import Testing

/// Missing translations and translations whose procedures differ from their source.
@Suite("Content audit: translations")
struct ContentTranslationTests {
    static let en = "content/en/change-reset-login-credentials.md"
    static let fr = "content/fr/modifier-identifiants-connexion.md"

    @Test("a translation missing a step: error at the step that took its place, note at the source's step")
    func missingStep() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        // "3. Enter your current password, then type your new password twice."
        try fixture.removeLines(19...19, from: ContentFixture.english)
        #expect(try fixture.audit() == [
            "\(Self.en):19:4: error: the procedure in \"How to change your password\" has 3 steps where the source's has 4: "
                + "the source's step 3 (fill, fill, fill) is missing before this step\n"
                + "\(Self.fr):24:4: note: the missing step in the source",
        ])
    }

    @Test("a translation missing its last step: error at the last step it has")
    func missingLastStep() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        // "4. Click **Save**."
        try fixture.removeLines(20...20, from: ContentFixture.english)
        #expect(try fixture.audit() == [
            "\(Self.en):19:4: error: the procedure in \"How to change your password\" has 3 steps where the source's has 4: "
                + "the source's step 4 (click) is missing after this step\n"
                + "\(Self.fr):25:4: note: the missing step in the source",
        ])
    }

    @Test("a step doing another kind of action: error at that step")
    func differentActionKind() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.edit(ContentFixture.english) {
            $0.replacingOccurrences(of: "3. Enter your username, then click **Confirm**.", with: "3. Click **Confirm**.")
        }
        #expect(try fixture.audit() == [
            "\(Self.en):30:4: error: step 3 of the procedure in \"How to reset your password\" is click "
                + "where the source's step 3 is fill, click; translate it with the same actions\n"
                + "\(Self.fr):35:4: note: step 3 in the source",
        ])
    }

    @Test("a step more than the source: error at the extra step")
    func extraStep() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.edit(ContentFixture.english) {
            $0.replacingOccurrences(of: "4. Click **Save**.\n", with: "4. Click **Save**.\n5. Click **Save**.\n")
        }
        #expect(try fixture.audit() == [
            "\(Self.en):21:4: error: the procedure in \"How to change your password\" has 5 steps where the source's has 4: "
                + "step 5 has no counterpart in the source\n"
                + "\(Self.fr):22:1: note: the procedure in the source",
        ])
    }

    @Test("a missing section: error at the heading of the section that took its place")
    func missingSection() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        // "## How to reset your password" up to the blank line before the next heading.
        try fixture.removeLines(24...36, from: ContentFixture.english)
        #expect(try fixture.audit() == [
            "\(Self.en):24:1: error: this translation has 3 sections where the source has 4: the source's section 2 "
                + "\"Comment réinitialiser votre mot de passe\" is missing before this section\n"
                + "\(Self.fr):29:1: note: the missing section in the source",
        ])
    }

    @Test("a section the source does not have: error at its heading, note at what precedes it in the source")
    func extraSection() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.edit(ContentFixture.english) {
            $0.replacingOccurrences(of: "## How to reset", with: "## Before you start\n\nHave your login at hand.\n\n## How to reset")
        }
        #expect(try fixture.audit() == [
            "\(Self.en):24:1: error: this translation has 5 sections where the source has 4: "
                + "section \"Before you start\" has no counterpart in the source\n"
                + "\(Self.fr):18:1: note: what precedes it in the source",
        ])
    }

    @Test("a missing procedure: error at its section's heading, note at the source's procedure")
    func missingProcedure() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        // The four steps that delete the old login, and the blank line after them.
        try fixture.removeLines(49...53, from: ContentFixture.english)
        #expect(try fixture.audit() == [
            "\(Self.en):37:1: error: \"How to create a new username\" has 2 procedures where the source has 3: "
                + "the source's procedure 2 in \"Comment créer un nouveau nom d'utilisateur\" (4 steps) is missing\n"
                + "\(Self.fr):54:1: note: the missing procedure in the source",
        ])
    }

    @Test("an id missing in a locale: warning at the source's id, naming the file and the folder")
    func missingTranslation() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.remove("de/anmeldedaten-aendern-zuruecksetzen.md")
        #expect(try fixture.audit() == [
            "\(Self.fr):2:1: warning: 'login-credentials' has no translation in de; translate \(Self.fr) into content/de/ "
                + "with 'translates: {locale: fr, version: 1}'",
        ])
    }

    @Test("an id with no source left: warning at a translation's id")
    func missingSource() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.remove(ContentFixture.source)
        #expect(try fixture.audit() == [
            "\(Self.en):2:1: warning: 'login-credentials' has no article in fr, the locale \(Self.en) translates from; "
                + "restore the source article or remove its translations",
        ])
    }
}
