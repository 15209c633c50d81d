import Foundation
import HelpModel
import HelpParser
import SiteValidator
import Testing
import TestSupport

/// The repository's own content passes the content audit.
@Suite("Content audit: the real content")
struct ContentRealContentTests {
    @Test("content/ yields no findings")
    func realContentIsClean() throws {
        let loader = ContentLoader(workingDirectory: repositoryRoot.path)
        let loaded = try loader.load(root: "content")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.formatted))")
        let content = try #require(loaded.content)
        let history = GitSourceHistory(workingDirectory: repositoryRoot.path) { text, file, locale in
            loader.parseArticle(text: text, file: file, locale: locale, in: loaded).0
        }
        let report = ContentAudit.run(content, history: history)
        #expect(report.diagnostics.map(\.formatted) == [])
        // Every article file of every locale, in the order of helpcenter.yml's locales.
        let files = try ["fr", "en", "de", "es"].flatMap { locale in
            try FileManager.default.contentsOfDirectory(atPath: repositoryContent.appendingPathComponent(locale).path)
                .filter { $0.hasSuffix(".md") }.sorted().map { "content/\(locale)/\($0)" }
        }
        #expect(files.contains("content/fr/modifier-identifiants-connexion.md"))
        #expect(report.articles == files)
    }
}
