import Foundation
import HelpModel
import SiteValidator
import Testing

/// Each rule against the real site broken in exactly one way: the one finding, at its place.
@Suite("Site rules")
struct SiteRuleTests {
    static let article = "en/change-reset-login-credentials/index.html"
    static let frenchArticle = "fr/modifier-identifiants-connexion/index.html"

    /// Builds the site, applies `breakIt`, validates, and returns the report.
    private func validate(_ breakIt: (BuiltSite) throws -> Void) throws -> (BuiltSite, ValidationReport) {
        let site = try BuiltSite()
        try breakIt(site)
        return (site, try site.validate())
    }

    @Test("The site built from the repository's content has no findings")
    func realSiteIsClean() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let report = try site.validate()
        #expect(report.lines == [])
        #expect(report.pages.count == 66)
        #expect(report.pages.contains("site/\(Self.article)"))
    }

    @Test("A page that does not parse cleanly is reported at libxml2's line and column")
    func parseError() throws {
        let (site, report) = try validate { try $0.edit(Self.article, replacing: "<p>Here's how to change your password:</p>", with: "<p>Here's how <blink>to</blink> change your password:</p>") }
        defer { site.remove() }
        let at = try site.position(of: "<blink>", in: Self.article)
        #expect(report.findings.map(\.rule) == [.htmlParse])
        let finding = try #require(report.findings.first?.diagnostic)
        #expect(finding.file == "site/\(Self.article)")
        #expect(finding.location.line == at.line)
        #expect(finding.message.contains("Tag blink invalid"))
    }

    @Test("A link to a missing page is reported at its href")
    func brokenLink() throws {
        let (site, report) = try validate { try $0.edit(Self.article, replacing: "href=\"../category/account/\"", with: "href=\"../category/acount/\"") }
        defer { site.remove() }
        let at = try site.position(of: "href=\"../category/acount/\"", in: Self.article)
        #expect(report.lines == ["broken-link site/\(Self.article):\(at) ../category/acount/ leads to en/category/acount/, which is not in the site"])
    }

    @Test("A stylesheet path that climbs above the site root leads outside the site")
    func linkOutsideSite() throws {
        let (site, report) = try validate { try $0.edit(Self.article, replacing: "href=\"../../assets/site.css\"", with: "href=\"../../../assets/site.css\"") }
        defer { site.remove() }
        let at = try site.position(of: "href=\"../../../assets/site.css\"", in: Self.article)
        #expect(report.lines == ["broken-link site/\(Self.article):\(at) ../../../assets/site.css leads outside the site"])
    }

    @Test("A fragment with no id, on the same page or another, is reported")
    func brokenFragments() throws {
        let (site, report) = try validate {
            try $0.edit(
                Self.article, replacing: "<p>Here's how to change your password:</p>",
                with: "<p>Here's how to <a href=\"#nowhere\">change</a> your <a href=\"../../fr/modifier-identifiants-connexion/#nulle-part\">password</a>:</p>")
        }
        defer { site.remove() }
        let same = try site.position(of: "href=\"#nowhere\"", in: Self.article)
        let other = try site.position(of: "href=\"../../fr/modifier-identifiants-connexion/#nulle-part\"", in: Self.article)
        #expect(
            report.lines == [
                "broken-fragment site/\(Self.article):\(other) ../../fr/modifier-identifiants-connexion/#nulle-part: #nulle-part matches no id on fr/modifier-identifiants-connexion/index.html",
                "broken-fragment site/\(Self.article):\(same) #nowhere matches no id on this page",
            ].sorted())
    }

    @Test("A table of contents entry whose text differs from its heading is reported at the entry")
    func tableOfContentsText() throws {
        let (site, report) = try validate { try $0.edit(Self.article, replacing: "<li><a href=\"#reset-password\">How to reset your password</a></li>", with: "<li><a href=\"#reset-password\">Resetting</a></li>") }
        defer { site.remove() }
        let at = try site.position(of: "<a href=\"#reset-password\">Resetting", in: Self.article)
        let heading = try site.position(of: "<h2 id=\"reset-password\">", in: Self.article)
        #expect(
            report.lines == [
                "table-of-contents site/\(Self.article):\(at) table of contents entry 2 is \"Resetting\" → #reset-password, but section 2 is \"How to reset your password\" (#reset-password, line \(heading.line))"
            ])
    }

    @Test("A section missing from the table of contents is reported")
    func tableOfContentsMissingSection() throws {
        let (site, report) = try validate { try $0.edit(Self.article, replacing: "<li><a href=\"#access-rights\">Access rights at a glance</a></li>\n", with: "") }
        defer { site.remove() }
        let nav = try site.position(of: "<nav class=\"toc\"", in: Self.article)
        let heading = try site.position(of: "<h2 id=\"access-rights\">", in: Self.article)
        #expect(
            report.lines == [
                "table-of-contents site/\(Self.article):\(nav) the table of contents lists 3 sections; section \"Access rights at a glance\" (#access-rights, line \(heading.line)) is missing"
            ])
    }

    @Test("<html lang> must be the locale of the page's folder")
    func htmlLang() throws {
        let page = "en/search/index.html"
        let (site, report) = try validate { try $0.edit(page, replacing: "<html lang=\"en\">", with: "<html lang=\"fr\">") }
        defer { site.remove() }
        #expect(report.lines == ["html-lang site/\(page):2:7 <html> has lang=\"fr\", but the page is in the 'en' folder; it must be lang=\"en\""])
    }

    @Test("An alternate that the other page does not return is reported; one to a missing page is a broken link")
    func hreflang() throws {
        let (site, report) = try validate { site in
            try site.edit(Self.article, replacing: "<link rel=\"alternate\" hreflang=\"fr\" href=\"https://help.example.com/fr/modifier-identifiants-connexion/\">\n", with: "")
            try site.edit(
                "de/anmeldedaten-aendern-zuruecksetzen/index.html",
                replacing: "hreflang=\"es\" href=\"https://help.example.com/es/modificar-restablecer-credenciales/\"",
                with: "hreflang=\"es\" href=\"https://help.example.com/es/modificar/\"")
        }
        defer { site.remove() }
        let french = try site.position(of: "hreflang=\"en\"", in: Self.frenchArticle)
        let german = try site.position(of: "hreflang=\"es\" href", in: "de/anmeldedaten-aendern-zuruecksetzen/index.html")
        let spanish = try site.position(of: "hreflang=\"de\" href", in: "es/modificar-restablecer-credenciales/index.html")
        // The German page no longer names the Spanish one, so the Spanish page's alternate to
        // the German page is not returned either: one break, two findings.
        #expect(
            report.lines == [
                "broken-link site/de/anmeldedaten-aendern-zuruecksetzen/index.html:\(german.line):\(german.column + 14) https://help.example.com/es/modificar/ leads to es/modificar/, which is not in the site",
                "hreflang site/\(Self.frenchArticle):\(french.line):\(french.column + 14) hreflang=\"en\" leads to en/change-reset-login-credentials/index.html, which has no alternate back to this page; alternates must be reciprocal",
                "hreflang site/es/modificar-restablecer-credenciales/index.html:\(spanish.line):\(spanish.column + 14) hreflang=\"de\" leads to de/anmeldedaten-aendern-zuruecksetzen/index.html, which has no alternate back to this page; alternates must be reciprocal",
            ].sorted())
    }

    @Test("Exactly one h1: a second one and a page without any are reported")
    func singleH1() throws {
        let (site, report) = try validate { site in
            try site.edit(Self.article, replacing: "<h2 id=\"reset-password\">How to reset your password</h2>", with: "<h1 id=\"reset-password\">How to reset your password</h1>")
            try site.edit("en/404.html", replacing: "<h1>Page not found</h1>", with: "<p>Page not found</p>")
        }
        defer { site.remove() }
        let second = try site.position(of: "<h1 id=\"reset-password\">", in: Self.article)
        let first = try site.position(of: "<h1>", in: Self.article)
        let body = try site.position(of: "<body>", in: "en/404.html")
        #expect(report.lines.contains("single-h1 site/en/404.html:\(body) the page has no <h1>; every page needs exactly one, its title"))
        #expect(report.lines.contains("single-h1 site/\(Self.article):\(second) a second <h1>; the first is at line \(first.line), and a page has exactly one"))
    }

    @Test("A form control without a label is reported at the control")
    func unlabelledControl() throws {
        let (site, report) = try validate { try $0.edit(Self.article, replacing: "<label for=\"site-search\">Search for an article</label>\n", with: "") }
        defer { site.remove() }
        let at = try site.position(of: "<input id=\"site-search\"", in: Self.article)
        #expect(report.lines == ["unlabelled-control site/\(Self.article):\(at) <input name=\"q\"> has no label; give it a <label for> (or aria-label) that a screen reader can announce"])
    }

    @Test("Inline script, style attributes, <style> and on* handlers are each reported")
    func inlineScript() throws {
        let (site, report) = try validate {
            try $0.edit(
                Self.article, replacing: "<p>Here's how to change your password:</p>",
                with: "<p style=\"color:red\" onclick=\"steal()\">Here's how to change your password:</p><script>alert(1)</script><style>p{}</style>")
        }
        defer { site.remove() }
        let style = try site.position(of: "style=\"color:red\"", in: Self.article)
        let handler = try site.position(of: "onclick=", in: Self.article)
        let script = try site.position(of: "<script>alert", in: Self.article)
        let sheet = try site.position(of: "<style>", in: Self.article)
        #expect(
            report.lines == [
                "inline-script site/\(Self.article):\(handler) an onclick handler on <p>: inline script is forbidden; attach listeners from a script file",
                "inline-script site/\(Self.article):\(script) inline <script>: the Content-Security-Policy forbids it; move the code to a file under assets/",
                "inline-script site/\(Self.article):\(sheet) inline <style>: the Content-Security-Policy forbids it; move the rules to assets/site.css",
                "inline-script site/\(Self.article):\(style) a style attribute on <p>: the Content-Security-Policy forbids it; use a class",
            ].sorted())
    }

    @Test("A resource from another origin is reported; a link to another origin is not")
    func foreignResource() throws {
        let (site, report) = try validate {
            try $0.edit(
                Self.article, replacing: "<p>Here's how to change your password:</p>",
                with: "<p>Here's how to <a href=\"https://example.org/\">change</a> your password:<img src=\"https://cdn.example.net/x.png\" alt=\"\"></p>")
        }
        defer { site.remove() }
        let at = try site.position(of: "src=\"https://cdn.example.net/x.png\"", in: Self.article)
        #expect(report.lines == ["foreign-resource site/\(Self.article):\(at) <img> loads https://cdn.example.net/x.png from another origin; serve it from the site (the Content-Security-Policy blocks it)"])
    }

    @Test("Empty title and missing description are reported")
    func titleAndDescription() throws {
        let (site, report) = try validate { site in
            try site.edit("en/search/index.html", replacing: "<title>Search the help center – Partner Help Center</title>", with: "<title> </title>")
            let page = try site.text("en/404.html")
            let line = try #require(page.components(separatedBy: "\n").first { $0.hasPrefix("<meta name=\"description\"") })
            try site.edit("en/404.html", replacing: line + "\n", with: "")
        }
        defer { site.remove() }
        let title = try site.position(of: "<title>", in: "en/search/index.html")
        let head = try site.position(of: "<head>", in: "en/404.html")
        #expect(
            report.lines == [
                "title-and-description site/en/404.html:\(head) the page has no <meta name=\"description\">; search engines and link previews show it",
                "title-and-description site/en/search/index.html:\(title) the page has no <title> text",
            ])
    }

    @Test("The sitemap lists exactly the indexable pages that exist")
    func sitemap() throws {
        let (site, report) = try validate { site in
            let text = try site.text("sitemap.xml")
            let lines = text.components(separatedBy: "\n")
            let category = try #require(lines.first { $0.hasPrefix("<url><loc>https://help.example.com/de/category/account/</loc>") })
            try site.edit("sitemap.xml", replacing: category + "\n", with: "<url><loc>https://help.example.com/de/gone/</loc></url>\n<url><loc>https://help.example.com/de/search/</loc></url>\n")
        }
        defer { site.remove() }
        let gone = try site.position(of: "https://help.example.com/de/gone/", in: "sitemap.xml")
        let search = try site.position(of: "https://help.example.com/de/search/", in: "sitemap.xml")
        #expect(
            report.lines == [
                "sitemap site/sitemap.xml:1:1 de/category/account/index.html is an indexable page missing from the sitemap; list it or mark it noindex",
                "sitemap site/sitemap.xml:\(gone) https://help.example.com/de/gone/ is listed, but de/gone/ is not in the site",
                "sitemap site/sitemap.xml:\(search) https://help.example.com/de/search/ is listed, but the page asks not to be indexed (noindex)",
            ].sorted())
    }

    @Test("A missing site folder is an error of use, not a finding")
    func missingSite() throws {
        #expect(throws: SiteValidation.UnreadableSiteError.self) {
            try SiteValidation.run(
                site: URL(fileURLWithPath: "/nonexistent/site"), displayPath: "/nonexistent/site",
                expectations: SiteExpectations(locales: ["fr"], defaultLocale: "fr", baseURL: "https://h.example/"))
        }
    }
}
