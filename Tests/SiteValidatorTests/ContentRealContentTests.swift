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
        #expect(report.articles == [
            "content/fr/modifier-identifiants-connexion.md", "content/en/change-reset-login-credentials.md",
            "content/de/anmeldedaten-aendern-zuruecksetzen.md", "content/es/modificar-restablecer-credenciales.md",
        ])
    }
}
