internal import HTMLReader
internal import HelpModel

/// The sitemap lists exactly the pages that exist and may be indexed: every `<loc>` opens a page,
/// and every page without `noindex` has a `<loc>`. Follows a sitemap index to its sitemaps.
///
/// In two parts: ``read()`` needs only the site's files, so it runs beside the pages
/// (a 20,000-URL sitemap is one file one thread reads); ``findings(_:pages:in:)`` then compares.
struct SitemapRule {
    let sitePath: String
    let displayRoot: String
    let files: SiteFiles
    let address: SiteAddress

    /// A `<loc>` that opens a file of the site, and where it is written.
    struct Entry {
        let url: String
        let target: String
        let sitemap: Int
        let line: Int
    }

    /// What the sitemaps list, and the problems found while reading them.
    struct Listing {
        var entries: [Entry] = []
        var findings: [Finding] = []
        /// Each sitemap read: its path under the site, and its lines for columns.
        var sitemaps: [(path: String, lines: PageLines)] = []
    }

    func read() -> Listing {
        var listing = Listing()
        guard files.files.contains("sitemap.xml") else {
            listing.findings.append(Finding(.sitemap, .error("the site has no sitemap.xml", file: displayRoot + "sitemap.xml", at: SourceLocation(line: 1, column: 1))))
            return listing
        }
        var pending = ["sitemap.xml"]
        var visited: Set<String> = []
        while let name = pending.popLast() {
            guard visited.insert(name).inserted else { continue }
            let file = displayRoot + name
            guard let bytes = FileSystem.read(sitePath + "/" + name) else {
                listing.findings.append(Finding(.sitemap, .error("the sitemap cannot be read", file: file, at: SourceLocation(line: 1, column: 1))))
                continue
            }
            let document = HTMLDocument(parsingXML: String(decoding: bytes, as: UTF8.self))
            listing.sitemaps.append((name, PageLines(bytes)))
            let sitemap = listing.sitemaps.count - 1
            for error in document.errors {
                listing.findings.append(Finding(.sitemap, .error("the sitemap is not well-formed XML: \(error.message)", file: file, at: SourceLocation(line: error.line, column: error.column))))
            }
            let isIndex = document.nodes.first { $0.kind == .element }?.name == "sitemapindex"
            for loc in document.elements(named: "loc") {
                let url = document.text(of: loc)
                let line = Int(document.nodes[loc].line)
                guard case .site(let path, _) = address.resolve(url, fromPage: "") else {
                    listing.findings.append(finding(in: listing, sitemap, line, url, "\(url) is not an address of this site (\(address.origin)\(address.basePath))"))
                    continue
                }
                guard let target = files.file(at: path) else {
                    listing.findings.append(finding(in: listing, sitemap, line, url, "\(url) is listed, but \(path.isEmpty ? "index.html" : path) is not in the site"))
                    continue
                }
                if isIndex {
                    pending.append(target)
                } else {
                    listing.entries.append(Entry(url: url, target: target, sitemap: sitemap, line: line))
                }
            }
        }
        return listing
    }

    /// Compares what the sitemaps list with the pages: each listed once, none `noindex`, every
    /// indexable page listed.
    /// - Parameter order: the pages' paths in the order missing ones are reported.
    func findings(_ listing: Listing, pages: [String: PageSummary], in order: [String]) -> [Finding] {
        var findings = listing.findings
        var listed: Set<String> = []
        for entry in listing.entries {
            if !listed.insert(entry.target).inserted {
                findings.append(finding(in: listing, entry.sitemap, entry.line, entry.url, "\(entry.url) is listed twice"))
            } else if pages[entry.target]?.isIndexable == false {
                findings.append(finding(in: listing, entry.sitemap, entry.line, entry.url, "\(entry.url) is listed, but the page asks not to be indexed (noindex)"))
            }
        }
        for path in order where pages[path]?.isIndexable == true && !listed.contains(path) {
            findings.append(Finding(.sitemap, .error("\(path) is an indexable page missing from the sitemap; list it or mark it noindex", file: displayRoot + "sitemap.xml", at: SourceLocation(line: 1, column: 1))))
        }
        return findings
    }

    /// A finding at a `<loc>`; its column is looked up only now (finding a line scans the file).
    private func finding(in listing: Listing, _ sitemap: Int, _ line: Int, _ url: String, _ message: String) -> Finding {
        let (path, lines) = listing.sitemaps[sitemap]
        let location = SourceLocation(line: line, column: lines.column(of: url, onLine: line) ?? 1)
        return Finding(.sitemap, .error(message, file: displayRoot + path, at: location))
    }
}
