import Foundation
import HelpModel
import HelpParser
import SiteGenerator
import Testing
import TestSupport

/// `build --verification`: "Vérifié le 1 décembre 2026" under each procedure a check run
/// proved on the very steps the page shows, in every locale; never for a failed check, a
/// procedure the report does not hold, or steps that changed since.
@Suite("Verified procedures on the pages")
struct VerificationTests {
    static let day = ISO8601DateFormatter().date(from: "2026-12-01T10:00:00Z")!

    /// Builds the seed with `report` made from the loaded articles by `entries`.
    static func build(_ entries: (Article) -> [ProcedureVerification]) throws -> SiteFixture {
        let site = try SiteFixture()
        let loaded = try site.loadContent()
        let model = try #require(loaded.content)
        let report = VerificationReport(model.articles.flatMap(entries))
        var options = SiteBuilder.Options(output: site.siteURL.path)
        options.verification = report
        let built = try SiteBuilder(content: model, options: options).build()
        #expect(built.succeeded, "\(built.diagnostics.map(\.formatted))")
        return site
    }

    /// A passed verification of the article's procedure `number` of section `anchor`.
    static func passed(_ article: Article, _ anchor: String, _ number: Int = 1, at date: Date? = day, fingerprint: String? = nil) -> ProcedureVerification {
        let section = article.sections.first { $0.anchor == anchor }!
        let procedure = section.blocks.flatMap(\.procedures)[number - 1]
        return ProcedureVerification(
            locale: article.locale, article: article.id, procedure: anchor, number: number,
            fingerprint: fingerprint ?? procedure.fingerprint, passedAt: date)
    }

    static func verifiedLines(_ page: String) -> [String] {
        page.components(separatedBy: "\n").filter { $0.contains("class=\"procedure-verified\"") }
    }

    @Test("a passed procedure shows the localized date under its steps, in each locale")
    func shown() throws {
        let site = try Self.build { [Self.passed($0, "change-password")] }
        defer { site.remove() }
        let expected = [
            "fr/modifier-identifiants-connexion/index.html": "Vérifié le 1 décembre 2026",
            "en/change-reset-login-credentials/index.html": "Verified on December 1, 2026",
            "de/anmeldedaten-aendern-zuruecksetzen/index.html": "Geprüft am 1. Dezember 2026",
            "es/modificar-restablecer-credenciales/index.html": "Verificado el 1 de diciembre de 2026",
        ]
        for (path, text) in expected {
            let page = try site.page(path)
            #expect(Self.verifiedLines(page) == ["<p class=\"procedure-verified\"><time datetime=\"2026-12-01\">\(text)</time></p>"], "\(path)")
            // Right after the procedure of the first section.
            let list = try #require(page.range(of: "</ol>\n<p class=\"procedure-verified\">"))
            #expect(page[..<list.lowerBound].components(separatedBy: "<ol class=\"procedure\"").count == 2)
        }
    }

    @Test("not shown: a failed check, one of two checks failed, stale steps, a procedure not in the report, no report")
    func absent() throws {
        let site = try Self.build { article in
            [
                Self.passed(article, "change-password", at: nil),
                // reset-password has two checks; the second failed.
                Self.passed(article, "reset-password"), Self.passed(article, "reset-password", at: nil),
                // The steps of new-username #1 changed since the run.
                Self.passed(article, "new-username", 1, fingerprint: "0123456789abcdef"),
                // new-username #3 proven; #2 not in the report.
                Self.passed(article, "new-username", 3),
            ]
        }
        defer { site.remove() }
        let page = try site.page("fr/modifier-identifiants-connexion/index.html")
        #expect(Self.verifiedLines(page).count == 1)
        // The one shown is after the third procedure of the last section.
        let shown = try #require(page.range(of: "<p class=\"procedure-verified\">"))
        #expect(page[..<shown.lowerBound].components(separatedBy: "<ol class=\"procedure\"").count == 6)

        let plain = try SiteFixture()
        defer { plain.remove() }
        try plain.build()
        #expect(Self.verifiedLines(try plain.page("fr/modifier-identifiants-connexion/index.html")).isEmpty)
    }

    @Test("the fingerprint changes with a step's words or label, not with the text around the procedure")
    func fingerprint() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let before = try #require(try site.loadContent().content?.articles.first { $0.locale == "fr" }?.procedures.first?.fingerprint)
        let file = site.content.root.appendingPathComponent("fr/modifier-identifiants-connexion.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try site.content.write("fr/modifier-identifiants-connexion.md", text.replacingOccurrences(
            of: "Voici la procédure à suivre pour changer votre mot de passe :", with: "Pour changer votre mot de passe :"))
        let prose = try #require(try site.loadContent().content?.articles.first { $0.locale == "fr" }?.procedures.first?.fingerprint)
        #expect(prose == before)
        try site.content.write("fr/modifier-identifiants-connexion.md", text.replacingOccurrences(
            of: "4. Cliquez sur **Enregistrer**.", with: "4. Cliquez sur **Valider**."))
        let label = try #require(try site.loadContent().content?.articles.first { $0.locale == "fr" }?.procedures.first?.fingerprint)
        #expect(label != before)
    }
}
