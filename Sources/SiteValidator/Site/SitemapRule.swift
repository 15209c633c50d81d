internal import Foundation
internal import HTMLReader
internal import HelpModel

/// The sitemap lists exactly the pages that exist and may be indexed: every `<loc>` opens a page,
/// and every page without `noindex` has a `<loc>`. Follows a sitemap index to its sitemaps.
struct SitemapRule {
    let siteFolder: URL
    let displayRoot: String
    let index: SiteIndex
    let address: SiteAddress

    func findings() -> [Finding] {
        var findings: [Finding] = []
        var listed: Set<String> = []
        var pending = ["sitemap.xml"]
        var visited: Set<String> = []
        guard index.files.contains("sitemap.xml") else {
            return [Finding(.sitemap, .error("the site has no sitemap.xml", file: displayRoot + "sitemap.xml", at: SourceLocation(line: 1, column: 1)))]
        }
        while let name = pending.popLast() {
            guard visited.insert(name).inserted else { continue }
            let file = displayRoot + name
            guard let text = try? String(contentsOf: siteFolder.appendingPathComponent(name), encoding: .utf8) else {
                findings.append(Finding(.sitemap, .error("the sitemap cannot be read as UTF-8", file: file, at: SourceLocation(line: 1, column: 1))))
                continue
            }
            let document = HTMLDocument(parsingXML: text)
            for error in document.errors {
                findings.append(Finding(.sitemap, .error("the sitemap is not well-formed XML: \(error.message)", file: file, at: SourceLocation(line: error.line, column: error.column))))
            }
            let isIndex = document.nodes.first { $0.kind == .element }?.name == "sitemapindex"
            for loc in document.elements(named: "loc") {
                let url = document.text(of: loc)
                // Columns are looked up only for a finding: finding a line is a scan of the file.
                var location: SourceLocation {
                    let line = Int(document.nodes[loc].line)
                    return SourceLocation(line: line, column: document.column(of: url, onLine: line) ?? 1)
                }
                guard case .site(let path, _) = address.resolve(url, fromPage: "") else {
                    findings.append(Finding(.sitemap, .error("\(url) is not an address of this site (\(address.origin)\(address.basePath))", file: file, at: location)))
                    continue
                }
                guard let target = index.file(at: path) else {
                    findings.append(Finding(.sitemap, .error("\(url) is listed, but \(path.isEmpty ? "index.html" : path) is not in the site", file: file, at: location)))
                    continue
                }
                if isIndex {
                    pending.append(target)
                } else if !listed.insert(target).inserted {
                    findings.append(Finding(.sitemap, .error("\(url) is listed twice", file: file, at: location)))
                } else if index.pages[target]?.isIndexable == false {
                    findings.append(Finding(.sitemap, .error("\(url) is listed, but the page asks not to be indexed (noindex)", file: file, at: location)))
                }
            }
        }
        for page in index.pages.values.sorted(by: { $0.path < $1.path }) where page.isIndexable && !listed.contains(page.path) {
            findings.append(Finding(.sitemap, .error("\(page.path) is an indexable page missing from the sitemap; list it or mark it noindex", file: displayRoot + "sitemap.xml", at: SourceLocation(line: 1, column: 1))))
        }
        return findings
    }
}
