import Foundation
import HelpModel
import HelpParser
import Testing
import TestSupport

/// Broken input: each case gives the right message at the right line and column, never a crash,
/// and all problems of a run are reported together.
@Suite("Bad input")
struct BadInputTests {
    /// Loads a temporary content folder holding the given French files and returns the findings.
    static func diagnostics(_ files: [String: [UInt8]], extra: (TemporaryContent) throws -> Void = { _ in }) throws -> [Diagnostic] {
        let content = try TemporaryContent()
        defer { content.remove() }
        for (path, bytes) in files { try content.write(path, bytes: bytes) }
        try extra(content)
        let result = try ContentLoader(workingDirectory: content.directory.path).load(root: "content")
        return result.diagnostics
    }

    static func diagnostics(_ path: String, _ text: String) throws -> [Diagnostic] {
        try diagnostics([path: Array(text.utf8)])
    }

    static func only(_ diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.formatted))", sourceLocation: sourceLocation)
        return try #require(diagnostics.first, sourceLocation: sourceLocation)
    }

    @Test("no front matter: error at 1:1 saying how an article starts")
    func noFrontMatter() throws {
        let finding = try Self.only(Self.diagnostics("fr/a.md", "# Titre\n\nTexte.\n"))
        #expect(finding.formatted == "content/fr/a.md:1:1: error: missing front matter: an article starts with a line '---', then id, title, updated and category, then '---'")
    }

    @Test("front matter never closed")
    func unclosedFrontMatter() throws {
        let finding = try Self.only(Self.diagnostics("fr/a.md", "---\nid: a\ntitle: T\n\nTexte.\n"))
        #expect(finding.severity == .error)
        #expect(finding.location == HelpModel.SourceLocation(line: 1, column: 1))
        #expect(finding.message.contains("never closed"))
    }

    @Test("broken YAML: error where libyaml stopped, with a note where the bad value starts")
    func brokenYAML() throws {
        let text = "---\nid: broken\ntitle: \"unterminated\nupdated: 2026-01-01\n---\nText\n"
        let finding = try Self.only(Self.diagnostics("fr/b.md", text))
        #expect(finding.file == "content/fr/b.md")
        #expect(finding.location == HelpModel.SourceLocation(line: 5, column: 1))
        #expect(finding.message.hasPrefix("invalid YAML: found unexpected end of stream"))
        #expect(finding.notes.map(\.location) == [HelpModel.SourceLocation(line: 3, column: 8)])
    }

    @Test("YAML mapping error points at the offending key")
    func yamlIndentation() throws {
        let text = "---\nid: a\n  title: indented\nupdated: 2026-01-01\ncategory: account\n---\nTexte.\n"
        let finding = try Self.only(Self.diagnostics("fr/a.md", text))
        #expect(finding.location == HelpModel.SourceLocation(line: 3, column: 8))
        #expect(finding.message.contains("mapping values are not allowed"))
    }

    @Test("missing and invalid front matter keys are all reported at once")
    func frontMatterKeys() throws {
        let text = "---\nid: Not An Id\nupdated: 2026-02-30\ncolour: blue\n---\nTexte.\n"
        let findings = try Self.diagnostics("fr/a.md", text).sortedForReport()
        #expect(findings.map(\.formatted) == [
            "content/fr/a.md:1:1: error: front matter is missing 'category': a category key of helpcenter.yml",
            "content/fr/a.md:1:1: error: front matter is missing 'title': the article's title as readers see it",
            "content/fr/a.md:2:5: error: 'id' must use lowercase letters a–z, digits and '-' only (got 'Not An Id')",
            "content/fr/a.md:3:10: error: 'updated' must be a real date written YYYY-MM-DD (got '2026-02-30')",
            "content/fr/a.md:4:1: error: unknown front matter key 'colour'; known keys: aliases, category, checks, draft, id, related, slug, title, translates, updated, version",
        ])
    }

    @Test("an unknown front matter key is an error naming the nearest known key when one is close; draft must be true or false")
    func misspeltKeys() throws {
        let text = "---\nid: a\ntitel: T\nupdated: 2026-01-01\ncategory: account\ndrfat: true\ndraft: oui\n---\nTexte.\n"
        let findings = try Self.diagnostics("fr/a.md", text).sortedForReport()
        #expect(findings.map(\.formatted) == [
            "content/fr/a.md:1:1: error: front matter is missing 'title': the article's title as readers see it",
            "content/fr/a.md:3:1: error: unknown front matter key 'titel'; did you mean 'title'? known keys: aliases, category, checks, draft, id, related, slug, title, translates, updated, version",
            "content/fr/a.md:6:1: error: unknown front matter key 'drfat'; did you mean 'draft'? known keys: aliases, category, checks, draft, id, related, slug, title, translates, updated, version",
            "content/fr/a.md:7:8: error: 'draft' is true or false (got 'oui')",
        ])
    }

    @Test("a '####' heading before any section is an error at its line; '#' stays one; deep ones in a section are fine")
    func deepHeadingNeedsASection() throws {
        let findings = try Self.diagnostics("fr/a.md", frenchArticle(body: "#### Trop tôt\n\n## Section\n\n##### Détail\n\n# Titre\n"))
        #expect(findings.map(\.formatted) == [
            "content/fr/a.md:8:1: error: a '####' heading parts a section, and none has started yet; start one with '##' before it",
            "content/fr/a.md:14:1: error: '#' headings are not allowed: the title comes from front matter; start sections with '##'",
        ])
    }

    @Test("unknown locale folder: every file in it is named, with a note on helpcenter.yml")
    func unknownLocaleFolder() throws {
        let finding = try Self.only(Self.diagnostics("xx/article.md", frenchArticle(body: "Texte.")))
        #expect(finding.formatted.hasPrefix("content/xx/article.md:1:1: error: 'xx' is not a locale of content/helpcenter.yml (fr, en, de, es)"))
        #expect(finding.notes.first?.file == "content/helpcenter.yml")
    }

    @Test("duplicate id in one locale: error at the second id, note at the first")
    func duplicateID() throws {
        let findings = try Self.diagnostics([
            "fr/a.md": Array(frenchArticle(id: "same", body: "Un.").utf8),
            "fr/b.md": Array(frenchArticle(id: "same", body: "Deux.").utf8),
            "en/c.md": Array("---\nid: same\ntitle: Same\nupdated: 2026-11-18\ncategory: account\ntranslates: {locale: fr, version: 1}\n---\nOne.\n".utf8),
        ])
        let finding = try Self.only(findings)
        #expect(finding.formatted == """
            content/fr/b.md:2:1: error: id 'same' is already used by another fr article; each article of a locale needs its own
            content/fr/a.md:2:1: note: first used here
            """)
    }

    @Test("a step no phrase reads: error at the step, with the nearest phrase and where it is written")
    func unreadableStep() throws {
        let body = "## Titre\n\n1. Connectez-vous à l’extranet.\n2. Cliquez vite sur **Compte**.\n"
        let finding = try Self.only(Self.diagnostics("fr/a.md", frenchArticle(body: body)))
        #expect(finding.file == "content/fr/a.md")
        #expect(finding.location == HelpModel.SourceLocation(line: 11, column: 4))
        #expect(finding.message.hasPrefix("step 2 does not read as any phrase of the fr phrasebook: \"Cliquez vite sur **Compte**.\""))
        let note = try #require(finding.notes.first)
        #expect(note.message == "nearest phrase of the same shape: \"Cliquez sur **{1}**.\"")
        #expect(note.file == "content/fr/phrasebook.yml")
    }

    @Test("non-UTF-8 bytes: error at the first bad byte, counted in characters")
    func nonUTF8() throws {
        var bytes = Array(frenchArticle(body: "Déjà vu, caf").utf8)
        bytes += [0xE9] + Array(" au lait.\n".utf8)
        let finding = try Self.only(Self.diagnostics(["fr/a.md": bytes]))
        // "Déjà vu, caf" is 12 characters (14 bytes): the bad byte is character 13.
        #expect(finding.formatted == "content/fr/a.md:8:13: error: byte 0xE9 is not UTF-8; save the file as UTF-8")
    }

    @Test("empty file, and a file of blank lines")
    func emptyFile() throws {
        for text in ["", "\n\n  \n"] {
            let finding = try Self.only(Self.diagnostics("fr/empty.md", text))
            #expect(finding.location == HelpModel.SourceLocation(line: 1, column: 1))
            #expect(finding.message.hasPrefix("file is empty"))
        }
    }

    @Test("multi-line raw HTML: each warning is one line, quoting its start and naming the lines it spans")
    func multiLineRawHTML() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        try content.write("fr/a.md", frenchArticle(body: """
            La <abbr
            title="authentification à deux facteurs"> protège le compte.

            <div class="tabs">
              <ul>
                <li>Windows</li>
                <li>macOS</li>
              </ul>
            </div>
            """))
        let result = try ContentLoader(workingDirectory: content.directory.path).load(root: "content")
        #expect(result.diagnostics.map(\.formatted) == [
            "content/fr/a.md:8:4: warning: raw HTML '<abbr title=\"authentification à deux fac…' is dropped; write Markdown instead",
            "content/fr/a.md:11:1: warning: raw HTML block '<div class=\"tabs\"> <ul> <li>Windows</li>…' (lines 11–16) "
                + "is dropped; write Markdown instead",
        ])
        #expect(result.diagnostics.allSatisfy { !$0.formatted.contains("\n") })
    }

    @Test("raw HTML is dropped with a warning at each place; the article still parses")
    func rawHTML() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        try content.write("fr/a.md", frenchArticle(body: "Texte <b onclick=\"x()\">gras</b>.\n\n<script>alert(1)</script>\n"))
        let result = try ContentLoader(workingDirectory: content.directory.path).load(root: "content")
        #expect(result.diagnostics.map(\.formatted) == [
            "content/fr/a.md:8:7: warning: raw HTML '<b onclick=\"x()\">' is dropped; write Markdown instead",
            "content/fr/a.md:8:28: warning: raw HTML '</b>' is dropped; write Markdown instead",
            "content/fr/a.md:10:1: warning: raw HTML block '<script>alert(1)</script>' is dropped; write Markdown instead",
        ])
        let article = try #require(result.articles.first)
        #expect(article.intro.count == 1)
        guard case .paragraph(let paragraph) = article.intro.first else {
            Issue.record("expected the paragraph alone")
            return
        }
        #expect(paragraph.content.plainText == "Texte gras.")
    }

    @Test("pathological nesting is refused before cmark, at the line and column of the excess")
    func pathologicalInput() throws {
        let body = String(repeating: ">", count: 100_000) + String(repeating: "a*", count: 100_000)
        let started = ContinuousClock.now
        let finding = try Self.only(Self.diagnostics("fr/p.md", frenchArticle(body: body)))
        #expect(finding.formatted == "content/fr/p.md:8:17: error: more than 16 nested quotes or lists on one line; nest less deeply")
        // Not a timing assertion: a sanity bound 50× above what it takes, so a regression to
        // cmark's ~52 s shows as a failure rather than a hung suite. The figure is in docs/.
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test("deep indentation and oversized files are refused with the limit named")
    func otherLimits() throws {
        let indented = frenchArticle(body: String(repeating: " ", count: 80) + "- item")
        #expect(try Self.only(Self.diagnostics("fr/i.md", indented)).formatted
            == "content/fr/i.md:8:81: error: line is indented 80 columns, over the limit of 64; nest lists and quotes less deeply")
        let huge = frenchArticle(body: String(repeating: "Texte. ", count: 160_000))
        #expect(try Self.only(Self.diagnostics("fr/h.md", huge)).message.hasPrefix("file is 1120"))
    }

    @Test("a '#' heading in the body is an error: the title comes from front matter")
    func levelOneHeading() throws {
        let finding = try Self.only(Self.diagnostics("fr/a.md", frenchArticle(body: "# Titre\n\nTexte.")))
        #expect(finding.location == HelpModel.SourceLocation(line: 8, column: 1))
        #expect(finding.message.hasPrefix("'#' headings are not allowed"))
    }

    @Test("unknown category and a source that claims to be a translation")
    func crossFileRules() throws {
        let text = "---\nid: a\ntitle: T\nupdated: 2026-11-18\ncategory: nowhere\ntranslates: {locale: en, version: 1}\n---\nTexte.\n"
        let findings = try Self.diagnostics("fr/a.md", text)
        #expect(findings.map(\.formatted) == [
            "content/fr/a.md:5:1: error: category 'nowhere' is not in content/helpcenter.yml (account, users, security); add it there or pick one of those",
            "content/fr/a.md:6:1: error: an article of the default locale 'fr' is a source, not a translation; remove 'translates'",
        ])
    }

    @Test("every problem of a run is reported, not only the first")
    func allProblemsAtOnce() throws {
        let findings = try Self.diagnostics([
            "fr/a.md": [],
            "fr/b.md": Array("no front matter\n".utf8),
            "fr/c.md": Array(frenchArticle(id: "c", body: "1. Faites autre chose.\n2. Et encore autre chose.").utf8),
        ])
        #expect(findings.count == 4)
        #expect(Set(findings.map(\.file)) == ["content/fr/a.md", "content/fr/b.md", "content/fr/c.md"])
    }

    @Test("a missing content folder or helpcenter.yml is unreadable input, not a finding")
    func unreadableInput() throws {
        #expect(throws: UnreadableInputError.self) {
            try ContentLoader().load(root: "/nonexistent/content")
        }
    }
}
