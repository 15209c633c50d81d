public import Foundation
internal import HTMLReader
public import HelpModel

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
        let files = try listFiles(in: site, displayPath: displayPath)
        let displayRoot = displayPath.hasSuffix("/") ? displayPath : displayPath + "/"
        let address = SiteAddress(baseURL: expectations.baseURL)
        let pagePaths = files.filter { $0.hasSuffix(".html") }.sorted()

        let inspected = ParallelResults<(PageSummary, [Finding])>(count: pagePaths.count)
        DispatchQueue.concurrentPerform(iterations: pagePaths.count) { position in
            let path = pagePaths[position]
            let file = displayRoot + path
            guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(path).path) else {
                let finding = Finding(.htmlParse, .error("the page cannot be read", file: file, at: SourceLocation(line: 1, column: 1)))
                inspected.store((emptySummary(path), [finding]), at: position)
                return
            }
            let text = String(decoding: data, as: UTF8.self)
            var inspection = PageInspection(
                document: HTMLDocument(parsing: text), path: path, file: file, expectations: expectations,
                address: address)
            let summary = inspection.run()
            inspected.store((summary, inspection.findings), at: position)
        }
        let results = inspected.values
        let index = SiteIndex(files: files, pages: Dictionary(uniqueKeysWithValues: results.map { ($0.0.path, $0.0) }))

        let crossPage = CrossPageRules(index: index, displayRoot: displayRoot)
        let linked = ParallelResults<[Finding]>(count: results.count)
        DispatchQueue.concurrentPerform(iterations: results.count) { position in
            linked.store(crossPage.findings(for: results[position].0), at: position)
        }
        var findings = results.flatMap(\.1) + linked.values.flatMap { $0 }
        findings += SitemapRule(siteFolder: site, displayRoot: displayRoot, index: index, address: address).findings()
        return ValidationReport(pages: pagePaths.map { displayRoot + $0 }, findings: findings)
    }

    private static func emptySummary(_ path: String) -> PageSummary {
        PageSummary(
            path: path, urlPath: PageSummary.urlPath(ofFile: path), ids: [], references: [], alternates: [], lang: nil,
            isIndexable: false)
    }

    /// Every regular file under the folder, relative to it; hidden files (the build manifest,
    /// staging folders) are not part of the site.
    private static func listFiles(in site: URL, displayPath: String) throws -> Set<String> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UnreadableSiteError(description: "\(displayPath): no such folder; build the site first (`helpcenter build` or `make site`)")
        }
        guard let enumerator = FileManager.default.enumerator(at: site, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw UnreadableSiteError(description: "\(displayPath): the folder cannot be listed")
        }
        let rootLength = site.standardizedFileURL.path.count + 1
        var files: Set<String> = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            files.insert(String(url.standardizedFileURL.path.dropFirst(rootLength)))
        }
        return files
    }
}
