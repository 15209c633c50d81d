import Foundation
import Testing
import TestSupport

/// `helpcenter build --keep-going` (publish while fixing), `lint --fail-on`, and diagnostics
/// that stay one line each whatever they quote.
@Suite("helpcenter build --keep-going, lint --fail-on, one-line diagnostics")
struct KeepGoingCommandTests {
    /// The seed, a good French article linking to a broken one, and the broken one.
    static func content() throws -> TemporaryContent {
        let content = try BuildCommandTests.seededContent()
        try content.write("fr/bon.md", frenchArticle(id: "bon", title: "Bon", body: "Voir [l'autre](casse.md).\n"))
        try content.write("fr/casse.md", frenchArticle(id: "casse", title: "Cassé", body: "1. Cliquez vite sur **Compte**.\n"))
        return content
    }

    @Test("--keep-going: the good articles are built, the broken one left out and listed, the link to it a warning; exit 1")
    func keepGoing() throws {
        let content = try Self.content()
        defer { content.remove() }
        let result = try CommandRunner.run(["build", "--keep-going"], in: content.directory)
        #expect(result.status == 1, "\(result.standardError)")
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("content/fr/casse.md:8:4: error: step 1 does not read as any phrase of the fr phrasebook") == true)
        #expect(lines.contains(
            "content/fr/bon.md:8:6: warning: link to 'casse.md' leads to content/fr/casse.md, which has errors and is left out of this "
                + "build (--keep-going); the link shows as text until that article is fixed"), "\(result.standardError)")
        #expect(result.standardError.hasSuffix("""
            1 error, 1 warning
            build --keep-going: 1 article with errors left out of site/:
              content/fr/casse.md

            """), "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("built site/ from 5 articles (1 article with errors left out): "), "\(result.standardOutput)")
        let site = content.directory.appendingPathComponent("site")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("fr/bon/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("fr/casse").path))
        let page = try String(contentsOf: site.appendingPathComponent("fr/bon/index.html"), encoding: .utf8)
        #expect(page.contains("<p>Voir l'autre.</p>"), "the link shows as its text")
    }

    @Test("the same content without --keep-going: exit 1, nothing written, the previous site kept")
    func defaultAllOrNothing() throws {
        let content = try Self.content()
        defer { content.remove() }
        try content.write("fr/casse.md", frenchArticle(id: "casse", title: "Cassé", body: "Texte.\n"))
        #expect(try CommandRunner.run(["build"], in: content.directory).status == 0)
        let index = content.directory.appendingPathComponent("site/fr/casse/index.html")
        let before = try Data(contentsOf: index)
        try content.write("fr/casse.md", frenchArticle(id: "casse", title: "Cassé", body: "1. Cliquez vite sur **Compte**.\n"))
        let result = try CommandRunner.run(["build"], in: content.directory)
        #expect(result.status == 1)
        #expect(result.standardError.hasSuffix("build failed: site/ was left as it was\n"))
        #expect(try Data(contentsOf: index) == before)
        #expect(result.standardOutput.isEmpty)
    }

    @Test("an error in no article stops --keep-going too, naming the file; --keep-going with --watch is a usage error")
    func blockingAndUsage() throws {
        let content = try Self.content()
        defer { content.remove() }
        let phrasebook = content.root.appendingPathComponent("fr/phrasebook.yml")
        let text = try String(contentsOf: phrasebook, encoding: .utf8)
        try (text + "\nphrases:\n  - phrase: \"Cliquez sur **{1}\"\n    actions: [{click: 1}]\n").write(
            to: phrasebook, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["build", "--keep-going"], in: content.directory)
        #expect(result.status == 1)
        #expect(result.standardError.hasSuffix(
            "build failed: --keep-going leaves out articles with errors, not the settings, phrasebooks or catalogs; "
                + "fix the errors in content/fr/phrasebook.yml first. site/ was left as it was\n"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: content.directory.appendingPathComponent("site").path))
        let watch = try CommandRunner.run(["build", "--keep-going", "--watch"], in: content.directory)
        #expect(watch.status == 2)
        #expect(watch.standardError == "error: --keep-going builds once; it cannot be combined with --watch\n")
    }

    @Test("lint --fail-on error: warnings print and pass (exit 0); errors still fail; --fail-on warning is the default")
    func lintFailOn() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        try content.write("fr/a.md", frenchArticle(body: "Voir {:target=\"_blank\"} ici.\n"))
        let strict = try CommandRunner.run(["lint", "--content", "content"], in: content.directory)
        #expect(strict.status == 1)
        let explicit = try CommandRunner.run(["lint", "--content", "content", "--fail-on", "warning"], in: content.directory)
        #expect(explicit.status == 1)
        let lenient = try CommandRunner.run(["lint", "--content", "content", "--fail-on", "error"], in: content.directory)
        #expect(lenient.status == 0, "\(lenient.standardError)")
        #expect(lenient.standardError.hasSuffix("[kramdown-attribute-list]\n0 errors, 1 warning\n"), "the warning still prints")
        try content.write("fr/a.md", frenchArticle(body: "1. Cliquez vite sur **Compte**.\n"))
        let failing = try CommandRunner.run(["lint", "--content", "content", "--fail-on", "error"], in: content.directory)
        #expect(failing.status == 1)
        let bad = try CommandRunner.run(["lint", "--content", "content", "--fail-on", "never"], in: content.directory)
        #expect(bad.status == 2)
    }

    @Test("one-line diagnostics: raw HTML over several lines, a block and a tag, each finding a line of its own")
    func oneLinePerFinding() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        try content.write("fr/a.md", frenchArticle(body: """
            <iframe width="560"
              height="315"
              src="https://www.youtube.com/embed/x">
            </iframe>

            Texte <img
            src="x.png"> ici.

            <!-- list -->
            1. Un fait.
            """))
        let result = try CommandRunner.run(["lint", "--content", "content"], in: content.directory)
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            "content/fr/a.md:8:1: warning: raw HTML block '<iframe width=\"560\" height=\"315\" src=\"ht…' (lines 8–11) is dropped; write Markdown instead",
            "content/fr/a.md:13:7: warning: raw HTML '<img src=\"x.png\">' is dropped; write Markdown instead",
            "0 errors, 2 warnings",
            "",
        ], "\(result.standardError)")
    }

    @Test("validate reports such a warning under content-parse, with its code in the JSON and on the human line")
    func codeInValidate() throws {
        let content = try BuildCommandTests.seededContent()
        defer { content.remove() }
        try content.write("fr/a.md", frenchArticle(id: "a", body: "!!! note \"Titre\"\n"))
        #expect(try CommandRunner.run(["build"], in: content.directory).status == 0, "a warning does not fail the build")
        let json = try CommandRunner.run(["validate", "--format", "json", "--fail-on", "error"], in: content.directory)
        #expect(json.status == 0, "\(json.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let finding = try #require(findings.first { $0["rule"] as? String == "content-parse" }, "\(findings)")
        #expect(finding["file"] as? String == "content/fr/a.md")
        #expect(finding["code"] as? String == "mkdocs-admonition")
        #expect(finding["line"] as? Int == 8 && finding["column"] as? Int == 1)
        let human = try CommandRunner.run(["validate", "--fail-on", "error"], in: content.directory)
        #expect(human.standardError.contains("(not indented) [mkdocs-admonition] [content-parse]\n"), "\(human.standardError)")
    }
}
