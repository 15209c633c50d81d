internal import Foundation
internal import HelpModel

/// Where every page of the site lives and how pages link to each other.
///
/// Article pages are `<locale>/<slug>/index.html`; every link between pages is relative, so the
/// site works from any host path and from `file://`. Canonical URLs, `hreflang` alternates and
/// the sitemap use the absolute base URL of `helpcenter.yml`.
final class SitePlan: Sendable {
    let configuration: SiteConfiguration
    let articles: [Article]
    /// Article indexes per locale, in locale order then file order.
    let articlesByLocale: [String: [Int]]
    /// Article index by id, then locale.
    let translations: [String: [String: Int]]
    /// Article index by normalised file path, to resolve `.md` links.
    let articleByFile: [String: Int]
    /// The path part of the base URL, from `/` to the trailing `/` (404 pages link from it).
    let basePath: String
    /// The site title per locale, and every article's page folder, computed once.
    let siteTitles: [String: String]
    /// Category keys that have at least one article, per locale: the category pages that exist.
    let categoriesByLocale: [String: Set<String>]
    /// The image files the articles show, by path (``ImageFile/file``).
    let images: [String: ImageFile]
    /// Article indexes per locale and category (``categoryKey(_:_:)``), newest first (then by
    /// title): what an article without `related:` lists, sorted once rather than per page.
    let newestInCategory: [String: [Int]]
    /// The same groups sorted by title: what the home and category pages list.
    let byTitleInCategory: [String: [Int]]
    private let directories: [String]

    init(content: HelpContent) {
        configuration = content.configuration
        articles = content.articles
        images = content.images
        var byLocale: [String: [Int]] = [:]
        var translations: [String: [String: Int]] = [:]
        var byFile: [String: Int] = [:]
        // By index: binding each article to a name would copy (retain) all of it, 20,000 times.
        let all = content.articles
        var categories: [String: Set<String>] = [:]
        var directories: [String] = []
        directories.reserveCapacity(all.count)
        for index in all.indices {
            let locale = all[index].locale
            byLocale[locale, default: []].append(index)
            translations[all[index].id, default: [:]][locale] = index
            byFile[PathArithmetic.normalized(all[index].file)] = index
            directories.append("\(locale)/\(all[index].frontMatter.slug)/")
            categories[locale, default: []].insert(all[index].frontMatter.category)
        }
        articlesByLocale = byLocale
        self.translations = translations
        articleByFile = byFile
        basePath = Self.path(ofURL: content.configuration.baseURL)
        siteTitles = content.configuration.titles
        self.directories = directories
        categoriesByLocale = categories
        (newestInCategory, byTitleInCategory) = Self.categoryOrders(all)
    }

    /// A plan for edited articles that kept their files, ids, slugs and locales: the URL
    /// tables of `previous` still hold, only the articles are new.
    /// - Parameter changed: the indexes of the edited articles, when the caller knows them
    ///   (and they kept their categories too): only their categories are sorted again.
    init(content: HelpContent, reusing previous: SitePlan, changed: [Int]? = nil) {
        configuration = content.configuration
        articles = content.articles
        images = content.images
        articlesByLocale = previous.articlesByLocale
        translations = previous.translations
        articleByFile = previous.articleByFile
        basePath = previous.basePath
        siteTitles = content.configuration.titles
        directories = previous.directories
        categoriesByLocale = previous.categoriesByLocale
        // An edit may change an article's date or title, and so the order.
        if let changed {
            var newest = previous.newestInCategory
            var byTitle = previous.byTitleInCategory
            let keys = Set(changed.map { Self.categoryKey(content.articles[$0].locale, content.articles[$0].frontMatter.category) })
            for key in keys {
                // In index order, as a whole sort meets them: ties come out the same.
                let members = (newest[key] ?? []).sorted()
                newest[key] = Self.newestFirst(members, content.articles)
                byTitle[key] = Self.byTitle(members, content.articles)
            }
            (newestInCategory, byTitleInCategory) = (newest, byTitle)
        } else {
            (newestInCategory, byTitleInCategory) = Self.categoryOrders(content.articles)
        }
    }

    static func categoryKey(_ locale: String, _ category: String) -> String { locale + "/" + category }

    /// Each locale's categories, newest first (then by title) and by title: sorted once, not
    /// per page (every category page listed its whole locale's articles, sorted, again).
    private static func categoryOrders(_ articles: [Article]) -> (newest: [String: [Int]], byTitle: [String: [Int]]) {
        var groups: [String: [Int]] = [:]
        for index in articles.indices {
            groups[categoryKey(articles[index].locale, articles[index].frontMatter.category), default: []].append(index)
        }
        return (groups.mapValues { newestFirst($0, articles) }, groups.mapValues { byTitle($0, articles) })
    }

    private static func newestFirst(_ members: [Int], _ articles: [Article]) -> [Int] {
        // Fields read in place: binding two front matters per comparison copied them.
        members.sorted { lhs, rhs in
            articles[lhs].frontMatter.updated != articles[rhs].frontMatter.updated
                ? articles[lhs].frontMatter.updated > articles[rhs].frontMatter.updated
                : articles[lhs].frontMatter.title < articles[rhs].frontMatter.title
        }
    }

    private static func byTitle(_ members: [Int], _ articles: [Article]) -> [Int] {
        members.sorted { articles[$0].frontMatter.title < articles[$1].frontMatter.title }
    }

    /// Whether `locale` has a page for the category `key` (it has articles in it).
    func hasCategoryPage(_ key: String, in locale: String) -> Bool {
        categoriesByLocale[locale]?.contains(key) == true
    }

    /// Folder names below a locale that are the site's own pages, not articles.
    static let reservedSlugs: Set<String> = ["search", "category", "assets", "images"]

    /// `category/account/`: a category page, below its locale's folder.
    static func categoryPath(_ key: String) -> String {
        "category/\(key)/"
    }

    /// `fr/modifier-identifiants-connexion/`: the folder of the article at an index of ``articles``.
    func directory(ofArticleAt index: Int) -> String {
        directories[index]
    }

    func absoluteURL(_ sitePath: String) -> String {
        configuration.baseURL + sitePath
    }

    /// The same article in every locale that has it, in configuration order, as indexes.
    func translations(of article: Article) -> [(locale: String, index: Int)] {
        let byLocale = translations[article.id] ?? [:]
        return configuration.locales.compactMap { locale in
            byLocale[locale].map { (locale, $0) }
        }
    }

    /// `../` repeated: from a page `depth` folders below the root back to the root.
    static func up(_ depth: Int) -> String {
        String(repeating: "../", count: depth)
    }

    /// The path of an absolute URL: `https://h.example/help/` → `/help/`.
    private static func path(ofURL url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return "/" }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let path = String(rest[slash...])
        return path.hasSuffix("/") ? path : path + "/"
    }
}
