import Foundation
import HelpModel
import HelpParser
import SiteGenerator
import Testing
import TestSupport

/// `aliases:`: a page at each former address that sends the reader on without script, the
/// `_redirects` file, the refusals, and the warning when a slug changed without an alias.
@Suite("Redirects")
struct RedirectTests {
    static func article(slug: String, aliases: String? = nil) -> String {
        frenchArticle(id: "renomme", title: "Renommé", body: "Texte.")
            .replacingOccurrences(of: "category: account\n", with: "category: account\nslug: \(slug)\n" + (aliases.map { "aliases: \($0)\n" } ?? ""))
    }

    @Test("an alias page refreshes to the article, names it canonical, links to it, stays out of the sitemap; _redirects lists it")
    func aliasPage() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/renomme.md", Self.article(slug: "nouveau", aliases: "[ancien, plus-ancien]"))
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        let page = try site.page("fr/ancien/index.html")
        #expect(page.contains(#"<meta http-equiv="refresh" content="0; url=../nouveau/">"#))
        #expect(page.contains(#"<link rel="canonical" href="https://help.example.com/fr/nouveau/">"#))
        #expect(page.contains(#"<meta name="robots" content="noindex">"#))
        #expect(page.contains(#"<a href="../nouveau/">Renommé</a>"#))
        #expect(try site.page("_redirects").hasSuffix("/fr/ancien/ /fr/nouveau/ 301\n/fr/plus-ancien/ /fr/nouveau/ 301\n"))
        #expect(!(try site.page("sitemap.xml")).contains("fr/ancien/"))
    }

    @Test("an alias that takes another article's address, the site's own, or its own slug is an error at the alias")
    func collisions() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/renomme.md", Self.article(slug: "nouveau", aliases: "[autre, search, nouveau]"))
        try site.content.write("fr/autre.md", frenchArticle(id: "autre", body: "Texte."))
        let report = try site.build()
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.formatted) == [
            "content/fr/renomme.md:7:11: error: alias 'autre' is the address of content/fr/autre.md; an old address cannot take a page's place: remove the alias or give that article another slug",
            "content/fr/renomme.md:7:18: error: alias 'search' is the address of the site's own pages (assets, category, images, search); remove it",
            "content/fr/renomme.md:7:26: error: alias 'nouveau' is the article's own slug, so it would send readers to itself; remove it",
        ])
    }

    @Test("a slug changed since the previous build without an alias: a warning with the URL that would 404 and the alias to add")
    func slugChange() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/renomme.md", Self.article(slug: "ancien"))
        #expect(try site.build().diagnostics.isEmpty)
        try site.content.write("fr/renomme.md", Self.article(slug: "nouveau"))
        let moved = try site.build()
        #expect(moved.succeeded)
        #expect(moved.diagnostics.map(\.formatted) == [
            "content/fr/renomme.md:6:1: warning: the previous build had this article at https://help.example.com/fr/ancien/, which will now 404; add 'aliases: [ancien]' to its front matter to send readers on to https://help.example.com/fr/nouveau/"
        ])
        try site.content.write("fr/renomme.md", Self.article(slug: "ancien"))
        _ = try site.build()
        try site.content.write("fr/renomme.md", Self.article(slug: "nouveau", aliases: "[ancien]"))
        #expect(try site.build().diagnostics.isEmpty, "the alias keeps the old address")
    }

    @Test("watch mode warns of a changed slug too, at the rebuild that moves the page")
    func slugChangeInWatchMode() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/renomme.md", Self.article(slug: "ancien"))
        let loader = ContentLoader(workingDirectory: site.content.directory.path)
        let loaded = try site.loadContent()
        let live = LiveSite(output: site.siteURL.path)
        #expect(try live.rebuildAll(content: try #require(loaded.content)).diagnostics.isEmpty)
        try site.content.write("fr/renomme.md", Self.article(slug: "nouveau"))
        let file = "content/fr/renomme.md"
        let moved = try live.update(content: try #require(loader.reload([file], in: loaded).content), changedFiles: [file])
        #expect(moved.succeeded)
        #expect(moved.diagnostics.map(\.formatted) == [
            "content/fr/renomme.md:6:1: warning: the previous build had this article at https://help.example.com/fr/ancien/, which will now 404; add 'aliases: [ancien]' to its front matter to send readers on to https://help.example.com/fr/nouveau/"
        ])
    }
}
