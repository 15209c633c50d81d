internal import HelpModel

/// Files at the root of the site: the language chooser, `robots.txt`, `sitemap.xml`.
struct RootPages {
    let plan: SitePlan
    /// The chrome of every locale, by locale.
    let chromes: [String: Chrome]
    let csp: String

    private var locales: [String] { plan.configuration.locales }

    /// A page that lets the reader pick a language, each entry in its own language.
    /// No guessing redirect: search engines and readers see every language.
    func languageChooser() -> [UInt8] {
        let defaultLocale = plan.configuration.defaultLocale
        guard let chrome = chromes[defaultLocale] else { return [] }
        let layout = PageLayout(plan: plan, chrome: chrome, csp: csp)
        let titles = locales.compactMap { plan.configuration.titles[$0] }
        var alternates = locales.map { ($0, "\($0)/") }
        alternates.append(("x-default", ""))
        let page = PageLayout.Page(
            title: chrome[.chooserPrompt], depth: 0, canonicalPath: "", alternates: alternates,
            description: titles.joined(separator: " · "))
        return layout.render(page) { html in
            html.raw("<div class=\"language-chooser\">\n<h1>")
            for (offset, locale) in locales.enumerated() {
                if offset > 0 { html.raw(" <span aria-hidden=\"true\">·</span> ") }
                html.raw("<span")
                html.attribute("lang", locale)
                html.raw(">")
                html.text(plan.configuration.titles[locale] ?? "")
                html.raw("</span>")
            }
            html.raw("</h1>\n<ul class=\"chooser-list\">\n")
            for locale in locales {
                guard let localeChrome = chromes[locale] else { continue }
                html.raw("<li><a")
                html.attribute("href", locale + "/")
                html.attribute("hreflang", locale)
                html.attribute("lang", locale)
                html.raw("><span class=\"chooser-language\">")
                html.text(localeChrome[.languageName])
                html.raw("</span> <span class=\"chooser-prompt\">")
                html.text(localeChrome[.chooserPrompt])
                html.raw("</span></a></li>\n")
            }
            html.raw("</ul>\n</div>\n")
        }
    }

    func robots() -> [UInt8] {
        Array("User-agent: *\nAllow: /\nSitemap: \(plan.absoluteURL("sitemap.xml"))\n".utf8)
    }

    /// The sitemap protocol's limit of URLs per file.
    static let sitemapURLLimit = 50_000

    /// One URL of the sitemap, cheap to list before any XML is written.
    enum SitemapURL {
        case root
        case home(String)
        case category(key: String, locale: String)
        case article(Int)
    }

    /// Every indexable page: the chooser, the homes, the category pages, the articles.
    func sitemapURLs() -> [SitemapURL] {
        var urls: [SitemapURL] = [.root] + locales.map { .home($0) }
        for key in plan.configuration.categoryOrder {
            for locale in locales where plan.hasCategoryPage(key, in: locale) { urls.append(.category(key: key, locale: locale)) }
        }
        // Drafts are only built for a preview (`build --drafts`), never listed.
        urls += plan.articles.indices.filter { !plan.articles[$0].frontMatter.draft }.map { .article($0) }
        return urls
    }

    /// The sitemap files: `sitemap.xml` holding every URL, or, past `limit` URLs, a sitemap
    /// index at `sitemap.xml` that lists `sitemap-1.xml`, `sitemap-2.xml`… of `limit` URLs each.
    func sitemaps(limit: Int = sitemapURLLimit) -> [(path: String, render: @Sendable () -> [UInt8])] {
        let urls = sitemapURLs()
        guard urls.count > limit else { return [("sitemap.xml", { self.sitemap(urls[...]) })] }
        let parts = stride(from: 0, to: urls.count, by: limit).map { urls[$0..<min(urls.count, $0 + limit)] }
        var files: [(path: String, render: @Sendable () -> [UInt8])] = [("sitemap.xml", { self.sitemapIndex(parts: parts.count) })]
        for (number, part) in parts.enumerated() {
            files.append(("sitemap-\(number + 1).xml", { self.sitemap(part) }))
        }
        return files
    }

    private func sitemapIndex(parts: Int) -> [UInt8] {
        var xml = HTMLBuffer(capacity: 128 * parts + 256)
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
        for number in 1...max(parts, 1) {
            xml.raw("<sitemap><loc>")
            xml.text(plan.absoluteURL("sitemap-\(number).xml"))
            xml.raw("</loc></sitemap>\n")
        }
        xml.raw("</sitemapindex>\n")
        return xml.bytes
    }

    /// A `<urlset>` of some URLs, each with its `xhtml:link` alternates in the other locales.
    private func sitemap(_ urls: ArraySlice<SitemapURL>) -> [UInt8] {
        var xml = HTMLBuffer(capacity: 256 * urls.count + 4096)
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.raw("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n")
        let homes = locales.map { ($0, "\($0)/") } + [("x-default", "")]
        for url in urls {
            switch url {
            case .root:
                entry(path: "", lastModified: nil, alternates: homes, into: &xml)
            case .home(let locale):
                entry(path: "\(locale)/", lastModified: nil, alternates: homes, into: &xml)
            case .category(let key, let locale):
                let path = SitePlan.categoryPath(key)
                let present = locales.filter { plan.hasCategoryPage(key, in: $0) }
                let alternates = present.count > 1 ? present.map { ($0, "\($0)/\(path)") } : []
                entry(path: "\(locale)/\(path)", lastModified: nil, alternates: alternates, into: &xml)
            case .article(let index):
                let article = plan.articles[index]
                let alternates = plan.translations(of: article).filter { !plan.articles[$0.index].frontMatter.draft }
                    .map { ($0.locale, plan.directory(ofArticleAt: $0.index)) }
                entry(path: plan.directory(ofArticleAt: index), lastModified: article.frontMatter.updated.description,
                      alternates: alternates.count > 1 ? alternates : [], into: &xml)
            }
        }
        xml.raw("</urlset>\n")
        return xml.bytes
    }

    private func entry(path: String, lastModified: String?, alternates: [(String, String)], into xml: inout HTMLBuffer) {
        xml.raw("<url><loc>")
        xml.text(plan.absoluteURL(path))
        xml.raw("</loc>")
        if let lastModified {
            xml.raw("<lastmod>")
            xml.text(lastModified)
            xml.raw("</lastmod>")
        }
        for (hreflang, alternatePath) in alternates {
            xml.raw("<xhtml:link rel=\"alternate\"")
            xml.attribute("hreflang", hreflang)
            xml.attribute("href", plan.absoluteURL(alternatePath))
            xml.raw("/>")
        }
        xml.raw("</url>\n")
    }
}
