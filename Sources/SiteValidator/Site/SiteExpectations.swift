public import HelpModel

/// What the validator knows of the site before reading it: its locales and where it is served.
///
/// Taken from `helpcenter.yml` so that `<html lang>`, absolute links and the sitemap's URLs are
/// judged against what the build was asked to produce, not against what it happened to write.
public struct SiteExpectations: Sendable {
    public var locales: [String]
    public var defaultLocale: String
    /// The site's public address, ending in `/` (`https://help.example.com/`).
    public var baseURL: String

    public init(locales: [String], defaultLocale: String, baseURL: String) {
        self.locales = locales
        self.defaultLocale = defaultLocale
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    public init(configuration: SiteConfiguration) {
        self.init(
            locales: configuration.locales, defaultLocale: configuration.defaultLocale,
            baseURL: configuration.baseURL)
    }

    /// The locale a page must declare: its first folder, or the default locale at the root.
    func locale(ofPageAt path: String) -> String {
        let first = path.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        return locales.contains(first) && path.contains("/") ? first : defaultLocale
    }
}
