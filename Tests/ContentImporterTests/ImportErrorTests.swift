import ContentImporter
import Foundation
import HelpModel
import HelpParser
import Testing

/// Input the import refuses, and source problems it reports without refusing.
@Suite("import: bad input and the source's own problems")
struct ImportErrorTests {
    @Test("a missing source folder is refused, naming it")
    func missingFolder() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        guard case .failure(let failure) = fixture.run(.jekyll, source: "/nonexistent/help") else {
            Issue.record("imported from a folder that does not exist")
            return
        }
        #expect(failure.message == "/nonexistent/help: no such folder; give the jekyll site's folder as SOURCE_DIR")
    }

    @Test("front matter that does not parse: every file at its line, and nothing written")
    func unreadableFrontMatter() throws {
        let fixture = try ImportFixture(source: [
            "_articles/a/one.md": "---\ntitle: One\ntags: [a, b\n---\nText.\n",
            "_articles/a/two.md": "---\ntitle: Two\ndescription: \"open\n---\nText.\n",
            "_articles/a/three.md": "---\ntitle: Three\n---\nText.\n",
        ])
        defer { fixture.remove() }
        guard case .failure(let failure) = fixture.run(.jekyll) else {
            Issue.record("imported unreadable front matter")
            return
        }
        let hint = "quote values that hold ': ' or start with '{', '[', '*' or '&'"
        #expect(failure.diagnostics.map(\.formatted).map { $0.replacingOccurrences(of: fixture.sourcePath + "/", with: "") } == [
            "_articles/a/one.md:4:1: error: unreadable front matter: did not find expected ',' or ']'; \(hint)",
            "_articles/a/two.md:3:19: error: unreadable front matter: found unexpected end of stream; \(hint)",
        ])
        #expect(!FileManager.default.fileExists(atPath: fixture.content + "/en/a"), "nothing written")
    }

    @Test("a key given twice is taken from its last line, as Jekyll does, with a warning")
    func duplicateKey() throws {
        let fixture = try ImportFixture(source: ["_articles/a/one.md": "---\ntitle: First\ndescription: old\ntitle: Second\n---\nText.\n"])
        defer { fixture.remove() }
        let summary = try fixture.run(.jekyll).summary()
        #expect(summary.findings.lines(under: fixture.sourcePath).contains(
            "_articles/a/one.md:2: front matter key 'title' is given again on line 4; the last one is used, as Jekyll does"))
        #expect(try fixture.text("en/a/one.md").contains("title: \"Second\"\n"))
    }

    @Test("links the source already had dead, links to a hidden article and missing images are reported at their lines")
    func sourceProblems() throws {
        let fixture = try ImportFixture(source: [
            "_articles/a/one.md": """
                ---
                title: One
                ---
                See [nothing]({{site.baseurl}}/article/no-such-article/#x).
                See [the hidden one]({{site.baseurl}}/article/two/).
                {% image a/missing.png A missing picture %}
                """,
            "_articles/a/two.md": "---\ntitle: Two\nhidden: true\n---\nText.\n",
        ])
        defer { fixture.remove() }
        let summary = try fixture.run(.jekyll).summary()
        let lines = summary.findings.lines(under: fixture.sourcePath)
        #expect(lines.contains("_articles/a/one.md:4: link to article 'no-such-article', which the source does not have (dead in the source): written as '/article/no-such-article/', which validate reports; fix or remove it"))
        #expect(lines.contains("_articles/a/one.md:5: links to en/a/two.md, hidden in the source and a draft here: the build refuses the link (build --keep-going shows its text) until that article is published or the link goes"))
        #expect(lines.contains("_articles/a/one.md:6: image 'a/missing.png' does not exist in the source (images/a/missing.png); add the file to the content's images/a/missing.png"))
        #expect(try fixture.text("en/a/one.md").contains("See [nothing](/article/no-such-article/#x)."))
    }
}
