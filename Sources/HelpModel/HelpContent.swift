/// Everything in a content folder: the site settings and every article that parsed.
public struct HelpContent: Sendable, Hashable, Codable {
    public var configuration: SiteConfiguration
    /// Articles ordered by locale (configuration order), then file path.
    public var articles: [Article]
    /// The chrome strings of each locale, keyed by locale.
    public var catalogs: [String: ChromeCatalog]

    public init(configuration: SiteConfiguration, articles: [Article], catalogs: [String: ChromeCatalog] = [:]) {
        self.configuration = configuration
        self.articles = articles
        self.catalogs = catalogs
    }

    public func articles(in locale: String) -> [Article] {
        articles.filter { $0.locale == locale }
    }

    /// The same article (by `id`) in every locale that has it, keyed by locale.
    public func translations(of id: String) -> [String: Article] {
        Dictionary(articles.filter { $0.id == id }.map { ($0.locale, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
