import Foundation
import HelpModel
import SiteGenerator
import Testing
import TestSupport

/// Atomic, incremental and failing builds, as the docs team and CI see them.
@Suite("Build behaviour")
struct BuildBehaviourTests {
    @Test("a broken article fails the build with every diagnostic and leaves site/ byte for byte")
    func brokenArticleKeepsSite() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let before = try site.snapshotOfSite()
        try site.content.write("fr/broken.md", frenchArticle(id: "broken", body: "1. Dansez la gigue.\n2. Cliquez [ici](absent.md)."))
        try site.content.write("en/also-broken.md", "no front matter\n")
        let report = try site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.errorCount == 3, "\(report.diagnostics.map(\.formatted))")
        #expect(Set(report.diagnostics.map(\.file)) == ["content/fr/broken.md", "content/en/also-broken.md"])
        #expect(try site.snapshotOfSite() == before)
    }

    @Test("a link to a missing article fails the build at the link's position; site/ unchanged")
    func brokenLink() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let before = try site.snapshotOfSite()
        try site.content.write("fr/liens.md", frenchArticle(id: "liens", body: "Voir [l'article](../fr/absent.md) et [celui-ci](modifier-identifiants-connexion.md#change-password)."))
        let report = try site.build()
        #expect(report.diagnostics.map(\.formatted) == [
            "content/fr/liens.md:8:6: error: link to '../fr/absent.md' matches no article of the content; fix the path (relative to this file)",
        ])
        #expect(try site.snapshotOfSite() == before)
    }

    @Test("a .md link becomes the target page's URL, keeping its fragment")
    func articleLinks() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.content.write("fr/liens.md", frenchArticle(id: "liens", body: "Voir [celui-ci](modifier-identifiants-connexion.md#change-password) ou [en](../en/change-reset-login-credentials.md)."))
        #expect(try site.build().succeeded)
        let page = try site.page("fr/liens/index.html")
        #expect(page.contains("<a href=\"../modifier-identifiants-connexion/#change-password\">celui-ci</a>"))
        #expect(page.contains("<a href=\"../../en/change-reset-login-credentials/\">en</a>"))
    }

    @Test("a chrome key missing in one locale fails the build naming key and locale; nothing written")
    func missingChromeKey() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let catalog = site.content.root.appendingPathComponent("de/chrome.yml")
        let text = try String(contentsOf: catalog, encoding: .utf8)
        try text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("toc.title:") }
            .joined(separator: "\n").write(to: catalog, atomically: true, encoding: .utf8)
        let report = try site.build()
        #expect(report.diagnostics.map(\.formatted) == [
            "content/de/chrome.yml:1:1: error: chrome key 'toc.title' is missing in locale 'de'; add it to content/de/chrome.yml (no page falls back to another language)",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.siteURL.path))
    }

    @Test("the build lists every article page for the feedback collector in .helpcenter-articles.json")
    func articleCatalogForTheCollector() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.content.write("fr/autre.md", frenchArticle(id: "autre", title: "Un \"autre\" article", body: "Texte."))
        try site.build()
        let data = try Data(contentsOf: site.siteURL.appendingPathComponent(".helpcenter-articles.json"))
        let catalog = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(catalog["base-url"] as? String == "https://help.example.com/")
        let articles = try #require(catalog["articles"] as? [[String: String]])
        #expect(articles.contains(["id": "autre", "locale": "fr", "path": "fr/autre/", "title": "Un \"autre\" article"]))
        #expect(articles.contains { $0["id"] == "login-credentials" && $0["locale"] == "en" && $0["path"] == "en/change-reset-login-credentials/" })
        for article in articles {
            let path = try #require(article["path"])
            #expect(FileManager.default.fileExists(atPath: site.siteURL.appendingPathComponent(path + "index.html").path), "\(path)")
        }
    }

    @Test("a second build with nothing changed writes nothing")
    func nothingChanged() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let first = try site.build()
        #expect(first.written == 44 && first.unchanged == 0)
        let second = try site.build()
        #expect(second.written == 0)
        #expect(second.unchanged == 44)
    }

    @Test("one article changed: only its page and the indexes that list it are written")
    func oneArticleChanged() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.content.write("fr/autre.md", frenchArticle(id: "autre", title: "Un autre article", body: "Texte."))
        try site.build()
        let untouched = try site.snapshotOfSite()["en/change-reset-login-credentials/index.html"]
        let path = "fr/modifier-identifiants-connexion.md"
        let file = site.content.root.appendingPathComponent(path)
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Voici la procédure à suivre", with: "Voici la marche à suivre")
            .replacingOccurrences(of: "title: Comment modifier", with: "title: Comment changer")
            .write(to: file, atomically: true, encoding: .utf8)
        let report = try site.build()
        #expect(report.succeeded)
        let written = Set(report.writtenPaths.filter { !$0.hasPrefix("fr/search/") || $0.hasSuffix(".html") })
        #expect(written == [
            "fr/modifier-identifiants-connexion/index.html", "fr/index.html", "fr/category/account/index.html",
            ".helpcenter-articles.json",
            "fr/autre/index.html",  // lists it among its related articles
        ], "\(written)")
        // Its search files: the manifest, its result file and the term file of its words.
        let search = Set(report.writtenPaths).subtracting(written)
        #expect(search.contains("fr/search/index.js") && search.contains("fr/search/docs/0.js"), "\(search)")
        #expect(search.allSatisfy { $0.hasPrefix("fr/search/") }, "no other locale's index")
        #expect(try site.snapshotOfSite()["en/change-reset-login-credentials/index.html"] == untouched)
        #expect(try site.page("fr/index.html").contains(">Comment changer ou réinitialiser mes identifiants de connexion\u{202F}?</a>"))
    }

    @Test("a removed article's page is deleted on the next build")
    func removedArticle() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.content.write("fr/autre.md", frenchArticle(id: "autre", body: "Texte."))
        try site.build()
        #expect(FileManager.default.fileExists(atPath: site.siteURL.appendingPathComponent("fr/autre/index.html").path))
        try FileManager.default.removeItem(at: site.content.root.appendingPathComponent("fr/autre.md"))
        let report = try site.build()
        #expect(report.removed == 2, "its page, and the search term file its words were in (replaced: the name holds a hash)")
        #expect(!FileManager.default.fileExists(atPath: site.siteURL.appendingPathComponent("fr/autre/index.html").path))
    }

    @Test("a file edited by hand in site/ is restored by the next build")
    func handEditedFile() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.build()
        let path = site.siteURL.appendingPathComponent("fr/index.html")
        let original = try Data(contentsOf: path)
        try Data("tampered".utf8).write(to: path)
        let report = try site.build()
        #expect(report.written == 1)
        #expect(try Data(contentsOf: path) == original)
    }

    @Test("--clean rebuilds into a staging folder and swaps it in, leaving no staging folder behind")
    func cleanBuild() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.build()
        let report = try site.build(clean: true)
        #expect(report.written == 44)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.content.directory.path).filter { $0.hasPrefix(".site") }
        #expect(leftovers.isEmpty)
    }
}
