internal import HelpModel

/// What the cross-page rules need of one page once its own rules have run; the parsed tree is
/// dropped by then, so 20,000 pages never sit in memory at once. A class: the cross-page rules
/// look pages up by path thousands of times, and a copy of this would retain every field.
final class PageSummary: Sendable {
    /// A link or resource of the page that leads into the site.
    struct Reference: Sendable {
        /// The attribute holding it (`href`), and its value as written in the page.
        let attribute: String
        let written: String
        let target: SiteAddress.Target
        /// The line of its element; the column is looked up only for a finding.
        let line: Int32

        /// What to look for on the line to find the column: `href="…`.
        var needle: String { "\(attribute)=\"\(written)" }
    }

    /// A `<link rel="alternate" hreflang>` of the page.
    struct Alternate: Sendable {
        let hreflang: String
        let reference: Reference
    }

    /// The file under the site folder (`fr/x/index.html`).
    let path: String
    /// The path a browser shows for it under the site (`fr/x/`).
    let urlPath: String
    let ids: Set<String>
    let references: [Reference]
    let alternates: [Alternate]
    let lang: String?
    /// False when the page asks robots not to index it (`noindex`): it stays out of the sitemap.
    let isIndexable: Bool

    init(
        path: String, urlPath: String, ids: Set<String>, references: [Reference], alternates: [Alternate],
        lang: String?, isIndexable: Bool
    ) {
        self.path = path
        self.urlPath = urlPath
        self.ids = ids
        self.references = references
        self.alternates = alternates
        self.lang = lang
        self.isIndexable = isIndexable
    }

    /// `fr/x/index.html` → `fr/x/`; `fr/404.html` stays as it is.
    static func urlPath(ofFile path: String) -> String {
        if path == "index.html" { return "" }
        if path.hasSuffix("/index.html") { return String(path.dropLast("index.html".count)) }
        return path
    }
}
