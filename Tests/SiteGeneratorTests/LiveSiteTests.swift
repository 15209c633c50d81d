import Foundation
import HelpModel
import HelpParser
import SiteGenerator
import Testing
import TestSupport

/// Watch mode's in-memory rebuild: only what an edit affects is rendered, and the site ends
/// up exactly as a full build would make it.
@Suite("Live rebuild")
struct LiveSiteTests {
    static func edit(_ site: SiteFixture, _ path: String, _ change: (String) -> String) throws {
        let url = site.content.root.appendingPathComponent(path)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    static func isSearchFile(_ path: String) -> Bool { path.contains("/search/") && path.hasSuffix(".js") }

    @Test("an edited article rewrites its page, its locale's home and search index, and nothing else")
    func localEdit() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.content.write("fr/autre.md", frenchArticle(id: "autre", title: "Un autre article", body: "Texte."))
        let loader = ContentLoader(workingDirectory: site.content.directory.path)
        let loaded = try site.loadContent()
        let live = LiveSite(output: site.siteURL.path)
        #expect(try live.rebuildAll(content: try #require(loaded.content)).written == 45)
        try Self.edit(site, "fr/modifier-identifiants-connexion.md") {
            $0.replacingOccurrences(of: "title: Comment modifier", with: "title: Comment changer")
        }
        let file = "content/fr/modifier-identifiants-connexion.md"
        let reloaded = loader.reload([file], in: loaded)
        let report = try live.update(content: try #require(reloaded.content), changedFiles: [file])
        #expect(report.succeeded)
        #expect(Set(report.writtenPaths.filter { !Self.isSearchFile($0) }) == [
            "fr/modifier-identifiants-connexion/index.html", "fr/index.html", "fr/category/account/index.html",
            ".helpcenter-articles.json",
            "fr/autre/index.html",  // its related articles list the new title
        ])
        #expect(report.writtenPaths.contains("fr/search/index.js"))
        #expect(report.writtenPaths.filter(Self.isSearchFile).allSatisfy { $0.hasPrefix("fr/search/") })
        // A body-only edit reaches the page alone.
        try Self.edit(site, "fr/modifier-identifiants-connexion.md") {
            $0.replacingOccurrences(of: "Voici la procédure à suivre", with: "Voici la marche à suivre")
        }
        let again = loader.reload([file], in: reloaded)
        let second = try live.update(content: try #require(again.content), changedFiles: [file])
        #expect(second.writtenPaths.filter { !Self.isSearchFile($0) } == ["fr/modifier-identifiants-connexion/index.html"])
        #expect(second.writtenPaths.filter(Self.isSearchFile).allSatisfy { $0.hasPrefix("fr/search/") }, "its words are searchable")
        // The same site as a full build of the edited content.
        let afterLive = try site.snapshotOfSite()
        let full = try site.build(clean: true)
        #expect(full.succeeded)
        #expect(try site.snapshotOfSite() == afterLive)
    }

    @Test("a new article is parsed alone but links everywhere are re-rendered; a deleted one is removed")
    func addAndDelete() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let loader = ContentLoader(workingDirectory: site.content.directory.path)
        var loaded = try site.loadContent()
        let live = LiveSite(output: site.siteURL.path)
        _ = try live.rebuildAll(content: try #require(loaded.content))
        try site.content.write("fr/nouveau.md", frenchArticle(id: "nouveau", title: "Nouveau", body: "Texte."))
        loaded = loader.reload(["content/fr/nouveau.md"], in: loaded)
        var report = try live.update(content: try #require(loaded.content), changedFiles: ["content/fr/nouveau.md"])
        #expect(report.writtenPaths.contains("fr/nouveau/index.html"))
        #expect(report.writtenPaths.contains("sitemap.xml"))
        try FileManager.default.removeItem(at: site.content.root.appendingPathComponent("fr/nouveau.md"))
        loaded = loader.reload(["content/fr/nouveau.md"], in: loaded)
        report = try live.update(content: try #require(loaded.content), changedFiles: ["content/fr/nouveau.md"])
        #expect(report.removed == 2, "its page, and the search term file replaced by one without its words")
        #expect(!FileManager.default.fileExists(atPath: site.siteURL.appendingPathComponent("fr/nouveau/index.html").path))
    }

    @Test("an edit that breaks the article changes nothing on disk and reports the error")
    func brokenEdit() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.build()
        let before = try site.snapshotOfSite()
        let loader = ContentLoader(workingDirectory: site.content.directory.path)
        let loaded = try site.loadContent()
        try Self.edit(site, "fr/modifier-identifiants-connexion.md") { $0.replacingOccurrences(of: "1. Connectez-vous", with: "1. Dansez") }
        let reloaded = loader.reload(["content/fr/modifier-identifiants-connexion.md"], in: loaded)
        #expect(reloaded.diagnostics.errorCount == 4, "step 1 of four procedures")
        #expect(reloaded.content?.articles.contains { $0.locale == "fr" } == false)
        #expect(try site.snapshotOfSite() == before)
    }

    /// Edits, reloads as the watcher does, updates the live site, and checks the site against
    /// a clean build of the same content.
    private static func update(
        _ site: SiteFixture, _ live: LiveSite, _ loaded: inout ContentLoadResult, _ edits: [String: (String) -> String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> (report: SiteBuilder.Report, files: [String: Data]) {
        for (file, change) in edits { try edit(site, file, change) }
        let changed = Set(edits.keys.map { "content/" + $0 })
        ContentLoader(workingDirectory: site.content.directory.path).reload(changed, in: &loaded, imagesUnchanged: true)
        let report = try live.update(content: try #require(loaded.content, sourceLocation: sourceLocation), changedFiles: changed)
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))", sourceLocation: sourceLocation)
        let afterLive = try site.snapshotOfSite()
        #expect(try site.build(clean: true).succeeded, sourceLocation: sourceLocation)
        let full = try site.snapshotOfSite()
        #expect(afterLive.keys.sorted() == full.keys.sorted(), "the files of a full build", sourceLocation: sourceLocation)
        for (path, bytes) in full where afterLive[path] != bytes {
            Issue.record("\(path) differs from a full build's", sourceLocation: sourceLocation)
        }
        return (report, afterLive)
    }

    @Test("two articles of two locales edited at once: both pages, both listings, both search indexes")
    func twoLocalesAtOnce() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        var loaded = try site.loadContent()
        let live = LiveSite(output: site.siteURL.path)
        _ = try live.rebuildAll(content: try #require(loaded.content))
        let (report, _) = try Self.update(site, live, &loaded, [
            "fr/modifier-identifiants-connexion.md": { $0.replacingOccurrences(of: "title: Comment modifier", with: "title: Comment changer") },
            "en/change-reset-login-credentials.md": { $0.replacingOccurrences(of: "title: How do I change", with: "title: How do I alter") },
        ])
        for locale in ["fr", "en"] {
            #expect(report.writtenPaths.contains("\(locale)/index.html"))
            #expect(report.writtenPaths.contains("\(locale)/search/index.js"), "the \(locale) index holds the new title")
        }
        #expect(try site.searchFiles("en").contains("alter"))
        #expect(try site.searchFiles("fr").contains("changer"))
    }

    @Test("an image an edit stops showing leaves the site, unless another article still shows it")
    func imageNoLongerShown() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/a.md", frenchArticle(id: "a", title: "A", body: "Voir ![Le menu](images/menu.png) et ![Seule](images/seule.png)."))
        try site.content.write("fr/b.md", frenchArticle(id: "b", title: "B", body: "Voir ![Le menu](images/menu.png)."))
        try site.content.write("images/menu.png", bytes: TestImages.png(width: 4, height: 3))
        try site.content.write("images/seule.png", bytes: TestImages.png(width: 2, height: 2))
        var loaded = try site.loadContent()
        let live = LiveSite(output: site.siteURL.path)
        _ = try live.rebuildAll(content: try #require(loaded.content))
        #expect(try site.snapshotOfSite()["images/seule.png"] != nil)
        let (_, files) = try Self.update(site, live, &loaded, [
            "fr/a.md": { $0.replacingOccurrences(of: "![Le menu](images/menu.png) et ![Seule](images/seule.png)", with: "le menu") },
        ])
        #expect(files["images/seule.png"] == nil, "no article shows it")
        #expect(files["images/menu.png"] != nil, "b still shows it")
    }
}
