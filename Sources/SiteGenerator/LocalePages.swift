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

    /// Categories in configuration order, each with its articles by title.
    func home() -> [UInt8] {
        let alternates = plan.configuration.locales.map { ($0, "\($0)/") } + [("x-default", "\(plan.configuration.defaultLocale)/")]
        let page = PageLayout.Page(
            title: chrome[.home], depth: 1, canonicalPath: "\(locale)/", alternates: alternates,
            description: chrome[.homeIntro], languages: languages(depth: 1, sitePath: ""))
        let indexes = plan.articlesByLocale[locale] ?? []
        var byCategory: [String: [Article]] = [:]
        for index in indexes {
            let article = plan.articles[index]
            byCategory[article.frontMatter.category, default: []].append(article)
        }
        return layout.render(page) { html in
            html.element("h1", text: layout.siteTitle)
            html.raw("\n<p class=\"home-intro\">")
            html.text(chrome[.homeIntro])
            html.raw("</p>\n")
            for category in plan.configuration.categoryOrder {
                guard let articles = byCategory[category], !articles.isEmpty else { continue }
                let id = "category-\(category)"
                html.raw("<section class=\"category\"")
                html.attribute("aria-labelledby", id)
                html.raw(">\n<h2")
                html.attribute("id", id)
                html.raw(">")
                html.text(plan.configuration.categories[category]?[locale] ?? category)
                html.raw("</h2>\n<ul class=\"article-list\">\n")
                for article in articles.sorted(by: { $0.frontMatter.title < $1.frontMatter.title }) {
                    html.raw("<li><a")
                    html.attribute("href", article.frontMatter.slug + "/")
                    html.raw(">")
                    html.text(article.frontMatter.title)
                    html.raw("</a></li>\n")
                }
                html.raw("</ul>\n</section>\n")
            }
        }
    }

    /// The search page: a form that works as a plain GET, results listed by the script from
    /// `search-index.js` beside it, so search needs no server.
    func search() -> [UInt8] {
        let page = PageLayout.Page(
            title: chrome[.searchTitle], depth: 2, canonicalPath: nil, isIndexable: false,
            breadcrumb: [(chrome[.home], "../"), (chrome[.searchTitle], nil)],
            languages: languages(depth: 2, sitePath: "search/"), scripts: ["search-index.js"])
        return layout.render(page) { html in
            html.element("h1", text: chrome[.searchTitle])
            html.raw("\n")
            SearchForm.render(action: "./", inputID: "search-query", chrome: chrome, className: "search-form", into: &html)
            html.raw("<p class=\"search-status\" role=\"status\" aria-live=\"polite\"")
            html.attribute("data-results-one", chrome[.searchResultsOne], prose: true)
            html.attribute("data-results-other", chrome[.searchResultsOther], prose: true)
            html.attribute("data-no-results", chrome[.searchNoResults], prose: true)
            html.raw("></p>\n<ol class=\"search-results\"></ol>\n<noscript><p>")
            html.text(chrome[.searchRequiresScript])
            html.raw("</p></noscript>\n")
        }
    }

    /// The 404 page of the locale. It is served at any missing URL, so its links start from
    /// the site's base path instead of being relative.
    func notFound() -> [UInt8] {
        var page = PageLayout.Page(title: chrome[.notFoundTitle], depth: 1, canonicalPath: nil, isIndexable: false)
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
