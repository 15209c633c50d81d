import Foundation
import Testing
import TestSupport

@Suite("helpcenter lint")
struct LintCommandTests {
    @Test("the repository's content is clean: exit 0 and a summary of the model")
    func cleanContent() throws {
        let result = try CommandRunner.run(["lint"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput.contains("40 articles (10 ids in 4 locales), 68 procedures, 288 steps"))
        #expect(result.standardOutput.hasSuffix("0 errors, 0 warnings\n"))
    }

    @Test("findings: exit 1, compiler-style lines on stderr, errors before warnings, a count")
    func findings() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        try content.write("fr/a.md", frenchArticle(body: "Texte <i>penché</i>.\n\n1. Cliquez vite sur **Compte**.\n"))
        let result = try CommandRunner.run(["lint", "--content", "content"], in: content.directory)
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("content/fr/a.md:10:4: error: step 1 does not read as any phrase") == true)
        #expect(lines.dropFirst().first?.hasPrefix("content/fr/phrasebook.yml:") == true)
        #expect(lines.contains("content/fr/a.md:8:7: warning: raw HTML '<i>' is dropped; write Markdown instead"))
        #expect(lines.last == "1 error, 2 warnings")
    }

    @Test("what build refuses before writing, lint reports the same way at the same position")
    func buildRulesToo() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        try content.write("fr/a.md", frenchArticle(body: "Voir [](./target.md) ici.\n"))
        let build = try CommandRunner.run(["build"], in: content.directory)
        let lint = try CommandRunner.run(["lint", "--content", "content"], in: content.directory)
        let expected = "content/fr/a.md:8:6: error: link to './target.md' matches no article of the content; fix the path (relative to this file)"
        #expect(build.status == 1)
        #expect(build.standardError.split(separator: "\n").contains { $0 == expected }, "\(build.standardError)")
        #expect(lint.status == 1)
        #expect(lint.standardError.split(separator: "\n").map(String.init) == [expected, "1 error, 0 warnings"])
    }

    @Test("a link to an article that did not parse is not also reported as leading nowhere")
    func linkToUnparsedArticle() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        try content.write("fr/a.md", frenchArticle(body: "Voir [b](./b.md).\n"))
        try content.write("fr/b.md", frenchArticle(id: "b", body: "# Titre\n"))
        let lint = try CommandRunner.run(["lint", "--content", "content"], in: content.directory)
        #expect(lint.status == 1)
        #expect(lint.standardError.contains("content/fr/b.md:8:1: error: '#' headings are not allowed"))
        #expect(!lint.standardError.contains("link to './b.md'"), "\(lint.standardError)")
        #expect(lint.standardError.hasSuffix("1 error, 0 warnings\n"))
    }

    @Test("warnings alone still fail lint: exit 1")
    func warningsFail() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        try content.write("fr/a.md", frenchArticle(body: "Texte <i>penché</i>."))
        let result = try CommandRunner.run(["lint", "--content", "content"], in: content.directory)
        #expect(result.status == 1)
        #expect(result.standardError.hasSuffix("0 errors, 2 warnings\n"))
    }

    @Test("a content folder that does not exist: exit 2 and the path named")
    func missingFolder() throws {
        let result = try CommandRunner.run(["lint", "--content", "no/such/folder"])
        #expect(result.status == 2)
        #expect(result.standardError == "error: no/such/folder/helpcenter.yml: no such file\n")
    }
}
