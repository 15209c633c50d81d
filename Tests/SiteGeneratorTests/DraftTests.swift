import Foundation
import HelpModel
import HelpParser
import SiteGenerator
import Testing
import TestSupport

/// `draft: true` keeps an article out of `build` entirely; `build --drafts` (and `serve`) show
/// it with the catalog's banner, still out of the sitemap and of search engines.
@Suite("Drafts")
struct DraftTests {
    static let draft = """
        ---
        id: brouillon
        title: Un article en cours
        updated: 2026-11-18
        category: account
        draft: true
        ---

        Texte du brouillon.
        """

    static let translation = """
        ---
        id: brouillon
        title: An article in progress
        updated: 2026-11-18
        category: account
        translates: {locale: fr, version: 1}
        ---

        Draft text.
        """

    /// A site with the seed, a French draft and its published English translation.
    private func fixture() throws -> SiteFixture {
        let site = try SiteFixture()
        try site.content.write("fr/brouillon.md", Self.draft)
        try site.content.write("en/in-progress.md", Self.translation)
        return site
    }

    @Test("build leaves a draft out: no page, no sitemap, search, home, category or catalog entry, no switcher link")
    func leftOutOfBuild() throws {
        let site = try fixture()
        defer { site.remove() }
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        #expect(report.draftsLeftOut == 1)
        #expect(!FileManager.default.fileExists(atPath: site.siteURL.appendingPathComponent("fr/brouillon").path))
        for path in ["sitemap.xml", "fr/search/", "fr/index.html", "fr/category/account/index.html", ".helpcenter-articles.json"] {
            let text = path.hasSuffix("/search/") ? try site.searchFiles("fr") : try site.page(path)
            #expect(!text.contains("fr/brouillon") && !text.contains("Un article en cours"), "\(path) mentions the draft")
        }
        let english = try site.page("en/in-progress/index.html")
        #expect(english.contains("<li class=\"unavailable\"><span lang=\"fr\">"), "the translation's switcher names French as missing")
        #expect(!english.contains("fr/brouillon"))
        #expect(try site.page("sitemap.xml").contains("en/in-progress/"), "the published translation stays")
    }

    @Test("build --drafts shows the draft with the chrome's banner, noindex and out of the sitemap")
    func shownWithDrafts() throws {
        let site = try fixture()
        defer { site.remove() }
        let report = try site.build(includeDrafts: true)
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        #expect(report.draftsLeftOut == 0)
        let page = try site.page("fr/brouillon/index.html")
        #expect(page.contains("<p class=\"draft-banner\">Brouillon\u{00A0}: cette page n’est pas publiée\u{202F}; seuls l’aperçu et build --drafts la montrent.</p>"), "\(page)")
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!(try site.page("sitemap.xml")).contains("fr/brouillon/"))
        #expect(!(try site.page("en/in-progress/index.html")).contains("draft-banner"))
    }

    @Test("a link to a draft is an error at the link: the build would leave it pointing nowhere")
    func linkToDraft() throws {
        let site = try fixture()
        defer { site.remove() }
        try site.content.write("fr/lien.md", frenchArticle(id: "lien", title: "Lien", body: "Voir [le brouillon](brouillon.md)."))
        let report = try site.build()
        #expect(report.diagnostics.map(\.formatted) == [
            "content/fr/lien.md:8:6: error: link to 'brouillon.md' leads to a draft (draft: true), which the build leaves out; "
                + "publish it or remove the link (build --drafts and serve show drafts)"
        ])
        #expect(try site.build(includeDrafts: true).succeeded)
        let loaded = try #require(try site.loadContent().content)
        #expect(BuildRules.check(loaded).errorCount == 1, "lint and validate report what build refuses")
        #expect(BuildRules.check(loaded, includingDrafts: true).errorCount == 0)
    }

    @Test("watch mode: making an article a draft removes its page; publishing it brings it back")
    func liveToggle() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        let file = "content/fr/autre.md"
        try site.content.write("fr/autre.md", frenchArticle(id: "autre", title: "Autre", body: "Texte."))
        let loader = ContentLoader(workingDirectory: site.content.directory.path)
        let loaded = try site.loadContent()
        let live = LiveSite(output: site.siteURL.path)
        #expect(try live.rebuildAll(content: try #require(loaded.content)).succeeded)
        let page = site.siteURL.appendingPathComponent("fr/autre/index.html").path
        #expect(FileManager.default.fileExists(atPath: page))
        try site.content.write("fr/autre.md", frenchArticle(id: "autre", title: "Autre", body: "Texte.")
            .replacingOccurrences(of: "category: account\n", with: "category: account\ndraft: true\n"))
        let drafted = loader.reload([file], in: loaded)
        #expect(try live.update(content: try #require(drafted.content), changedFiles: [file]).succeeded)
        #expect(!FileManager.default.fileExists(atPath: page))
        try site.content.write("fr/autre.md", frenchArticle(id: "autre", title: "Autre", body: "Texte."))
        let published = loader.reload([file], in: drafted)
        #expect(try live.update(content: try #require(published.content), changedFiles: [file]).succeeded)
        #expect(FileManager.default.fileExists(atPath: page))
    }
}
