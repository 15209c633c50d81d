import Foundation
import HelpModel
import HelpParser
import SiteGenerator
import Testing
import TestSupport

/// `brand:` in helpcenter.yml: the primary colour (refused below WCAG AA on its page, light or
/// dark) in assets/brand.css, and the brand's own stylesheet after the site's.
@Suite("Brand")
struct BrandTests {
    private func site(brand: String) throws -> SiteFixture {
        let site = try SiteFixture()
        let settings = site.content.root.appendingPathComponent("helpcenter.yml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try site.content.write("helpcenter.yml", text + "\nbrand:\n" + brand)
        return site
    }

    @Test("colours and stylesheet: brand.css and extra.css are linked after site.css on every page")
    func applied() throws {
        let site = try site(brand: "  primary-color: \"#7A1F5C\"\n  primary-color-dark: \"#f4b6dd\"\n  stylesheet: brand.css\n")
        defer { site.remove() }
        try site.content.write("brand.css", ".site-header { letter-spacing: .01em; }\n")
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        #expect(try site.page("assets/brand.css") == """
            /* Written by helpcenter build from brand: in helpcenter.yml. */
            :root { --link: #7a1f5c; --accent: #7a1f5c; --focus: #7a1f5c; }
            @media (prefers-color-scheme: dark) {
              :root { --link: #f4b6dd; --accent: #f4b6dd; --focus: #f4b6dd; }
            }

            """)
        #expect(try site.page("assets/extra.css") == ".site-header { letter-spacing: .01em; }\n")
        for page in ["fr/modifier-identifiants-connexion/index.html", "index.html", "404.html"] {
            let html = try site.page(page)
            let links = html.components(separatedBy: "\n").filter { $0.hasPrefix("<link rel=\"stylesheet\"") }
            #expect(links.count == 3, "\(page): \(links)")
            #expect(links.last?.contains("assets/extra.css") == true && links.first?.contains("assets/site.css") == true)
            #expect(!html.contains("style="), "no inline style")
        }
    }

    @Test("a colour below AA contrast, light or dark, is an error at it with the ratio")
    func refused() throws {
        let site = try site(brand: "  primary-color: \"#f0a0c0\"\n  primary-color-dark: \"#303040\"\n")
        defer { site.remove() }
        let errors = try site.loadContent().diagnostics.filter { $0.severity == .error }.map(\.formatted)
        let lines = try String(contentsOf: site.content.root.appendingPathComponent("helpcenter.yml"), encoding: .utf8)
            .components(separatedBy: "\n")
        let light = (lines.firstIndex { $0.hasPrefix("  primary-color:") } ?? 0) + 1
        #expect(errors.contains { $0.hasPrefix("content/helpcenter.yml:\(light):18: error: 'primary-color' #f0a0c0 has a contrast of ") && $0.contains(":1 with the light page (#ffffff), below WCAG AA's 4.5:1") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/helpcenter.yml:\(light + 1):23: error: 'primary-color-dark' #303040 has a contrast of ") && $0.contains("with the dark page (#111418)") }, "\(errors)")
    }

    @Test("a brand stylesheet that does not exist is an error")
    func missingStylesheet() throws {
        let site = try site(brand: "  stylesheet: absent.css\n")
        defer { site.remove() }
        let errors = try site.loadContent().diagnostics.filter { $0.severity == .error }.map(\.formatted)
        #expect(errors == ["content/helpcenter.yml:1:1: error: brand stylesheet content/absent.css does not exist; create it or remove 'stylesheet' from brand"])
    }

    static let people = """
          logo: logo.svg
          logo-alt: {fr: Hôtels Exemple, en: Example Hotels, de: Beispiel-Hotels, es: Hoteles Ejemplo}
          footer-links:
            fr: [{text: Mentions légales, url: "https://example.com/fr/legal"}]
            en: [{text: Legal notice, url: "https://example.com/en/legal"}]
            de: [{text: Impressum, url: "https://example.com/de/legal"}]
            es: [{text: Aviso legal, url: "https://example.com/es/legal"}]
          support:
            fr: {text: Écrire à l'assistance, url: "mailto:aide@example.com"}
            en: {text: Email support, url: "mailto:help@example.com"}
            de: {text: Support schreiben, url: "mailto:hilfe@example.com"}
            es: {text: Escribir al soporte, url: "mailto:ayuda@example.com"}

        """

    @Test("logo with its alt per locale, footer links and support per locale; the support offered after a No vote")
    func logoFooterSupport() throws {
        let site = try site(brand: Self.people)
        defer { site.remove() }
        try site.content.write("logo.svg", bytes: TestImages.svg(width: 120, height: 40))
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        let french = try site.page("fr/modifier-identifiants-connexion/index.html")
        #expect(french.contains(#"<img class="site-logo" src="../../assets/logo.svg" alt="Hôtels Exemple" width="120" height="40"> "#))
        #expect(french.contains(#"<ul class="footer-links"><li><a href="https://example.com/fr/legal">Mentions légales</a></li></ul>"#))
        #expect(french.contains(#"<p class="support"><a href="mailto:aide@example.com">Écrire à l"#) && french.contains("assistance</a></p>\n<p>"))
        #expect(french.contains(#"<p class="feedback-support" hidden><a href="mailto:aide@example.com">"#))
        #expect(try site.page("en/index.html").contains(#"alt="Example Hotels""#))
        #expect(try site.snapshotOfSite()["assets/logo.svg"] == Data(TestImages.svg(width: 120, height: 40)))
        #expect(try site.page("assets/site.js").contains("if (support && vote === 'no') support.hidden = false;"))
    }

    @Test("a logo without alt text, or support missing a locale, is an error")
    func peopleRefused() throws {
        let site = try site(brand: "  logo: logo.svg\n  support:\n    fr: {text: Aide, url: \"mailto:a@example.com\"}\n")
        defer { site.remove() }
        let errors = try site.loadContent().diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors.contains("a brand logo needs 'logo-alt' per locale: what the logo says to readers who cannot see it"), "\(errors)")
        #expect(errors.contains("brand support has no 'en' entry {text: …, url: …}; every locale needs its own"), "\(errors)")
    }
}
