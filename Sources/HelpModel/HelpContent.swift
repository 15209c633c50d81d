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

/// An article `helpcenter build --keep-going` leaves out of the site because it has errors:
/// the rest of the help center is published while it is fixed.
public struct LeftOutArticle: Sendable, Hashable, Codable, Comparable {
    /// The article's file, as diagnostics name it (`content/fr/x.md`).
    public var file: String
    public var locale: String
    /// Its front matter's `id`, when that could be read: what a `related:` list names it by.
    public var id: String?

    public init(file: String, locale: String, id: String?) {
        self.file = file
        self.locale = locale
        self.id = id
    }

    public static func < (lhs: LeftOutArticle, rhs: LeftOutArticle) -> Bool {
        lhs.file < rhs.file
    }
}
