import Foundation
import SiteGenerator
import Testing
import TestSupport

/// The seed article page in fr and en, compared with stored files.
///
/// Re-record after an intended change: `HELPCENTER_RECORD=1 swift test --filter ArticlePageSnapshot`
/// (recording fails the run on purpose: look at the diff before committing it).
@Suite("Article page snapshots")
struct ArticlePageSnapshotTests {
    @Test("the seed article page matches its snapshot", arguments: [
        ("fr", "fr/modifier-identifiants-connexion/index.html"),
        ("en", "en/change-reset-login-credentials/index.html"),
    ])
    func snapshot(locale: String, path: String) throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        let page = try site.page(path)
        switch try Golden.compare(page, storedAt: "Tests/SiteGeneratorTests/Snapshots/article-\(locale).html") {
        case .matches: break
        case .differs(let expected):
            #expect(page == expected, "the \(locale) page differs from Snapshots/article-\(locale).html; re-record if intended")
        case .recorded(let path): Issue.record("recorded \(path); unset HELPCENTER_RECORD and run again")
        }
    }
}
