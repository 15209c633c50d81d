import Foundation
import HelpParser
import SiteGenerator
import Testing
import TestSupport

/// What a reader and a crawler find on the pages.
@Suite("Page content")
struct PageContentTests {
    @Test("the updated date is a <time> with a localized absolute date, never another language")
    func localizedDates() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.build()
        let expectations = [
            "fr/modifier-identifiants-connexion/": "Mis à jour le</span> <time datetime=\"2026-11-18\" data-relative>18 novembre 2026</time>",
            "en/change-reset-login-credentials/": "<time datetime=\"2026-11-18\" data-relative>November 18, 2026</time>",
            "de/anmeldedaten-aendern-zuruecksetzen/": "<time datetime=\"2026-11-18\" data-relative>18. November 2026</time>",
            "es/modificar-restablecer-credenciales/": "<time datetime=\"2026-11-18\" data-relative>18 de noviembre de 2026</time>",
        ]
        for (path, fragment) in expectations {
            let page = try site.page(path + "index.html")
            #expect(page.contains(fragment), "\(path)")
            #expect(!page.contains(" week"), "\(path) leaks English")
        }
    }

    @Test("French pages get no-break spaces before ? ! : ; and inside « », code and URLs do not")
    func frenchTypography() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.content.write("fr/typo.md", frenchArticle(id: "typo", title: "Vraiment ?", body: "Attention : « ceci » ; `a ? b` et [lien](https://example.com/?q=a%20b)."))
        try site.build()
        let page = try site.page("fr/typo/index.html")
        #expect(page.contains("<h1>Vraiment\u{202F}?</h1>"))
        #expect(page.contains("<p>Attention\u{00A0}: «\u{00A0}ceci\u{00A0}»\u{202F}; <code>a ? b</code> et <a href=\"https://example.com/?q=a%20b\">lien</a>.</p>"))
        #expect(page.contains("data-thanks=\"Merci pour votre avis\u{202F}!\""))
        let english = try site.page("en/change-reset-login-credentials/index.html")
        #expect(english.contains("<h1>How do I change or reset my login details?</h1>"))
    }

    @Test("the home page lists ten articles per category and links to the category page for all")
    func categoryPages() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        for number in 1...11 {
            try site.content.write("fr/a\(number).md", frenchArticle(id: "a\(number)", title: "Article \(String(format: "%02d", number))", body: "Texte."))
        }
        try site.build()
        let home = try site.page("fr/index.html")
        #expect(home.contains("<h2 id=\"category-account\"><a href=\"category/account/\">Compte et connexion</a></h2>"))
        #expect(Self.articleLinks(in: home) == 10)
        #expect(home.contains("<p class=\"category-more\"><a href=\"category/account/\">Voir les 12 articles</a></p>"))
        let category = try site.page("fr/category/account/index.html")
        #expect(category.contains("<h1>Compte et connexion</h1>"))
        #expect(Self.articleLinks(in: category) == 12)
        #expect(category.contains("<li><a href=\"../../a11/\">Article 11</a></li>"))
        #expect(category.contains("<li><a href=\"../../../en/category/account/\" hreflang=\"en\" lang=\"en\">English</a></li>"))
        #expect(!FileManager.default.fileExists(atPath: site.siteURL.appendingPathComponent("fr/category/users").path), "no page for an empty category")
        let article = try site.page("fr/a1/index.html")
        #expect(article.contains("<li><a href=\"../category/account/\">Compte et connexion</a></li>"))
        #expect(try site.page("sitemap.xml").contains("<loc>https://help.example.com/fr/category/account/</loc>"))
    }

    /// Links inside the page's article lists (not the switcher or breadcrumb).
    static func articleLinks(in page: String) -> Int {
        page.matches(of: /<ul class="article-list">(.*?)<\/ul>/.dotMatchesNewlines()).reduce(0) { total, match in
            total + match.1.components(separatedBy: "<li><a href=").count - 1
        }
    }

    @Test("past the URL limit, sitemap.xml is an index of sitemap-N.xml files that hold every URL")
    func sitemapIndex() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let loaded = try site.loadContent()
        var options = SiteBuilder.Options(output: site.siteURL.path)
        options.sitemapURLLimit = 5
        #expect(try SiteBuilder(content: try #require(loaded.content), options: options).build().succeeded)
        let index = try site.page("sitemap.xml")
        #expect(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        // 1 chooser + 4 homes + 4 category pages + 4 articles = 13 URLs: three files of at most 5.
        #expect(index.components(separatedBy: "<sitemap><loc>").count - 1 == 3)
        #expect(index.contains("<sitemap><loc>https://help.example.com/sitemap-3.xml</loc></sitemap>"))
        var urls = 0
        for number in 1...3 {
            let part = try site.page("sitemap-\(number).xml")
            let count = part.components(separatedBy: "<url><loc>").count - 1
            #expect(count <= 5)
            urls += count
        }
        #expect(urls == 13)
    }

    @Test("an article may not take the address of the site's own pages")
    func reservedSlugs() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/recherche.md", "---\nid: recherche\ntitle: Recherche\nupdated: 2026-11-18\ncategory: account\nslug: search\n---\nTexte.\n")
        let report = try site.build()
        #expect(report.diagnostics.map(\.formatted) == [
            "content/fr/recherche.md:6:1: error: slug 'search' is the address of the site's own pages (assets, category, images, search); give the article another 'slug:'",
        ])
    }

    @Test("table of contents links to every section anchor, and every anchor exists once")
    func tableOfContents() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.build()
        let page = try site.page("fr/modifier-identifiants-connexion/index.html")
        #expect(page.contains("<h2 id=\"toc-title\">Table des matières</h2>"))
        for anchor in ["change-password", "reset-password", "new-username"] {
            #expect(page.contains("<a href=\"#\(anchor)\">"))
            #expect(page.components(separatedBy: "id=\"\(anchor)\"").count == 2)
        }
        #expect(page.components(separatedBy: "<h1>").count == 2, "one h1")
    }

    @Test("procedures are ordered lists with UI labels marked up")
    func procedures() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.build()
        let page = try site.page("fr/modifier-identifiants-connexion/index.html")
        #expect(page.components(separatedBy: "<ol class=\"procedure\">").count == 6)
        #expect(page.contains("<li class=\"step\">Cliquez sur <strong class=\"ui-label\">Compte</strong> puis sur <strong class=\"ui-label\">Modifier le mot de passe</strong>.</li>"))
        #expect(page.contains("<aside class=\"note note-note\" role=\"note\"><p class=\"note-title\">Remarque</p>"))
    }

    @Test("language switcher: same article in each locale, missing locales named, hreflang alternates")
    func languageSwitcher() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.copyRepositoryArticle("fr/modifier-identifiants-connexion.md")
        try site.content.copyRepositoryArticle("en/change-reset-login-credentials.md")
        try site.build()
        let page = try site.page("fr/modifier-identifiants-connexion/index.html")
        #expect(page.contains("<li><a href=\"../../en/change-reset-login-credentials/\" hreflang=\"en\" lang=\"en\">English</a></li>"))
        #expect(page.contains("<li class=\"unavailable\"><span lang=\"de\">Deutsch</span> <span class=\"unavailable-note\">(pas encore traduit)</span></li>"))
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://help.example.com/en/change-reset-login-credentials/\">"))
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://help.example.com/fr/modifier-identifiants-connexion/\">"))
        #expect(!page.contains("hreflang=\"de\""))
        let english = try site.page("en/change-reset-login-credentials/index.html")
        #expect(english.contains("hreflang=\"fr\" href=\"https://help.example.com/fr/modifier-identifiants-connexion/\""), "reciprocal")
    }

    @Test("the feedback form posts article, locale and vote without any script")
    func feedbackForm() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.build()
        let page = try site.page("de/anmeldedaten-aendern-zuruecksetzen/index.html")
        #expect(page.contains("<form class=\"feedback\" method=\"post\" action=\"/feedback\""))
        #expect(page.contains("<input type=\"hidden\" name=\"article\" value=\"login-credentials\">"))
        #expect(page.contains("<input type=\"hidden\" name=\"locale\" value=\"de\">"))
        #expect(page.contains("<button type=\"submit\" name=\"vote\" value=\"yes\">"))
        let catalog = try String(contentsOf: repositoryContent.appendingPathComponent("de/chrome.yml"), encoding: .utf8)
        let question = try #require(catalog.split(separator: "\n").first { $0.hasPrefix("feedback.question:") })
        let text = question.dropFirst("feedback.question:".count).trimmingCharacters(in: .whitespaces)
        #expect(page.contains("<legend>\(text)</legend>"))
        // What the collector accepts: a comment of at most 1,000 characters, an empty honeypot,
        // and the thank-you targets its redirects name when no script ran.
        #expect(page.contains("name=\"comment\" maxlength=\"1000\""))
        #expect(page.contains("<input type=\"text\" id=\"feedback-website\" name=\"website\" autocomplete=\"off\" tabindex=\"-1\">"))
        #expect(page.contains("id=\"feedback-thanks\"") && page.contains("id=\"feedback-sent\""))
    }

    @Test("every HTML page: lang, one CSP meta, no inline script or style, every form control labelled")
    func strictPages() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.build()
        let pages = try site.snapshotOfSite().filter { $0.key.hasSuffix(".html") }
        #expect(pages.count == 22)
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self';"), "\(path)")
            #expect(html.range(of: "<html lang=\"[a-z]{2}\">", options: .regularExpression) != nil, "\(path)")
            #expect(html.range(of: "<script(?![^>]*\\ssrc=)", options: .regularExpression) == nil, "inline script in \(path)")
            #expect(html.range(of: "\\sstyle=|<style", options: .regularExpression) == nil, "inline style in \(path)")
            #expect(html.range(of: "\\son[a-z]+=", options: .regularExpression) == nil, "event handler in \(path)")
            for id in html.matches(of: /<(?:input|textarea|select)[^>]*\sid="([^"]+)"/).map({ String($0.1) }) {
                #expect(html.contains("<label for=\"\(id)\">"), "control \(id) of \(path) has no label")
            }
        }
    }

    @Test("site files: root language chooser, robots.txt, sitemap with alternates, per-locale search and 404")
    func siteFiles() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.build()
        let files = try site.snapshotOfSite()
        for path in ["index.html", "404.html", "robots.txt", "sitemap.xml", "assets/site.css", "assets/site.js",
                     "assets/search.js", "fr/index.html", "fr/search/index.html", "fr/search/index.js", "fr/404.html"] {
            #expect(files[path] != nil, "\(path) missing")
        }
        let root = try site.page("index.html")
        #expect(root.contains("<a href=\"de/\" hreflang=\"de\" lang=\"de\"><span class=\"chooser-language\">Deutsch</span>"))
        #expect(!root.contains("http-equiv=\"refresh\""))
        #expect(try site.page("robots.txt").contains("Sitemap: https://help.example.com/sitemap.xml"))
        let sitemap = try site.page("sitemap.xml")
        #expect(sitemap.contains("<url><loc>https://help.example.com/es/modificar-restablecer-credenciales/</loc><lastmod>2026-11-18</lastmod>"))
        #expect(sitemap.components(separatedBy: "<xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://help.example.com/fr/modifier-identifiants-connexion/\"/>").count == 5)
        let notFound = try site.page("fr/404.html")
        #expect(notFound.contains("href=\"/assets/site.css\""), "404 links from the base path")
        #expect(notFound.contains("<meta name=\"robots\" content=\"noindex\">"))
    }

    @Test("search index: the manifest, words folded ('reinitialiser' for 'réinitialiser'), sections with anchors")
    func searchIndex() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.build()
        let manifest = try site.page("fr/search/index.js")
        #expect(manifest.hasPrefix("self.helpCenterSearch.index({\"l\":\"fr\",\"n\":5,"), "the top and 4 sections")
        let index = try site.searchFiles("fr")
        #expect(index.contains("\"reinitialiser\":"))
        #expect(index.contains("\"oublie\":"), "UI labels are in the index")
        #expect(!index.contains("\"réinitialiser\":"), "words are folded")
        #expect(index.contains("\"u\":\"../modifier-identifiants-connexion/\""))
        #expect(index.contains("[\"Comment réinitialiser votre mot de passe\",\"reset-password\","))
        let search = try site.page("fr/search/index.html")
        #expect(search.contains("<script src=\"../../assets/search.js\" defer></script>\n<script src=\"index.js\" defer></script>\n<script src=\"../../assets/site.js\" defer></script>"))
        #expect(search.contains("data-no-results=\"Aucun article ne correspond à votre recherche.\""))
    }
}
