/// The help center's own look, from `brand:` in `helpcenter.yml`: its primary colour (links,
/// buttons, focus rings) for light and dark pages, and a stylesheet of its own.
public struct Brand: Sendable, Hashable, Codable {
    /// `#rrggbb` on light pages; nil keeps the site's.
    public var primaryColor: String?
    /// `#rrggbb` on dark pages (`prefers-color-scheme: dark`); nil keeps the site's.
    public var primaryColorDark: String?
    /// A CSS file under the content folder, as the loader names it (`content/brand.css`),
    /// linked after the site's own stylesheet.
    public var stylesheet: String?
    /// Where to read it from (resolved against the loader's working folder).
    public var stylesheetReadPath: String?
    /// The logo beside helpcenter.yml (as the loader names it), its size and where to read it.
    public var logo: ImageFile?
    /// The logo's alt text per locale.
    public var logoAlt: [String: String] = [:]
    /// Links at the foot of every page, per locale: (text, URL).
    public var footerLinks: [String: [Link]] = [:]
    /// Where readers get help from people, per locale; offered after a "No" vote too.
    public var support: [String: Link] = [:]

    public struct Link: Sendable, Hashable, Codable {
        public var text: String
        public var url: String

        public init(text: String, url: String) {
            self.text = text
            self.url = url
        }
    }

    public init(primaryColor: String? = nil, primaryColorDark: String? = nil, stylesheet: String? = nil, stylesheetReadPath: String? = nil) {
        self.primaryColor = primaryColor
        self.primaryColorDark = primaryColorDark
        self.stylesheet = stylesheet
        self.stylesheetReadPath = stylesheetReadPath
    }

    /// Whether the site writes `assets/brand.css` (a colour is set).
    public var hasColors: Bool { primaryColor != nil || primaryColorDark != nil }
}
