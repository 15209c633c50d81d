public import HelpModel

/// Everything one `helpcenter validate` run looked at and found.
///
/// The lists of pages and articles are kept, not only the findings, so a JUnit report can show
/// one passing test case per clean page and article.
public struct ValidationReport: Sendable, Hashable, Codable {
    /// The site's HTML pages that were read, as paths under the site folder's path.
    public var pages: [String]
    /// The content's article files that were checked.
    public var articles: [String]
    public var findings: [Finding]

    public init(pages: [String] = [], articles: [String] = [], findings: [Finding] = []) {
        self.pages = pages
        self.articles = articles
        self.findings = findings
    }

    public var diagnostics: [Diagnostic] { findings.map(\.diagnostic) }

    /// Adds another part's pages, articles and findings.
    public mutating func merge(_ other: ValidationReport) {
        pages += other.pages
        articles += other.articles
        findings += other.findings
    }
}
