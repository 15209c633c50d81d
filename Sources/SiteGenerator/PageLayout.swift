internal import HelpModel

/// The frame every page shares: head with CSP, canonical and alternates; skip link; header with
/// site title, search box and language switcher; breadcrumb; footer.
struct PageLayout {
    /// A link to the same page in another language, or the language named as missing.
    struct LanguageLink {
        var locale: String
        var name: String
        /// Relative URL from the current page; nil when the page does not exist in that locale.
        var href: String?
        var isCurrent: Bool
    }

    struct Page {
        var title: String
        /// Folders between the site root and this page (0 for `index.html`, 2 for an article).
        var depth: Int
        /// Site path for `<link rel=canonical>`; nil for pages that are not indexed.
        var canonicalPath: String?
        /// `(hreflang, site path)` of the same page in each locale, plus `x-default`.
        var alternates: [(String, String)] = []
        /// `<meta name="description">`: every page has one (the validator checks it).
        var description: String
        var isIndexable = true
        var breadcrumb: [(label: String, href: String?)] = []
        var languages: [LanguageLink] = []
        /// Scripts this page loads before `site.js`, relative to the page.
        var scripts: [String] = []
        /// Links in header, breadcrumb and footer go from the site's base path (404 pages,
        /// which are served at any URL) rather than relative to the page.
        var absoluteLinks = false
        /// An old address (an alias): the page this one sends readers on to, relative to it,
        /// written as `<meta http-equiv="refresh">` (no script).
        var refreshTo: String?
    }

    let plan: SitePlan
    let chrome: Chrome
    let csp: String

    /// The prefix that reaches the site root from the page.
    func root(for page: Page) -> String {
        page.absoluteLinks ? plan.basePath : SitePlan.up(page.depth)
    }

    func render(_ page: Page, main: (inout HTMLBuffer) -> Void) -> [UInt8] {
        var html = HTMLBuffer(frenchSpacing: chrome.locale == "fr" || chrome.locale.hasPrefix("fr-"))
        let root = root(for: page)
        let locale = chrome.locale
        html.raw("<!DOCTYPE html>\n<html")
        html.attribute("lang", locale)
        html.raw(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<meta http-equiv=\"Content-Security-Policy\"")
        html.attribute("content", csp)
        html.raw(">\n")
        html.element("title", text: page.title + " – " + siteTitle)
        html.raw("\n")
        html.raw("<meta name=\"description\"")
        html.attribute("content", page.description, prose: true)
        html.raw(">\n")
        if let target = page.refreshTo {
            html.raw("<meta http-equiv=\"refresh\"")
            html.attribute("content", "0; url=\(target)")
            html.raw(">\n")
        }
        if !page.isIndexable { html.raw("<meta name=\"robots\" content=\"noindex\">\n") }
        if let canonical = page.canonicalPath {
            html.raw("<link rel=\"canonical\"")
            html.attribute("href", plan.absoluteURL(canonical))
            html.raw(">\n")
        }
        for (hreflang, path) in page.alternates {
            html.raw("<link rel=\"alternate\"")
            html.attribute("hreflang", hreflang)
            html.attribute("href", plan.absoluteURL(path))
            html.raw(">\n")
        }
        html.raw("<link rel=\"stylesheet\"")
        html.attribute("href", root + "assets/site.css")
        html.raw(">\n")
        // The brand's colours, then its own stylesheet, after the site's: files, never inline
        // style, so the strict Content-Security-Policy holds.
        let brand = plan.configuration.brand
        for (present, name) in [(brand.hasColors, "brand.css"), (brand.stylesheetReadPath != nil, "extra.css")] where present {
            html.raw("<link rel=\"stylesheet\"")
            html.attribute("href", root + "assets/" + name)
            html.raw(">\n")
        }
        for script in page.scripts {
            html.raw("<script")
            html.attribute("src", script)
            html.raw(" defer></script>\n")
        }
        html.raw("<script")
        html.attribute("src", root + "assets/site.js")
        html.raw(" defer></script>\n</head>\n<body>\n")
        html.raw("<a class=\"skip-link\" href=\"#main\">")
        html.text(chrome[.skipLink])
        html.raw("</a>\n")
        renderHeader(page, root: root, into: &html)
        renderBreadcrumb(page.breadcrumb, into: &html)
        html.raw("<main id=\"main\">\n")
        main(&html)
        html.raw("</main>\n<footer class=\"site-footer\">")
        renderBrandFooter(into: &html)
        html.raw("<p>")
        html.text(chrome[.footer])
        html.raw("</p></footer>\n</body>\n</html>\n")
        return html.bytes
    }

    var siteTitle: String { plan.siteTitles[chrome.locale] ?? "" }

    /// The brand's footer links and support contact of the page's locale, if any.
    private func renderBrandFooter(into html: inout HTMLBuffer) {
        let brand = plan.configuration.brand
        let links = brand.footerLinks[chrome.locale] ?? []
        if !links.isEmpty {
            html.raw("<ul class=\"footer-links\">")
            for link in links {
                html.raw("<li><a")
                html.attribute("href", link.url)
                html.raw(">")
                html.text(link.text)
                html.raw("</a></li>")
            }
            html.raw("</ul>\n")
        }
        if let support = brand.support[chrome.locale] {
            html.raw("<p class=\"support\"><a")
            html.attribute("href", support.url)
            html.raw(">")
            html.text(support.text)
            html.raw("</a></p>\n")
        }
    }

    private func renderHeader(_ page: Page, root: String, into html: inout HTMLBuffer) {
        let localeRoot = root + chrome.locale + "/"
        html.raw("<header class=\"site-header\">\n<a class=\"site-title\"")
        html.attribute("href", localeRoot)
        html.raw(">")
        if let logo = plan.configuration.brand.logo, !logo.readPath.isEmpty {
            html.raw("<img class=\"site-logo\"")
            html.attribute("src", root + logo.sitePath)
            html.attribute("alt", plan.configuration.brand.logoAlt[chrome.locale] ?? "", prose: true)
            html.raw(" width=\"\(logo.width)\" height=\"\(logo.height)\"> ")
        }
        html.text(siteTitle)
        html.raw("</a>\n")
        SearchForm.render(
            action: localeRoot + "search/", inputID: "site-search", chrome: chrome, className: "search-box", into: &html)
        if !page.languages.isEmpty { renderLanguages(page.languages, into: &html) }
        html.raw("</header>\n")
    }

    private func renderLanguages(_ languages: [LanguageLink], into html: inout HTMLBuffer) {
        html.raw("<nav class=\"language-switcher\"")
        html.attribute("aria-label", chrome[.languages], prose: true)
        html.raw("><ul>\n")
        for language in languages {
            if language.isCurrent {
                html.raw("<li class=\"current\"><span")
                html.attribute("lang", language.locale)
                html.raw(" aria-current=\"page\">")
                html.text(language.name)
                html.raw("</span></li>\n")
            } else if let href = language.href {
                html.raw("<li><a")
                html.attribute("href", href)
                html.attribute("hreflang", language.locale)
                html.attribute("lang", language.locale)
                html.raw(">")
                html.text(language.name)
                html.raw("</a></li>\n")
            } else {
                html.raw("<li class=\"unavailable\"><span")
                html.attribute("lang", language.locale)
                html.raw(">")
                html.text(language.name)
                html.raw("</span> <span class=\"unavailable-note\">(")
                html.text(chrome[.languageUnavailable])
                html.raw(")</span></li>\n")
            }
        }
        html.raw("</ul></nav>\n")
    }

    private func renderBreadcrumb(_ trail: [(label: String, href: String?)], into html: inout HTMLBuffer) {
        guard !trail.isEmpty else { return }
        html.raw("<nav class=\"breadcrumb\"")
        html.attribute("aria-label", chrome[.breadcrumb], prose: true)
        html.raw("><ol>")
        for (label, href) in trail {
            if let href {
                html.raw("<li><a")
                html.attribute("href", href)
                html.raw(">")
                html.text(label)
                html.raw("</a></li>")
            } else {
                html.raw("<li aria-current=\"page\">")
                html.text(label)
                html.raw("</li>")
            }
        }
        html.raw("</ol></nav>\n")
    }
}

/// The search form of the header and of the search page: a GET form to the search page.
enum SearchForm {
    static func render(action: String, inputID: String, chrome: Chrome, className: String, into html: inout HTMLBuffer) {
        html.raw("<form")
        html.attribute("class", className)
        html.raw(" role=\"search\"")
        html.attribute("action", action)
        html.raw(" method=\"get\">\n<label")
        html.attribute("for", inputID)
        html.raw(">")
        html.text(chrome[.searchLabel])
        html.raw("</label>\n<input")
        html.attribute("id", inputID)
        html.raw(" name=\"q\" type=\"search\" autocomplete=\"off\"")
        html.attribute("placeholder", chrome[.searchPlaceholder], prose: true)
        html.raw(">\n<button type=\"submit\">")
        html.text(chrome[.searchButton])
        html.raw("</button>\n</form>\n")
    }
}
