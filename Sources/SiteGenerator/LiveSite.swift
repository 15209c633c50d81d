internal import Foundation
public import HelpModel

/// A built site kept in memory between edits, so that one changed article rebuilds in a
/// fraction of a second: `helpcenter build --watch`.
///
/// An edit that keeps the article's file, id, slug, locale and category is local: its page is
/// rendered, its locale's home and category page only when the title changed, the search index
/// only when the article's entry changed, the sitemap only when the date changed. Anything
/// else (an article added, removed, renamed, moved to another category or given another slug)
/// can change links on any page, so every output is rendered; as always, only changed files
/// are written.
public final class LiveSite {
    private let output: String
    private var manifest = BuildManifest()
    private var articles: [String: ArticleState] = [:]
    private var plan: SitePlan?
    private let searchCache = SearchEntryCache()
    private let includeDrafts: Bool

    /// What decides which outputs an edit reaches.
    struct ArticleState: Equatable {
        var id: String
        var slug: String
        var locale: String
        var title: String
        var category: String
        var updated: CalendarDay
        /// Former slugs: a change adds or removes pages and `_redirects` lines.
        var aliases: [String]

        init(_ article: Article) {
            id = article.id
            slug = article.frontMatter.slug
            locale = article.locale
            title = article.frontMatter.title
            category = article.frontMatter.category
            updated = article.frontMatter.updated
            aliases = article.frontMatter.aliases
        }

        /// Same id, slug, locale and category: every URL and every category page stays.
        func keepsLinks(_ other: ArticleState) -> Bool {
            id == other.id && slug == other.slug && locale == other.locale && category == other.category
                && aliases == other.aliases
        }
    }

    /// - Parameter includeDrafts: build drafts too, with their banner (`serve`, `build --watch --drafts`).
    public init(output: String, includeDrafts: Bool = false) {
        self.output = output
        self.includeDrafts = includeDrafts
    }

    /// Builds everything (writing only what differs from disk) and remembers the result.
    public func rebuildAll(content: HelpContent) throws(SiteBuilder.WriteError) -> SiteBuilder.Report {
        searchCache.forget(articles.keys)
        let options = SiteBuilder.Options(output: output, includeDrafts: includeDrafts)
        let (report, plan) = try SiteBuilder(content: content, options: options).build(searchCache: searchCache)
        if let plan { remember(Drafts.published(content, includingDrafts: includeDrafts).content, plan: plan) }
        return report
    }

    /// Renders what the changed article files can affect and writes what differs.
    /// - Parameter changedFiles: article paths as `Article.file` names them (edited, added or deleted).
    public func update(content everything: HelpContent, changedFiles: Set<String>) throws(SiteBuilder.WriteError) -> SiteBuilder.Report {
        // A draft is not in the site: editing one, or making an article one, renders everything.
        let (content, drafts) = Drafts.published(everything, includingDrafts: includeDrafts)
        let changedIndexes = content.articles.indices.filter { changedFiles.contains(content.articles[$0].file) }
        var now: [String: ArticleState] = [:]
        for index in changedIndexes { now[content.articles[index].file] = ArticleState(content.articles[index]) }
        let isLocal = plan != nil && content.articles.count == articles.count && changedFiles.allSatisfy { file in
            guard let before = articles[file], let after = now[file] else { return false }
            return before.keepsLinks(after)
        }
        let previousEntries = Dictionary(uniqueKeysWithValues: changedFiles.map { ($0, searchCache.cachedDocuments(forFile: $0)) })
        searchCache.forget(changedFiles)
        let (site, findings) = SiteRenderer.prepare(
            content, checkingLinksOf: isLocal ? changedIndexes : nil, reusing: isLocal ? plan : nil, searchCache: searchCache,
            draftFiles: drafts)
        var report = SiteBuilder.Report(diagnostics: findings)
        report.draftsLeftOut = drafts.count
        guard let site, findings.errorCount == 0 else { return report }

        // A slug changed (not a local edit): say which old address would 404, as `build` does.
        if !isLocal { report.diagnostics += Redirects.slugChanges(since: output, plan: site.plan) }
        let searchIndexes = SearchIndex.all(plan: site.plan, cache: searchCache, changed: isLocal ? changedIndexes : nil)
        let selected: [OutputJob]
        let gone: [String]
        if isLocal {
            (selected, gone) = localJobs(site, changedIndexes, content: content, searchIndexes: searchIndexes, previousEntries: previousEntries)
        } else {
            selected = site.jobs(searchIndexes: searchIndexes)
            let paths = Set(selected.map(\.path))
            gone = manifest.entries.keys.filter { !paths.contains($0) }
        }
        do {
            let outcome = try SiteWriter(output: output, clean: false, progress: nil)
                .update(selected, manifest: &manifest, removing: gone)
            report.record(outcome)
        } catch {
            // Index files made for this edit may not be on disk: the next edit makes every one.
            searchCache.forgetIndexes()
            throw SiteBuilder.WriteError(description: error.description)
        }
        if isLocal {
            for index in changedIndexes { articles[content.articles[index].file] = ArticleState(content.articles[index]) }
            plan = site.plan
        } else {
            remember(content, plan: site.plan, manifestOnDisk: false)
        }
        return report
    }

    /// The files a local edit reaches (the same URLs: only pages that show what changed), and
    /// the search files it made obsolete; nothing else of the site is even listed.
    private func localJobs(
        _ site: SiteRenderer, _ changedIndexes: [Int], content: HelpContent, searchIndexes: [String: SearchIndex],
        previousEntries: [String: ArticleSearchDocuments?]
    ) -> (jobs: [OutputJob], gone: [String]) {
        var jobs: [OutputJob] = []
        var gone: [String] = []
        var articlePages: Set<Int> = []
        var pages: Set<String> = []
        var rootFiles: Set<String> = []
        var sitemaps = false
        var searchLocales: Set<String> = []
        var images: Set<String> = []
        var droppedImages: Set<String> = []
        for index in changedIndexes {
            let article = content.articles[index]
            let before = articles[article.file]
            let after = ArticleState(article)
            articlePages.insert(index)
            // The images it shows, in case one is new (the writer skips unchanged bytes).
            images.formUnion(article.imageFiles.values)
            if let previous = plan { droppedImages.formUnion(previous.articles[index].imageFiles.values) }
            if before?.title != after.title {
                pages.insert("\(article.locale)/index.html")
                pages.insert("\(article.locale)/\(SitePlan.categoryPath(after.category))index.html")
                rootFiles.insert(ArticleCatalogFile.path)
            }
            if before?.updated != after.updated { sitemaps = true }
            if before?.title != after.title || before?.updated != after.updated, let previous = plan {
                // Pages that list it among their related articles (by default or by `related:`),
                // or whose list a new date reordered: a local edit keeps every index.
                let planned = site.plan.articles
                for other in site.plan.articlesByLocale[article.locale] ?? [] where other != index {
                    // A default list is of the article's own category: others cannot change.
                    if planned[other].frontMatter.related.isEmpty, planned[other].frontMatter.category != after.category { continue }
                    let listed = RelatedArticles.list(for: other, in: site.plan)
                    if listed.contains(index) || listed != RelatedArticles.list(for: other, in: previous) {
                        articlePages.insert(other)
                    }
                }
            }
            let category = content.configuration.categories[article.frontMatter.category]?[article.locale] ?? ""
            let entry = searchCache.cachedDocuments(forFile: article.file).flatMap { $0.category == category ? $0 : nil }
            if entry != previousEntries[article.file] ?? nil { searchLocales.insert(article.locale) }
        }
        // An image the edit no longer shows leaves the site unless another article shows it.
        droppedImages.subtract(images)
        if !droppedImages.isEmpty {
            let used = Set(SiteRenderer.usedImages(of: site.plan).map(\.file))
            gone += droppedImages.subtracting(used).compactMap { plan?.images[$0]?.sitePath }
        }
        jobs += site.rootJobs().filter { rootFiles.contains($0.path) || sitemaps && $0.path.hasPrefix("sitemap") }
        jobs += images.sorted().compactMap { site.plan.images[$0].map(SiteRenderer.imageJob) }
        for locale in site.plan.configuration.locales {
            let indexes = articlePages.filter { site.plan.articles[$0].locale == locale }
            guard !indexes.isEmpty || searchLocales.contains(locale), let files = site.localeFiles(locale) else { continue }
            jobs += files.pageJobs().filter { pages.contains($0.path) }
            jobs += indexes.sorted().map(files.articleJob(at:))
            guard searchLocales.contains(locale) else { continue }
            // The index files that changed (all of them when the index was made anew; the writer
            // skips equal bytes); a term file's name holds its hash, so a changed one is a new path.
            let search = files.searchJobs(searchIndexes[locale])
            let changed = searchIndexes[locale]?.changedFiles.map { Set($0.map { "\(locale)/search/\($0)" }) }
            jobs += changed.map { changed in search.filter { changed.contains($0.path) } } ?? search
            let current = Set(search.map(\.path) + ["\(locale)/search/index.html"])
            gone += manifest.paths(withPrefix: "\(locale)/search/").filter { !current.contains($0) }
        }
        return (jobs, gone)
    }

    private func remember(_ content: HelpContent, plan: SitePlan, manifestOnDisk: Bool = true) {
        articles = Dictionary(content.articles.map { ($0.file, ArticleState($0)) }, uniquingKeysWith: { first, _ in first })
        self.plan = plan
        if manifestOnDisk { manifest = BuildManifest.load(from: output) }
    }
}

extension SiteBuilder.Report {
    mutating func record(_ outcome: SiteWriter.Outcome) {
        written = outcome.written
        unchanged = outcome.unchanged
        removed = outcome.removed
        writtenPaths = outcome.writtenPaths
        pagesWritten = outcome.writtenPaths.filter { $0.hasSuffix(".html") }.count
    }
}
