@testable import SiteGenerator
import Testing

/// The order the writer's threads take the files in: one from each folder in turn, so that two
/// threads seldom make entries in the same folder at once; every file once.
@Suite("Write order")
struct WriteOrderTests {
    static func jobs(_ paths: [String]) -> [OutputJob] {
        paths.map { path in OutputJob(path: path) { [] } }
    }

    @Test("pages of two locales, images and result files alternate; each job comes once")
    func interleaved() {
        let paths = (0..<4).map { "fr/page-\($0)/index.html" } + (0..<3).map { "en/page-\($0)/index.html" }
            + (0..<2).map { "images/\($0).png" } + ["fr/search/docs/1.js", "index.html"]
        let order = SiteWriter.interleavedByFolder(Self.jobs(paths)).map { paths[$0] }
        #expect(order.sorted() == paths.sorted(), "a permutation")
        // Folders in the order they first appear: fr/, en/, the root (images/0.png makes its
        // entry in images/, index.html in the root: both "" here), fr/search/.
        #expect(order == [
            "fr/page-0/index.html", "en/page-0/index.html", "images/0.png", "fr/search/docs/1.js",
            "fr/page-1/index.html", "en/page-1/index.html", "images/1.png",
            "fr/page-2/index.html", "en/page-2/index.html", "index.html",
            "fr/page-3/index.html",
        ], "one per folder in turn: \(order)")
    }
}
