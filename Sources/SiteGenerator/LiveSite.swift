public import HelpModel

/// A built site kept in memory between edits, so that one changed article rebuilds in a
/// fraction of a second: `helpcenter build --watch`.
///
/// After an edit only the outputs that can depend on the changed articles are rendered: their
/// pages, their translations' pages (language switcher), their locale's home page and search
/// index, and the sitemap. When an article appears, disappears or changes its id, slug or
/// locale, links from any page may change, so every output is rendered (and, as always, only
/// changed files are written).
public final class LiveSite {
    private let output: String
    private var manifest: BuildManifest
    /// What each article file was at the last build: what decides whether an edit is local.
    private var identities: [String: ArticleIdentity]

    struct ArticleIdentity: Equatable {
        var id: String
        var slug: String
        var locale: String

        init(_ article: Article) {
            id = article.id
            slug = article.frontMatter.slug
            locale = article.locale
        }
    }

    /// Starts from a site already built into `output` from `content`.
    public init(output: String, content: HelpContent) {
        self.output = output
        manifest = BuildManifest.load(from: output)
        identities = Self.identities(of: content)
    }

    /// Renders what the changed article files can affect and writes what differs.
    /// - Parameter changedFiles: article paths as `Article.file` names them (edited, added or deleted).
    public func update(content: HelpContent, changedFiles: Set<String>) throws(SiteBuilder.WriteError) -> SiteBuilder.Report {
        let now = Self.identities(of: content)
        let isLocal = changedFiles.allSatisfy { file in
            now[file] != nil && now[file] == identities[file]
        }
        let changedIndexes = content.articles.indices.filter { changedFiles.contains(content.articles[$0].file) }
        var report = SiteBuilder.Report()
        let (site, findings) = SiteRenderer.prepare(content, checkingLinksOf: isLocal ? changedIndexes : nil)
        report.diagnostics = findings
        guard let site, findings.errorCount == 0 else { return report }

        let jobs = site.jobs
        var selected = jobs
        if isLocal {
            var affected: Set<String> = ["sitemap.xml"]
            for index in changedIndexes {
                let article = content.articles[index]
                affected.insert("\(article.locale)/index.html")
                affected.insert("\(article.locale)/search/search-index.js")
                for translation in site.plan.translations(of: article) {
                    affected.insert(site.plan.directory(ofArticleAt: translation.index) + "index.html")
                }
            }
            selected = jobs.filter { affected.contains($0.path) }
        }
        do {
            let outcome = try SiteWriter(output: output, clean: false, progress: nil)
                .update(selected, manifest: &manifest, allPaths: Set(jobs.map(\.path)))
            report.written = outcome.written
            report.unchanged = outcome.unchanged
            report.removed = outcome.removed
            report.writtenPaths = outcome.writtenPaths
            report.pagesWritten = outcome.writtenPaths.filter { $0.hasSuffix(".html") }.count
        } catch {
            throw SiteBuilder.WriteError(description: error.description)
        }
        identities = now
        return report
    }

    private static func identities(of content: HelpContent) -> [String: ArticleIdentity] {
        Dictionary(content.articles.map { ($0.file, ArticleIdentity($0)) }, uniquingKeysWith: { first, _ in first })
    }
}
