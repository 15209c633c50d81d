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

    /// Every indexable page with its `xhtml:link` alternates in the other locales.
    func sitemap() -> [UInt8] {
        var xml = HTMLBuffer(capacity: 256 * plan.articles.count + 4096)
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.raw("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n")
        let homes = locales.map { ($0, "\($0)/") }
        entry(path: "", lastModified: nil, alternates: homes, into: &xml)
        for locale in locales { entry(path: "\(locale)/", lastModified: nil, alternates: homes, into: &xml) }
        for category in plan.configuration.categoryOrder {
            let path = SitePlan.categoryPath(category)
            let present = locales.filter { plan.hasCategoryPage(category, in: $0) }
            let alternates = present.count > 1 ? present.map { ($0, "\($0)/\(path)") } : []
            for locale in present { entry(path: "\(locale)/\(path)", lastModified: nil, alternates: alternates, into: &xml) }
        }
        for article in plan.articles {
            let alternates = plan.translations(of: article).map { ($0.locale, plan.directory(ofArticleAt: $0.index)) }
            entry(path: plan.directory(of: article), lastModified: article.frontMatter.updated.description,
                  alternates: alternates.count > 1 ? alternates : [], into: &xml)
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
