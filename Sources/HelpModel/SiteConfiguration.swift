/// The site-wide settings of `content/helpcenter.yml`.
public struct SiteConfiguration: Sendable, Hashable, Codable {
    /// Locale codes in the order the language switcher lists them.
    public var locales: [String]
    /// The source language: other locales translate its articles.
    public var defaultLocale: String
    /// Absolute URL the site is published at, ending in `/`; canonical links start with it.
    public var baseURL: String
    /// The site's title per locale.
    public var titles: [String: String]
    /// Category key → locale → name shown to readers.
    public var categories: [String: [String: String]]
    /// Category keys in the order the home page lists them.
    public var categoryOrder: [String]
    /// Where the feedback widget posts (an absolute URL or a path on the site's host); the
    /// pages' Content-Security-Policy allows exactly this in `form-action` and `connect-src`.
    public var feedbackEndpoint: String
    /// The help center's own colours and stylesheet (`brand:`); empty by default.
    public var brand = Brand()
    /// The largest image file the build accepts, in MiB (`image-limit-mib:`, 2 by default):
    /// room for a full-screen retina screenshot; a site whose animated GIFs run larger raises it.
    public var imageLimitMiB = defaultImageLimitMiB
    /// The limit when `helpcenter.yml` sets none.
    public static let defaultImageLimitMiB = 2

    public init(
        locales: [String], defaultLocale: String, baseURL: String, titles: [String: String],
        categories: [String: [String: String]], categoryOrder: [String], feedbackEndpoint: String
    ) {
        self.locales = locales
        self.defaultLocale = defaultLocale
        self.baseURL = baseURL
        self.titles = titles
        self.categories = categories
        self.categoryOrder = categoryOrder
        self.feedbackEndpoint = feedbackEndpoint
    }
}
