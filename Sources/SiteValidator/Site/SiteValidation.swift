public import Foundation
internal import HTMLReader
internal import HelpModel

/// Reads a built site back and checks what a person, a browser and a crawler rely on.
///
/// Pages are read and checked in parallel, each reduced to a ``PageSummary`` once its own rules
/// have run; links, fragments, alternates and the sitemap are then checked against all of them.
public enum SiteValidation {
    /// The site folder is missing or cannot be listed: a usage problem (exit 2), not a finding.
    public struct UnreadableSiteError: Error, CustomStringConvertible {
        public let description: String
    }

    /// - Parameters:
    ///   - site: the folder `helpcenter build` wrote.
    ///   - displayPath: how findings name that folder (`site`), as the user typed it.
    ///   - keepAlive: receives the page summaries before they go out of scope; a command that
    ///     ends right after can keep them until exit instead of freeing 20,000 of them one by one.
    public static func run(
        site: URL, displayPath: String, expectations: SiteExpectations, keepAlive: (Any) -> Void = { _ in }
    ) throws -> ValidationReport {
        guard let files = FileSystem.list(site.path) else {
            throw UnreadableSiteError(description: "\(displayPath): no such folder, or it cannot be read; build the site first (`helpcenter build` or `make site`)")
        }
        let sitePath = site.path
        let displayRoot = displayPath.hasSuffix("/") ? displayPath : displayPath + "/"
        let address = SiteAddress(baseURL: expectations.baseURL)
        let pagePaths = files.filter { $0.hasSuffix(".html") }.sorted()

        // Job 0 runs beside the pages: the table of the site's files, then the sitemap, which is
        // one file one thread reads.
        let beside = ParallelResults<(SiteFiles, SitemapRule, SitemapRule.Listing)>(count: 1)
        let inspected = ParallelResults<(PageSummary, [Finding])>(count: pagePaths.count)
        DispatchQueue.concurrentPerform(iterations: pagePaths.count + 1) { job in
            guard job > 0 else {
                let siteFiles = SiteFiles(files)
                let sitemap = SitemapRule(sitePath: sitePath, displayRoot: displayRoot, files: siteFiles, address: address)
                beside.store((siteFiles, sitemap, sitemap.read()), at: 0)
                return
            }
            let position = job - 1
            let path = pagePaths[position]
            let file = displayRoot + path
            guard let bytes = FileSystem.read(sitePath + "/" + path) else {
                let finding = Finding(.htmlParse, .error("the page cannot be read", file: file, at: SourceLocation(line: 1, column: 1)))
                inspected.store((emptySummary(path), [finding]), at: position)
                return
            }
            var inspection = PageInspection(
                document: HTMLDocument(parsing: bytes), path: path, file: file, expectations: expectations,
                address: address)
            let summary = inspection.run()
            inspected.store((summary, inspection.findings), at: position)
        }
        let results = inspected.values
        guard let (siteFiles, sitemap, sitemapListing) = beside.values.first else { return ValidationReport() }
        let index = SiteIndex(files: siteFiles, pages: Dictionary(uniqueKeysWithValues: results.map { ($0.0.path, $0.0) }))

        let crossPage = CrossPageRules(index: index, displayRoot: displayRoot, sitePath: sitePath)
        let linked = ParallelResults<[Finding]>(count: results.count)
        DispatchQueue.concurrentPerform(iterations: results.count) { position in
            linked.store(crossPage.findings(for: results[position].0), at: position)
        }
        var findings = results.flatMap(\.1) + linked.values.flatMap { $0 }
        findings += sitemap.findings(sitemapListing, pages: index.pages, in: pagePaths)
        findings += RedirectsFileRule(sitePath: sitePath, displayRoot: displayRoot, files: siteFiles, address: address).findings()
        keepAlive(index)
        return ValidationReport(pages: pagePaths.map { displayRoot + $0 }, findings: findings)
    }

    private static func emptySummary(_ path: String) -> PageSummary {
        PageSummary(
            path: path, urlPath: PageSummary.urlPath(ofFile: path), ids: [], references: [], alternates: [], lang: nil,
            isIndexable: false)
    }

}
