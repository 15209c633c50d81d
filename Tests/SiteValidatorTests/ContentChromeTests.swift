import Foundation
import HelpModel
import HelpParser
import SiteValidator
import Testing

/// Chrome catalogs: keys missing in a locale, texts left untranslated, and the allowlist.
@Suite("Content audit: chrome catalogs")
struct ContentChromeTests {
    @Test("a key missing in one locale: error at line 1 of that catalog, naming where the key is")
    func missingKey() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.edit("de/chrome.yml") { $0.replacingOccurrences(of: "feedback.send: Senden\n", with: "") }
        #expect(try fixture.audit() == [
            "content/de/chrome.yml:1:1: error: chrome key 'feedback.send' is missing in locale 'de' but exists in 'fr' "
                + "(content/fr/chrome.yml:36:1); add it to content/de/chrome.yml\n"
                + "content/fr/chrome.yml:36:1: note: 'feedback.send' in fr",
        ])
    }

    @Test("a key only one locale has: missing in every other catalog")
    func keyInOneLocaleOnly() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.edit("es/chrome.yml") { $0 + "\nnav.extra: Más\n" }
        let findings = try fixture.audit()
        #expect(findings.count == 3)
        #expect(findings.first == "content/de/chrome.yml:1:1: error: chrome key 'nav.extra' is missing in locale 'de' but exists in 'es' "
            + "(content/es/chrome.yml:57:1); add it to content/de/chrome.yml\n"
            + "content/es/chrome.yml:57:1: note: 'nav.extra' in es")
        #expect(findings.map { $0.prefix(22) } == ["content/de/chrome.yml:", "content/en/chrome.yml:", "content/fr/chrome.yml:"])
    }

    @Test("a text identical to another locale's: warning at the later locale's key, note at the earlier")
    func untranslated() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.edit("de/chrome.yml") { $0.replacingOccurrences(of: "feedback.send: Senden", with: "feedback.send: Envoyer") }
        #expect(try fixture.audit() == [
            "content/de/chrome.yml:36:1: warning: chrome key 'feedback.send' reads \"Envoyer\" in 'de', the same as in 'fr'; "
                + "translate it, or list it under same-as-other-locales in content/de/chrome.yml if it is meant to read the same\n"
                + "content/fr/chrome.yml:36:1: note: the same text in 'fr'",
        ])
    }

    @Test("identical after trimming, between two translations: the later one is warned")
    func untranslatedBetweenTranslations() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.edit("es/chrome.yml") { $0.replacingOccurrences(of: "feedback.send: Enviar", with: "feedback.send: \"Senden \"") }
        #expect(try fixture.audit() == [
            "content/es/chrome.yml:36:1: warning: chrome key 'feedback.send' reads \"Senden\" in 'es', the same as in 'de'; "
                + "translate it, or list it under same-as-other-locales in content/es/chrome.yml if it is meant to read the same\n"
                + "content/de/chrome.yml:36:1: note: the same text in 'de'",
        ])
    }

    @Test("same-as-other-locales: without it, en's \"Important\" is reported; with it, not")
    func allowlist() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        #expect(try fixture.audit() == [])
        try fixture.edit("en/chrome.yml") { $0.replacingOccurrences(of: "same-as-other-locales: [note.important]", with: "") }
        #expect(try fixture.audit() == [
            "content/en/chrome.yml:43:1: warning: chrome key 'note.important' reads \"Important\" in 'en', the same as in 'fr'; "
                + "translate it, or list it under same-as-other-locales in content/en/chrome.yml if it is meant to read the same\n"
                + "content/fr/chrome.yml:43:1: note: the same text in 'fr'",
        ])
    }

    @Test("texts of placeholders alone are never called untranslated")
    func placeholdersOnly() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        for locale in ["fr", "de"] {
            try fixture.edit("\(locale)/chrome.yml") {
                $0.replacingOccurrences(of: #"home.all_articles: "#, with: "home.all_articles: \"({count})\"\nold.all_articles: ")
            }
        }
        // Only the key the two catalogs alone have is reported, as missing in en and es.
        let findings = try fixture.audit()
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.contains("'old.all_articles' is missing") })
    }

    @Test("the catalog loader keeps the allowlist out of the strings and rejects unknown keys in it")
    func allowlistLoading() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        let (_, loaded, _) = try fixture.load()
        let english = try #require(loaded.catalogs["en"])
        #expect(english.intentionallyIdentical == ["note.important"])
        #expect(english.strings["same-as-other-locales"] == nil)

        try fixture.edit("en/chrome.yml") {
            $0.replacingOccurrences(of: "[note.important]", with: "[note.important, note.importnat]")
        }
        let broken = try ContentLoader(workingDirectory: fixture.directory).load(root: "content")
        #expect(broken.diagnostics.map(\.formatted) == [
            "content/en/chrome.yml:53:41: error: 'note.importnat' is not a key of this catalog; list only keys it defines",
        ])
    }
}
