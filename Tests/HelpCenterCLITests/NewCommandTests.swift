import Foundation
import Testing
import TestSupport

@Suite("helpcenter new")
struct NewCommandTests {
    @Test("new writes an article that lints clean, as a draft; never over an existing file")
    func newArticle() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        let result = try CommandRunner.run(
            ["new", "fr/verrouillage-compte", "--title", "Que faire si mon compte est verrouillé ?", "--category", "account"],
            in: content.directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "wrote content/fr/verrouillage-compte.md\n")
        let text = try String(contentsOf: content.root.appendingPathComponent("fr/verrouillage-compte.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\nid: verrouillage-compte\ntitle: \"Que faire si mon compte est verrouillé ?\"\nupdated: "))
        #expect(text.contains("category: account\nversion: 1\ndraft: true\n---\n\n## Que faire si mon compte est verrouillé ?\n"))
        let lint = try CommandRunner.run(["lint"], in: content.directory)
        #expect(lint.status == 0, "\(lint.standardError)")
        let again = try CommandRunner.run(
            ["new", "fr/verrouillage-compte", "--title", "Autre", "--category", "account"], in: content.directory)
        #expect(again.status == 2)
        #expect(again.standardError.contains("exists; helpcenter new never overwrites a file"))
        let unknown = try CommandRunner.run(["new", "fr/x", "--title", "X", "--category", "nope"], in: content.directory)
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("'nope' is not a category of helpcenter.yml"))
    }

    @Test("new --translate writes the translation: translates set, the source's sections and steps; once only")
    func translation() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        try content.copyRepositoryArticle("fr/modifier-identifiants-connexion.md")
        let result = try CommandRunner.run(["new", "--translate", "login-credentials", "--to", "en"], in: content.directory)
        #expect(result.status == 0, "\(result.standardError)")
        let text = try String(contentsOf: content.root.appendingPathComponent("en/modifier-identifiants-connexion.md"), encoding: .utf8)
        #expect(text.contains("id: login-credentials\n"))
        #expect(text.contains("translates: {locale: fr, version: 1}\ndraft: true\n---\n"))
        #expect(text.contains("## Comment changer votre mot de passe"), "the source's sections, to translate")
        #expect(text.contains("1. Connectez-vous"), "and its steps")
        let again = try CommandRunner.run(["new", "--translate", "login-credentials", "--to", "en"], in: content.directory)
        #expect(again.status == 2)
        #expect(again.standardError.contains("content/en/modifier-identifiants-connexion.md exists; helpcenter new never overwrites a file"))
    }
}
