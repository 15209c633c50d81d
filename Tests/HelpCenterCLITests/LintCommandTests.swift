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
        #expect(result.standardOutput.contains("articles (1 ids in 4 locales), 20 procedures, 88 steps"))
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
