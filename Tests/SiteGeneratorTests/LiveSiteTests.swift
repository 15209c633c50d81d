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
}
