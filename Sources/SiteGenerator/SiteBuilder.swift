internal import Dispatch
internal import Foundation
public import HelpModel

/// Turns the content model into the static site: every page, the search indexes, the sitemap.
///
/// The build checks everything that can fail (chrome catalogs, links between articles) before
/// writing anything, so a failed build leaves the previous site byte for byte. A first build
/// writes a staging folder beside the output and swaps it in; later builds render every page
/// in memory and write only the files whose content hash changed (see ``BuildManifest``).
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        /// The output folder, `site` by default.
        public var output: String
        /// Rebuild into a fresh folder and swap it in, ignoring what is on disk.
        public var clean: Bool
        /// Called now and then with (files done, files in all) while writing.
        public var progress: (@Sendable (Int, Int) -> Void)?
        /// URLs per sitemap file (the protocol allows 50,000); past it `sitemap.xml` becomes an
        /// index of `sitemap-N.xml` files. Lower it for hosts or tests that need smaller files.
        public var sitemapURLLimit = 50_000
        /// Build drafts (`draft: true`) too, each with a banner and out of the sitemap
        /// (`build --drafts`, `serve`); by default they are left out of the site.
        public var includeDrafts: Bool
        /// What a check run proved (`build --verification FILE`): each procedure that passed
        /// shows "Vérifié le …" (chrome `procedure.verified`); nil shows none.
        public var verification: VerificationReport?
        /// `build --keep-going`: an article with an error is left out and the site is written
        /// from the others (a link to a left-out article is a warning, and shows as text);
        /// only an error that is no article's (a chrome catalog) stops the build. By default
        /// any error stops it and nothing is written.
        public var keepGoing = false
        /// The articles with errors the loading found (``keepGoing`` only): left out from the start.
        public var leftOut: [LeftOutArticle] = []

        public init(
            output: String = "site", clean: Bool = false, includeDrafts: Bool = false,
            progress: (@Sendable (Int, Int) -> Void)? = nil
        ) {
            self.output = output
            self.clean = clean
            self.includeDrafts = includeDrafts
            self.progress = progress
        }
    }

    /// What a build did.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        /// Files written because they are new or changed.
        public var written = 0
        /// Files whose content was already on disk.
        public var unchanged = 0
        /// Files of the previous build that no longer exist.
        public var removed = 0
        /// HTML pages among the written files.
        public var pagesWritten = 0
        /// The files written, relative to the output folder.
        public var writtenPaths: [String] = []
        /// Drafts left out of the site (none with ``Options/includeDrafts``).
        public var draftsLeftOut = 0
        /// Articles with errors left out of the site (``Options/keepGoing``), by file.
        public var leftOut: [LeftOutArticle] = []
        /// Whether the site was written: always when ``succeeded``, and with ``Options/keepGoing``
        /// also when articles with errors were left out.
        public var siteWritten = false
        /// Articles the written site has pages for.
        public var articlesBuilt = 0
        public var succeeded: Bool { diagnostics.errorCount == 0 }

        public init(diagnostics: [Diagnostic] = []) {
            self.diagnostics = diagnostics
        }
    }

    /// The chrome catalogs or links are wrong, or a file could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    let content: HelpContent
    let options: Options

    public init(content: HelpContent, options: Options = Options()) {
        self.content = content
        self.options = options
    }

    /// Checks, renders and writes the site.
    /// - Throws: ``WriteError`` when the disk refuses a write (the content is not at fault).
    public func build() throws(WriteError) -> Report {
        try build(searchCache: SearchEntryCache(keeping: false)).report
    }

    /// The build, also giving the plan it used (watch mode keeps both for the next edit).
    func build(searchCache: SearchEntryCache) throws(WriteError) -> (report: Report, plan: SitePlan?) {
        var report = Report()
        let split = Drafts.published(content, includingDrafts: options.includeDrafts)
        var published = split.content
        let drafts = split.leftOut
        report.draftsLeftOut = drafts.count
        var leftOut = options.keepGoing ? options.leftOut : []
        var prepared: SiteRenderer?
        // With --keep-going, an error the build's own checks find at an article (a link to no
        // article, a related id, an alias) leaves that article out too, and the checks run again
        // on the rest; each round leaves out at least one article, so this ends.
        while true {
            let excluded = Set(leftOut.map(\.file))
            if !excluded.isEmpty { published.articles.removeAll { excluded.contains($0.file) } }
            let (site, findings) = SiteRenderer.prepare(
                published, searchCache: searchCache, draftFiles: drafts, leftOut: leftOut, keepGoing: options.keepGoing)
            guard options.keepGoing, findings.errorCount > 0 else {
                report.diagnostics += findings
                prepared = site
                break
            }
            let articles = Dictionary(published.articles.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
            let errors = findings.filter { $0.severity == .error }
            guard errors.allSatisfy({ articles[$0.file] != nil }) else {
                report.diagnostics += findings  // an error no article's: nothing can be written
                break
            }
            report.diagnostics += errors
            for file in Set(errors.map(\.file)).sorted() {
                guard let article = articles[file] else { continue }
                leftOut.append(LeftOutArticle(file: file, locale: article.locale, id: article.id))
            }
        }
        report.leftOut = leftOut.sorted()
        guard var site = prepared, report.diagnostics.errorCount == 0 || options.keepGoing else { return (report, nil) }
        site.sitemapURLLimit = options.sitemapURLLimit
        site.verification = options.verification
        report.diagnostics += Redirects.slugChanges(since: options.output, plan: site.plan)
        let writer = SiteWriter(output: options.output, clean: options.clean, progress: options.progress)
        do {
            report.record(try writer.write(site.jobs()))
        } catch {
            throw WriteError(description: error.description)
        }
        report.siteWritten = true
        report.articlesBuilt = published.articles.count
        return (report, site.plan)
    }
}
