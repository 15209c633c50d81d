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
        let (published, drafts) = Drafts.published(content, includingDrafts: options.includeDrafts)
        report.draftsLeftOut = drafts.count
        let (prepared, findings) = SiteRenderer.prepare(published, searchCache: searchCache, draftFiles: drafts)
        report.diagnostics = findings
        guard var site = prepared, findings.errorCount == 0 else { return (report, nil) }
        site.sitemapURLLimit = options.sitemapURLLimit
        site.verification = options.verification
        report.diagnostics += Redirects.slugChanges(since: options.output, plan: site.plan)
        let writer = SiteWriter(output: options.output, clean: options.clean, progress: options.progress)
        do {
            report.record(try writer.write(site.jobs))
        } catch {
            throw WriteError(description: error.description)
        }
        return (report, site.plan)
    }
}
