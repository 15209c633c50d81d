import Foundation
import Testing
import TestSupport

@Suite("helpcenter model")
struct ModelCommandTests {
    @Test("a file: the tree with source ranges, read with its locale's phrasebook")
    func tree() throws {
        let result = try CommandRunner.run(["model", "content/fr/modifier-identifiants-connexion.md"])
        #expect(result.status == 0, "\(result.standardError)")
        let expected = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Tests/HelpParserTests/Golden/seed-fr.txt"), encoding: .utf8)
        #expect(result.standardOutput == expected)
    }

    @Test("--json: the Codable model, with actions and label origins")
    func json() throws {
        let result = try CommandRunner.run(["model", "--json", "content/en/change-reset-login-credentials.md"])
        #expect(result.status == 0, "\(result.standardError)")
        let articles = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(articles.count == 1)
        let frontMatter = try #require(articles.first?["frontMatter"] as? [String: Any])
        #expect(frontMatter["id"] as? String == "login-credentials")
        #expect(result.standardOutput.contains("\"text\" : \"Change password\""))
    }

    @Test("no path: every article of the content folder")
    func wholeFolder() throws {
        let result = try CommandRunner.run(["model"])
        #expect(result.status == 0)
        let files = try ["fr", "en", "de", "es"].flatMap { locale in
            try FileManager.default.contentsOfDirectory(atPath: repositoryContent.appendingPathComponent(locale).path)
                .filter { $0.hasSuffix(".md") }
        }
        #expect(files.count >= 4)
        #expect(result.standardOutput.components(separatedBy: "\nArticle ").count == files.count)
    }

    @Test("an article with errors: the errors on stderr and exit 1")
    func errors() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        let path = try content.write("fr/a.md", "---\nid: a\n---\n")
        let result = try CommandRunner.run(["model", path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("a.md:1:1: error: front matter is missing 'title'"))
    }

    @Test("a path that does not exist: exit 2")
    func missingPath() throws {
        let result = try CommandRunner.run(["model", "nope.md"])
        #expect(result.status == 2)
        #expect(result.standardError == "error: nope.md: no such file or folder\n")
    }
}
