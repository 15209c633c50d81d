internal import Foundation
internal import HelpModel

/// The pages of a locale that are not articles: its home page, search page and 404 page.
struct LocalePages {
    let layout: PageLayout
    let languageNames: [String: String]

    private var locale: String { layout.chrome.locale }
    private var chrome: Chrome { layout.chrome }
    private var plan: SitePlan { layout.plan }

    /// Links to the same page (`sitePath` below each locale folder) in every locale.
    private func languages(depth: Int, sitePath: String) -> [PageLayout.LanguageLink] {
        plan.configuration.locales.map { other in
            PageLayout.LanguageLink(
                locale: other, name: languageNames[other] ?? other,
                href: SitePlan.up(depth) + other + "/" + sitePath, isCurrent: other == locale)
        }
    }

    /// How many articles of a category the home page lists before linking to the category page.
    static let homeArticlesPerCategory = 10

    /// The locale's articles of a category, sorted by title (indexes into the plan's articles).
    private func articles(in category: String) -> [Int] {
        plan.byTitleInCategory[SitePlan.categoryKey(locale, category)] ?? []
    }

    /// Categories in configuration order, each with its first articles by title and a link to
    /// its page when it has more.
    func home() -> [UInt8] {
        let alternates = plan.configuration.locales.map { ($0, "\($0)/") } + [("x-default", "")]
        let page = PageLayout.Page(
            title: chrome[.home], depth: 1, canonicalPath: "\(locale)/", alternates: alternates,
            description: chrome[.homeIntro], languages: languages(depth: 1, sitePath: ""))
        return layout.render(page) { html in
            html.element("h1", text: layout.siteTitle)
            html.raw("\n<p class=\"home-intro\">")
            html.text(chrome[.homeIntro])
            html.raw("</p>\n")
            for category in plan.configuration.categoryOrder {
                let listed = articles(in: category)
                guard !listed.isEmpty else { continue }
                let id = "category-\(category)"
                html.raw("<section class=\"category\"")
                html.attribute("aria-labelledby", id)
                html.raw(">\n<h2")
                html.attribute("id", id)
                html.raw("><a")
                html.attribute("href", SitePlan.categoryPath(category))
                html.raw(">")
                html.text(plan.configuration.categories[category]?[locale] ?? category)
                html.raw("</a></h2>\n")
                renderList(listed.prefix(Self.homeArticlesPerCategory), linkPrefix: "", into: &html)
                if listed.count > Self.homeArticlesPerCategory {
                    html.raw("<p class=\"category-more\"><a")
                    html.attribute("href", SitePlan.categoryPath(category))
                    html.raw(">")
                    html.text(chrome[.allArticles].replacingOccurrences(of: "{count}", with: String(listed.count)))
                    html.raw("</a></p>\n")
                }
                html.raw("</section>\n")
            }
        }
    }

    /// Every article of a category, by title: `<locale>/category/<key>/`.
    func category(_ key: String) -> [UInt8] {
        let name = plan.configuration.categories[key]?[locale] ?? key
        let path = SitePlan.categoryPath(key)
        let present = plan.configuration.locales.filter { plan.hasCategoryPage(key, in: $0) }
        var alternates = present.map { ($0, "\($0)/\(path)") }
        if let source = present.first(where: { $0 == plan.configuration.defaultLocale }) ?? present.first {
            alternates.append(("x-default", "\(source)/\(path)"))
        }
        let languages = plan.configuration.locales.map { other in
            PageLayout.LanguageLink(
                locale: other, name: languageNames[other] ?? other,
                href: present.contains(other) ? "../../../\(other)/\(path)" : nil, isCurrent: other == locale)
        }
        let page = PageLayout.Page(
            title: name, depth: 3, canonicalPath: "\(locale)/\(path)", alternates: alternates,
            description: chrome[.categoryDescription].replacingOccurrences(of: "{category}", with: name),
            breadcrumb: [(chrome[.home], "../../"), (name, nil)], languages: languages)
        let listed = articles(in: key)
        return layout.render(page) { html in
            html.element("h1", text: name)
            html.raw("\n")
            renderList(listed[...], linkPrefix: "../../", into: &html)
        }
    }

    private func renderList(_ indexes: ArraySlice<Int>, linkPrefix: String, into html: inout HTMLBuffer) {
        html.raw("<ul class=\"article-list\">\n")
        for index in indexes {
            let frontMatter = plan.articles[index].frontMatter
            html.raw("<li><a")
            html.attribute("href", linkPrefix + frontMatter.slug + "/")
            html.raw(">")
            html.text(frontMatter.title)
            html.raw("</a></li>\n")
        }
        html.raw("</ul>\n")
    }

    /// The search page: a form that works as a plain GET, results listed by the script from
    /// the index files beside it (``SearchIndex``: `index.js` first, the rest as a query
    /// needs them), so search needs no server.
    func search() -> [UInt8] {
        let page = PageLayout.Page(
            title: chrome[.searchTitle], depth: 2, canonicalPath: nil, description: chrome[.searchLabel], isIndexable: false,
            breadcrumb: [(chrome[.home], "../"), (chrome[.searchTitle], nil)],
            languages: languages(depth: 2, sitePath: "search/"), scripts: ["../../assets/search.js", "index.js"])
        return layout.render(page) { html in
            html.element("h1", text: chrome[.searchTitle])
            html.raw("\n")
            SearchForm.render(action: "./", inputID: "search-query", chrome: chrome, className: "search-form", into: &html)
            html.raw("<p class=\"search-status\" role=\"status\" aria-live=\"polite\"")
            html.attribute("data-results-one", chrome[.searchResultsOne], prose: true)
            html.attribute("data-results-other", chrome[.searchResultsOther], prose: true)
            html.attribute("data-no-results", chrome[.searchNoResults], prose: true)
            html.attribute("data-did-you-mean", chrome[.searchDidYouMean], prose: true)
            html.raw("></p>\n<ol class=\"search-results\"")
            // Where a query that finds nothing is reported (the collector's `/searches`).
            let endpoint = plan.configuration.feedbackEndpoint
            if !endpoint.isEmpty {
                html.attribute("data-misses", (endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint) + "/searches")
                html.attribute("data-locale", locale)
            }
            html.raw("></ol>\n<noscript><p>")
            html.text(chrome[.searchRequiresScript])
            html.raw("</p></noscript>\n")
        }
    }

    /// The 404 page of the locale. It is served at any missing URL, so its links start from
    /// the site's base path instead of being relative.
    func notFound() -> [UInt8] {
        var page = PageLayout.Page(
            title: chrome[.notFoundTitle], depth: 1, canonicalPath: nil, description: chrome[.notFoundText], isIndexable: false)
        page.absoluteLinks = true
        let home = plan.basePath + locale + "/"
        return layout.render(page) { html in
            html.raw("<div class=\"not-found\">\n")
            html.element("h1", text: chrome[.notFoundTitle])
            html.raw("\n<p>")
            html.text(chrome[.notFoundText])
            html.raw("</p>\n<p><a")
            html.attribute("href", home)
            html.raw(">")
            html.text(chrome[.notFoundBack])
            html.raw("</a></p>\n</div>\n")
        }
    }
}
