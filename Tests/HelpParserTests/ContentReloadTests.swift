import Foundation
import HelpModel
import HelpParser
import Testing
import TestSupport

/// Watch mode's reload of edited articles: an edit that keeps what other files see is put in
/// place of the former article, any other is assembled with every cross-file check again, and
/// either way the result is the one a full load of the same files gives.
@Suite("Content reload")
struct ContentReloadTests {
    static let body = """
        Texte avec une capture : ![Le menu](images/menu.png).

        ## Étapes

        1. Connectez-vous.
        """

    /// Three French articles, two of them showing images, and a loaded result of them.
    private func fixture() throws -> (TemporaryContent, ContentLoader, ContentLoadResult) {
        let content = try TemporaryContent()
        try content.write("fr/a.md", frenchArticle(id: "a", title: "Article A", body: Self.body))
        try content.write("fr/b.md", frenchArticle(id: "b", title: "Article B", body: Self.body))
        try content.write("fr/c.md", frenchArticle(id: "c", title: "Article C", body: "Texte sans image."))
        try content.write("images/menu.png", bytes: TestImages.png(width: 4, height: 3))
        try content.write("images/seul.png", bytes: TestImages.png(width: 2, height: 2))
        try content.write("fr/d.md", frenchArticle(id: "d", title: "Article D", body: "Seule : ![Seule](images/seul.png)."))
        let loader = ContentLoader(workingDirectory: content.directory.path)
        let loaded = try loader.load(root: "content")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.formatted))")
        return (content, loader, loaded)
    }

    /// Rewrites an article, reloads it as the watcher does, and compares with a full load.
    private func reload(
        _ file: String, in loaded: inout ContentLoadResult, content: TemporaryContent, loader: ContentLoader,
        _ change: (String) -> String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> ContentLoadResult {
        let url = content.root.appendingPathComponent(file)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        loader.reload(["content/\(file)"], in: &loaded, imagesUnchanged: true)
        let full = try loader.load(root: "content")
        #expect(loaded.articles == full.articles, sourceLocation: sourceLocation)
        #expect(loaded.diagnostics.map(\.formatted) == full.diagnostics.map(\.formatted), sourceLocation: sourceLocation)
        #expect(loaded.images == full.images, sourceLocation: sourceLocation)
        #expect(loaded.byteCount == full.byteCount && loaded.fileCount == full.fileCount, sourceLocation: sourceLocation)
        return full
    }

    @Test("a body edit is the article a full load reads, with its images, in its place")
    func bodyEdit() throws {
        var (content, loader, loaded) = try fixture()
        defer { content.remove() }
        let full = try reload("fr/b.md", in: &loaded, content: content, loader: loader) {
            $0.replacingOccurrences(of: "Texte avec", with: "Un texte bien plus long avec")
        }
        let edited = try #require(loaded.articles.first { $0.id == "b" })
        #expect(edited.imageFiles == ["images/menu.png": "content/images/menu.png"])
        #expect(loaded.articles.map(\.id) == ["a", "b", "c", "d"])
        #expect(full.byteCount > 0)
    }

    @Test("a slug or id another article has is found again, as in a full load")
    func duplicateKeys() throws {
        var (content, loader, loaded) = try fixture()
        defer { content.remove() }
        _ = try reload("fr/c.md", in: &loaded, content: content, loader: loader) {
            $0.replacingOccurrences(of: "id: c", with: "id: a")
        }
        #expect(loaded.diagnostics.contains { $0.formatted.contains("id 'a' is already used by another fr article") })
        #expect(loaded.articles.map(\.id) == ["a", "b", "d"], "the duplicate is left out")
        // Fixed again: back in its place, with no finding.
        _ = try reload("fr/c.md", in: &loaded, content: content, loader: loader) {
            $0.replacingOccurrences(of: "id: a", with: "id: c")
        }
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.articles.map(\.id) == ["a", "b", "c", "d"])
    }

    @Test("an unknown category is an error again on reload")
    func unknownCategory() throws {
        var (content, loader, loaded) = try fixture()
        defer { content.remove() }
        _ = try reload("fr/a.md", in: &loaded, content: content, loader: loader) {
            $0.replacingOccurrences(of: "category: account", with: "category: nulle-part")
        }
        #expect(loaded.diagnostics.errorCount == 1)
        #expect(loaded.diagnostics.first?.formatted.contains("category 'nulle-part' is not in") == true)
    }

    @Test("an image no article shows any more is reported unused; one still shown elsewhere is not")
    func imageDropped() throws {
        var (content, loader, loaded) = try fixture()
        defer { content.remove() }
        _ = try reload("fr/a.md", in: &loaded, content: content, loader: loader) {
            $0.replacingOccurrences(of: "![Le menu](images/menu.png)", with: "le menu")
        }
        #expect(loaded.diagnostics.isEmpty, "b still shows menu.png")
        #expect(loaded.articles.first { $0.id == "a" }?.imageFiles == [:])
        _ = try reload("fr/d.md", in: &loaded, content: content, loader: loader) {
            $0.replacingOccurrences(of: "![Seule](images/seul.png)", with: "rien")
        }
        #expect(loaded.diagnostics.map(\.formatted) == [
            "content/images/seul.png:1:1: warning: image is shown by no article; remove it, or show it as ![what it shows](images/seul.png)",
        ])
        #expect(loaded.images["content/images/seul.png"] == nil)
        // Shown again, by another article: measured as before, the warning gone.
        _ = try reload("fr/c.md", in: &loaded, content: content, loader: loader) {
            $0.replacingOccurrences(of: "Texte sans image.", with: "![Seule](images/seul.png)")
        }
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.images["content/images/seul.png"]?.width == 2)
    }

    @Test("an edit that breaks an article, then one that mends it")
    func breakAndMend() throws {
        var (content, loader, loaded) = try fixture()
        defer { content.remove() }
        _ = try reload("fr/b.md", in: &loaded, content: content, loader: loader) {
            $0.replacingOccurrences(of: "1. Connectez-vous.", with: "1. Dansez.")
        }
        #expect(loaded.diagnostics.errorCount == 1)
        #expect(loaded.articles.map(\.id) == ["a", "c", "d"])
        _ = try reload("fr/b.md", in: &loaded, content: content, loader: loader) {
            $0.replacingOccurrences(of: "1. Dansez.", with: "1. Connectez-vous.")
        }
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.articles.map(\.id) == ["a", "b", "c", "d"])
    }
}
