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
}
