import Foundation
import HelpModel
import HelpParser
import Testing
import TestSupport

/// The tree the parser makes of the seed article, in each locale, compared with stored files.
///
/// Re-record after an intended change with `HELPCENTER_RECORD=1 swift test --filter GoldenTree`
/// (recording fails the test so that a recorded file is always looked at before it is committed).
@Suite("Golden tree dumps of the seed article")
struct GoldenTreeTests {
    static let seedFiles = [
        "fr": "content/fr/modifier-identifiants-connexion.md",
        "en": "content/en/change-reset-login-credentials.md",
        "de": "content/de/anmeldedaten-aendern-zuruecksetzen.md",
        "es": "content/es/modificar-restablecer-credenciales.md",
    ]

    @Test("tree dump matches the golden file", arguments: ["fr", "en", "de", "es"])
    func treeDumpMatchesGolden(locale: String) throws {
        let article = try #require(try Self.loadSeed(locale))
        switch try Golden.compare(article.treeDump + "\n", storedAt: "Tests/HelpParserTests/Golden/seed-\(locale).txt") {
        case .matches: break
        case .differs: Issue.record("tree of \(locale) differs from Golden/seed-\(locale).txt; re-record if intended")
        case .recorded(let path): Issue.record("recorded \(path); unset HELPCENTER_RECORD and run again")
        }
    }

    /// Loads the seed article of a locale from the repository content, with paths as `make site` prints them.
    static func loadSeed(_ locale: String) throws -> Article? {
        let result = try ContentLoader(workingDirectory: repositoryRoot.path).load(root: "content")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        return result.articles.first { $0.locale == locale && $0.file == seedFiles[locale] }
    }
}
