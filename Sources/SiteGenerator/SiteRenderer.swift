internal import Dispatch
internal import Foundation
internal import HelpModel

/// Everything needed to render each file of the site, checked ahead of rendering.
struct SiteRenderer: Sendable {
    let plan: SitePlan
    let chromes: [String: Chrome]
    let csp: String
    let links: LinkResolver
    let dates = LocalizedDate()
    let searchCache: SearchEntryCache
    /// URLs per sitemap file before the sitemap becomes an index of several files.
    var sitemapURLLimit = RootPages.sitemapURLLimit
    /// The procedures a check run proved, shown on their pages.
    var verification: VerificationReport?

    /// Runs ``BuildRules`` (catalogs, slugs, links), then describes every output file.
    /// - Parameters:
    ///   - linkedArticles: indexes of the articles whose links to check; nil for all.
    ///   - previousPlan: the plan of the same articles (same files, ids, slugs) before an edit,
    ///     whose URL tables can be kept.
    ///   - searchCache: search entries already folded, by article file.
    ///   - draftFiles: the drafts ``Drafts`` took out of `content` (a link to one is an error).
    ///   - leftOut: the articles `build --keep-going` took out (a link to one is a warning).
    ///   - keepGoing: `build --keep-going`: a link to a draft is a warning too.
    /// - Returns: nil and the errors when anything would make a wrong page.
    static func prepare(
        _ content: HelpContent, checkingLinksOf linkedArticles: [Int]? = nil, reusing previousPlan: SitePlan? = nil,
        searchCache: SearchEntryCache = SearchEntryCache(), draftFiles: Set<String> = [], leftOut: [LeftOutArticle] = [],
        keepGoing: Bool = false
    ) -> (SiteRenderer?, [Diagnostic]) {
        let checked = BuildRules.run(
            content, checkingLinksOf: linkedArticles, reusing: previousPlan, draftFiles: draftFiles, leftOut: leftOut,
            keepGoing: keepGoing)
        let diagnostics = checked.diagnostics
        guard diagnostics.errorCount == 0 else { return (nil, diagnostics) }
        let (plan, chromes, links) = (checked.plan, checked.chromes, checked.links)
        let csp = ContentSecurityPolicy.header(feedbackEndpoint: content.configuration.feedbackEndpoint)
        return (SiteRenderer(plan: plan, chromes: chromes, csp: csp, links: links, searchCache: searchCache), diagnostics)
    }

    /// Every file of the site, each rendered on demand (in parallel by the writer).
    /// - Parameter searchIndexes: each locale's search index, when the caller made them (to
    ///   know which of their files changed); nil to make them here.
    func jobs(searchIndexes: [String: SearchIndex]? = nil) -> [OutputJob] {
        var jobs = rootJobs()
        for image in Self.usedImages(of: plan) { jobs.append(Self.imageJob(image)) }
        let searchIndexes = searchIndexes ?? SearchIndex.all(plan: plan, cache: searchCache)
        for locale in plan.configuration.locales {
            guard let files = localeFiles(locale) else { continue }
            jobs += files.pageJobs()
            jobs += files.searchJobs(searchIndexes[locale])
            for index in plan.articlesByLocale[locale] ?? [] { jobs.append(files.articleJob(at: index)) }
            jobs += files.aliasJobs()
        }
        return jobs
    }

    /// The files of the site as a whole: the language chooser, robots.txt, the article
    /// catalog, the sitemaps, the assets and the redirects.
    func rootJobs() -> [OutputJob] {
        var jobs: [OutputJob] = []
        let roots = RootPages(plan: plan, chromes: chromes, csp: csp)
        jobs.append(OutputJob(path: "index.html") { roots.languageChooser() })
        jobs.append(OutputJob(path: "robots.txt") { roots.robots() })
        let plan = self.plan
        jobs.append(OutputJob(path: ArticleCatalogFile.path) { ArticleCatalogFile(plan: plan).serialized() })
        for sitemap in roots.sitemaps(limit: sitemapURLLimit) {
            jobs.append(OutputJob(path: sitemap.path, render: sitemap.render))
        }
        for asset in SiteAssets.all {
            jobs.append(OutputJob(path: "assets/\(asset.name)") { asset.bytes })
        }
        if !Redirects.aliases(of: plan).isEmpty {
            jobs.append(OutputJob(path: Redirects.fileName) { Redirects.file(for: plan) })
        }
        let brand = plan.configuration.brand
        if brand.hasColors {
            jobs.append(OutputJob(path: "assets/brand.css") { BrandStylesheet.css(for: brand) })
        }
        if let logo = brand.logo, !logo.readPath.isEmpty {
            jobs.append(Self.imageJob(logo))
        }
        if let sheet = brand.stylesheetReadPath {
            jobs.append(OutputJob(path: "assets/extra.css") { FileManager.default.contents(atPath: sheet).map { [UInt8]($0) } ?? [] })
        }
        return jobs
    }

    /// An image file, linked or copied into the site.
    static func imageJob(_ image: ImageFile) -> OutputJob {
        OutputJob(path: image.sitePath, render: { bytes(of: image) }, linkSource: image.readPath)
    }

    /// What renders one locale's files; nil for a locale without a chrome catalog.
    func localeFiles(_ locale: String) -> LocaleFiles? {
        guard let chrome = chromes[locale] else { return nil }
        let languageNames = chromes.mapValues { $0[.languageName] }
        let layout = PageLayout(plan: plan, chrome: chrome, csp: csp)
        return LocaleFiles(
            locale: locale, plan: plan, pages: LocalePages(layout: layout, languageNames: languageNames),
            articlePage: ArticlePage(layout: layout, links: links, dates: dates, languageNames: languageNames, verification: verification))
    }

    /// One locale's files, by kind: what a whole build lists and an edit picks from.
    struct LocaleFiles {
        let locale: String
        let plan: SitePlan
        let pages: LocalePages
        let articlePage: ArticlePage

        /// The home page, the category pages, the search page and the 404 pages.
        func pageJobs() -> [OutputJob] {
            var jobs: [OutputJob] = [OutputJob(path: "\(locale)/index.html") { pages.home() }]
            for category in plan.configuration.categoryOrder where plan.hasCategoryPage(category, in: locale) {
                jobs.append(OutputJob(path: "\(locale)/\(SitePlan.categoryPath(category))index.html") { pages.category(category) })
            }
            jobs.append(OutputJob(path: "\(locale)/search/index.html") { pages.search() })
            jobs.append(OutputJob(path: "\(locale)/404.html") { pages.notFound() })
            if locale == plan.configuration.defaultLocale {
                jobs.append(OutputJob(path: "404.html") { pages.notFound() })
            }
            return jobs
        }

        /// The search index's files, below `<locale>/search/`.
        func searchJobs(_ index: SearchIndex?) -> [OutputJob] {
            (index?.files ?? []).map { file in OutputJob(path: "\(locale)/search/\(file.path)", render: file.render) }
        }

        func articleJob(at index: Int) -> OutputJob {
            OutputJob(path: plan.directory(ofArticleAt: index) + "index.html") { articlePage.render(articleAt: index) }
        }

        /// The pages at former slugs, which send readers on to the article.
        func aliasJobs() -> [OutputJob] {
            Redirects.aliases(of: plan).filter { $0.locale == locale }.map { alias in
                OutputJob(path: alias.path + "index.html") { articlePage.redirect(alias) }
            }
        }
    }

    /// The image files the built articles show (an image only a left-out draft shows is not
    /// copied), in path order.
    static func usedImages(of plan: SitePlan) -> [ImageFile] {
        // By index: a key path applied to each article copies it.
        var used: Set<String> = []
        for index in plan.articles.indices { used.formUnion(plan.articles[index].imageFiles.values) }
        return used.sorted().compactMap { plan.images[$0] }
    }

    /// The file's bytes, copied as they are; empty when it went away since it was measured
    /// (the next build reports it missing).
    static func bytes(of image: ImageFile) -> [UInt8] {
        FileSystem.read(image.readPath) ?? []
    }
}

/// Finds links that would be broken or unsafe on the site, before anything is written.
enum LinkCheck {
    /// Checks every article's links, on every core; diagnostics come back in article order.
    static func check(_ articles: [Article], with links: LinkResolver) -> [Diagnostic] {
        let found = ParallelResults<[Diagnostic]>(count: articles.count)
        DispatchQueue.concurrentPerform(iterations: articles.count) { index in
            var diagnostics: [Diagnostic] = []
            if let mentions = articles[index].links {
                // The parser listed them: no need to walk the tree again.
                for mention in mentions {
                    guard case .resolved(let resolution) = links.target(of: mention.destination, in: articles[index], isImage: mention.isImage)
                    else { continue }  // an article: the link leads somewhere
                    report(resolution, mention.destination, at: mention.range.start, articles[index].file, links.draftLinksShowAsText, &diagnostics)
                }
                found.store(diagnostics, at: index)
                return
            }
            let article = articles[index]
            visit(article.intro, article: article, links: links, into: &diagnostics)
            for section in article.sections {
                visit(section.title, article: article, links: links, into: &diagnostics)
                visit(section.blocks, article: article, links: links, into: &diagnostics)
            }
            found.store(diagnostics, at: index)
        }
        return found.values.flatMap { $0 }
    }

    private static func visit(_ blocks: [Block], article: Article, links: LinkResolver, into diagnostics: inout [Diagnostic]) {
        for block in blocks {
            switch block {
            case .paragraph(let paragraph): visit(paragraph.content, article: article, links: links, into: &diagnostics)
            case .procedure(let procedure):
                for step in procedure.steps {
                    visit(step.sentence, article: article, links: links, into: &diagnostics)
                    visit(step.details, article: article, links: links, into: &diagnostics)
                }
            case .note(let note): visit(note.blocks, article: article, links: links, into: &diagnostics)
            case .list(let list): for item in list.items { visit(item, article: article, links: links, into: &diagnostics) }
            case .code: break
            case .table(let table):
                for cell in table.allRows.joined() { visit(cell.content, article: article, links: links, into: &diagnostics) }
            }
        }
    }

    private static func visit(_ inlines: [Inline], article: Article, links: LinkResolver, into diagnostics: inout [Diagnostic]) {
        for inline in inlines {
            switch inline.kind {
            case .link(let destination, _, let children):
                report(links.resolve(destination, in: article), destination, at: inline.range.start, article.file, links.draftLinksShowAsText, &diagnostics)
                visit(children, article: article, links: links, into: &diagnostics)
            case .image(let source, _, _):
                report(links.resolve(source, in: article, isImage: true), source, at: inline.range.start, article.file, links.draftLinksShowAsText, &diagnostics)
            case .strong(let children), .emphasis(let children):
                visit(children, article: article, links: links, into: &diagnostics)
            default: break
            }
        }
    }

    private static func report(
        _ resolution: LinkResolver.Resolution, _ destination: String, at location: SourceLocation, _ file: String,
        _ draftLinksShowAsText: Bool, _ diagnostics: inout [Diagnostic]
    ) {
        switch resolution {
        case .url, .unparsedArticle: break
        case .draftArticle(let path) where draftLinksShowAsText:
            diagnostics.append(.warning(
                "link to '\(path)' leads to a draft (draft: true), which the build leaves out; the link shows as text "
                    + "(--keep-going) until the draft is published or the link removed",
                file: file, at: location))
        case .draftArticle(let path):
            diagnostics.append(.error(
                "link to '\(path)' leads to a draft (draft: true), which the build leaves out; publish it or remove the link "
                    + "(build --drafts and serve show drafts)",
                file: file, at: location))
        case .leftOutArticle(let path, let target):
            diagnostics.append(.warning(
                "link to '\(path)' leads to \(target), which has errors and is left out of this build (--keep-going); "
                    + "the link shows as text until that article is fixed",
                file: file, at: location))
        case .missingArticle(let path):
            diagnostics.append(.error(
                "link to '\(path)' matches no article of the content; fix the path (relative to this file)",
                file: file, at: location))
        case .unsafe:
            diagnostics.append(.warning(
                "link to '\(destination.prefix(40))' could run code and is dropped; only the text is shown",
                file: file, at: location))
        }
    }
}
