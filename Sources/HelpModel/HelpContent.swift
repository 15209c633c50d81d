/// Everything in a content folder: the site settings and every article that parsed.
public struct HelpContent: Sendable, Hashable, Codable {
    public var configuration: SiteConfiguration
    /// Articles ordered by locale (configuration order), then file path.
    public var articles: [Article]
    /// The chrome strings of each locale, keyed by locale.
    public var catalogs: [String: ChromeCatalog]
    /// Every image file an article shows, by its path (``ImageFile/file``).
    public var images: [String: ImageFile]

    public init(
        configuration: SiteConfiguration, articles: [Article], catalogs: [String: ChromeCatalog] = [:],
        images: [String: ImageFile] = [:]
    ) {
        self.configuration = configuration
        self.articles = articles
        self.catalogs = catalogs
        self.images = images
    }
}
