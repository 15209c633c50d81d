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
    public static func run(site: URL, displayPath: String, expectations: SiteExpectations) throws -> ValidationReport {
        guard let files = SiteFiles.list(site.path) else {
            throw UnreadableSiteError(description: "\(displayPath): no such folder, or it cannot be read; build the site first (`helpcenter build` or `make site`)")
        }
        let sitePath = site.path
        let displayRoot = displayPath.hasSuffix("/") ? displayPath : displayPath + "/"
        let address = SiteAddress(baseURL: expectations.baseURL)
        let pagePaths = files.filter { $0.hasSuffix(".html") }.sorted()

        let inspected = ParallelResults<(PageSummary, [Finding])>(count: pagePaths.count)
        DispatchQueue.concurrentPerform(iterations: pagePaths.count) { position in
            let path = pagePaths[position]
            let file = displayRoot + path
            guard let bytes = SiteFiles.read(sitePath + "/" + path) else {
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
        let index = SiteIndex(files: files, pages: Dictionary(uniqueKeysWithValues: results.map { ($0.0.path, $0.0) }))

        // The sitemap is one file read by one thread: it runs beside the links of the pages.
        let crossPage = CrossPageRules(index: index, displayRoot: displayRoot, sitePath: sitePath)
        let sitemap = SitemapRule(siteFolder: site, displayRoot: displayRoot, index: index, address: address)
        let linked = ParallelResults<[Finding]>(count: results.count + 1)
        DispatchQueue.concurrentPerform(iterations: results.count + 1) { position in
            linked.store(position == 0 ? sitemap.findings() : crossPage.findings(for: results[position - 1].0), at: position)
        }
        let findings = results.flatMap(\.1) + linked.values.flatMap { $0 }
        return ValidationReport(pages: pagePaths.map { displayRoot + $0 }, findings: findings)
    }

    private static func emptySummary(_ path: String) -> PageSummary {
        PageSummary(
            path: path, urlPath: PageSummary.urlPath(ofFile: path), ids: [], references: [], alternates: [], lang: nil,
            isIndexable: false)
    }

}
