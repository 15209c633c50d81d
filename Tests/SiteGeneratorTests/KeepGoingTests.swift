import Foundation
import HelpModel
import HelpParser
import SiteGenerator
import Testing
import TestSupport

/// `build --keep-going`: the site is written from every article that passes; an article with
/// an error is left out, and a link to it from another article is a warning at the link.
@Suite("build --keep-going")
struct KeepGoingTests {
    /// The seed, plus: `a` (fine, links to `b` and `c` and lists `b` as related), `b` (a step
    /// that does not read), `c` (a category not in helpcenter.yml) and `d` (a link to no
    /// article, which only the build's own checks find).
    private func fixture() throws -> SiteFixture {
        let site = try SiteFixture()
        try site.content.write("fr/a.md", article(id: "a", related: ["b"], body: "Voir [B](b.md#etapes) et [C](./c.md).\n"))
        try site.content.write("fr/b.md", article(id: "b", body: "## Étapes {#etapes}\n\n1. Cliquez vite sur **Compte**.\n"))
        try site.content.write("fr/c.md", article(id: "c", category: "nulle-part", body: "Texte.\n"))
        try site.content.write("fr/d.md", article(id: "d", body: "Voir [ailleurs](nulle-part.md).\n"))
        return site
    }

    private func article(id: String, category: String = "account", related: [String] = [], body: String) -> String {
        """
        ---
        id: \(id)
        title: Article \(id.uppercased())
        updated: 2026-11-18
        category: \(category)
        version: 1\(related.isEmpty ? "" : "\nrelated: [\(related.joined(separator: ", "))]")
        ---

        \(body)
        """
    }

    private func keepGoing(_ site: SiteFixture) throws -> SiteBuilder.Report {
        let loaded = try site.loadContent()
        let partial = ContentLoader(workingDirectory: site.content.directory.path).partialContent(of: loaded)
        #expect(partial.blocking.isEmpty, "\(partial.blocking.map(\.formatted))")
        var options = SiteBuilder.Options(output: site.siteURL.path)
        options.keepGoing = true
        options.leftOut = partial.leftOut
        var report = try SiteBuilder(content: try #require(loaded.content), options: options).build()
        report.diagnostics = loaded.diagnostics + report.diagnostics
        return report
    }

    @Test("the articles with errors are left out, the others written; each left-out one is listed with its locale and id")
    func leavesOut() throws {
        let site = try fixture()
        defer { site.remove() }
        let report = try keepGoing(site)
        #expect(report.siteWritten)
        #expect(!report.succeeded, "its errors are still errors")
        #expect(report.leftOut == [
            LeftOutArticle(file: "content/fr/b.md", locale: "fr", id: "b"),
            LeftOutArticle(file: "content/fr/c.md", locale: "fr", id: "c"),
            LeftOutArticle(file: "content/fr/d.md", locale: "fr", id: "d"),
        ])
        #expect(report.articlesBuilt == 5, "the four seeds and a")
        let errors = report.diagnostics.filter { $0.severity == .error }.map(\.file)
        #expect(Set(errors) == ["content/fr/b.md", "content/fr/c.md", "content/fr/d.md"])
        #expect(report.diagnostics.contains {
            $0.formatted == "content/fr/d.md:9:6: error: link to 'nulle-part.md' matches no article of the content; fix the path (relative to this file)"
        }, "the error that left d out is reported: \(report.diagnostics.map(\.formatted))")
        #expect(FileManager.default.fileExists(atPath: site.siteURL.appendingPathComponent("fr/a/index.html").path))
        for left in ["b", "c", "d"] {
            #expect(!FileManager.default.fileExists(atPath: site.siteURL.appendingPathComponent("fr/\(left)").path))
            #expect(!(try site.page("sitemap.xml")).contains("/fr/\(left)/"))
        }
    }

    @Test("links to a left-out article are warnings at the link naming its file; the page shows their text")
    func linksToLeftOut() throws {
        let site = try fixture()
        defer { site.remove() }
        let report = try keepGoing(site)
        let warnings = report.diagnostics.filter { $0.file == "content/fr/a.md" }.map(\.formatted)
        #expect(warnings == [
            "content/fr/a.md:7:11: warning: related article 'b' is content/fr/b.md, which has errors and is left out of this build "
                + "(--keep-going); it is not listed until that article is fixed",
            "content/fr/a.md:10:6: warning: link to 'b.md' leads to content/fr/b.md, which has errors and is left out of this build "
                + "(--keep-going); the link shows as text until that article is fixed",
            "content/fr/a.md:10:26: warning: link to './c.md' leads to content/fr/c.md, which has errors and is left out of this build "
                + "(--keep-going); the link shows as text until that article is fixed",
        ], "\(report.diagnostics.map(\.formatted))")
        let page = try site.page("fr/a/index.html")
        #expect(page.contains("<p>Voir B et C.</p>"), "\(page)")
    }

    @Test("a link to a draft stops the default build; with --keep-going it is a warning, the linking article is built and shows the text")
    func linksToDrafts() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.content.write("fr/a.md", article(id: "a", body: "Voir [le brouillon](e.md).\n"))
        try site.content.write("fr/e.md", article(id: "e", body: "Texte.\n").replacingOccurrences(of: "version: 1", with: "version: 1\ndraft: true"))
        let strict = try site.build()
        #expect(!strict.succeeded && !strict.siteWritten)
        #expect(strict.diagnostics.contains { $0.severity == .error && $0.file == "content/fr/a.md" && $0.message.contains("leads to a draft") },
            "\(strict.diagnostics.map(\.formatted))")
        let report = try keepGoing(site)
        #expect(report.siteWritten && report.leftOut.isEmpty, "\(report.leftOut)")
        #expect(report.diagnostics.filter { $0.file == "content/fr/a.md" }.map(\.formatted) == [
            "content/fr/a.md:9:6: warning: link to 'e.md' leads to a draft (draft: true), which the build leaves out; the link shows as text "
                + "(--keep-going) until the draft is published or the link removed"
        ], "\(report.diagnostics.map(\.formatted))")
        #expect(try site.page("fr/a/index.html").contains("<p>Voir le brouillon.</p>"))
        #expect(!FileManager.default.fileExists(atPath: site.siteURL.appendingPathComponent("fr/e").path))
    }

    @Test("without --keep-going the same content writes nothing; with it, a page whose article now fails goes")
    func defaultStaysAllOrNothing() throws {
        let site = try SiteFixture()
        defer { site.remove() }
        try site.content.write("fr/a.md", article(id: "a", body: "Texte.\n"))
        #expect(try site.build().succeeded)
        let before = try site.snapshotOfSite()
        #expect(before["fr/a/index.html"] != nil)
        try site.content.write("fr/a.md", article(id: "a", body: "1. Cliquez vite sur **Compte**.\n"))
        let failed = try site.build()
        #expect(!failed.succeeded && !failed.siteWritten)
        #expect(try site.snapshotOfSite() == before, "a failed default build leaves the site byte for byte")
        let partial = try keepGoing(site)
        #expect(partial.siteWritten)
        #expect(partial.leftOut.map(\.file) == ["content/fr/a.md"])
        #expect(try site.snapshotOfSite()["fr/a/index.html"] == nil, "the site is written without it")
    }

    @Test("an error in no article (a chrome key missing) still stops the build: nothing is written")
    func errorOutsideArticles() throws {
        let site = try fixture()
        defer { site.remove() }
        let catalog = site.content.root.appendingPathComponent("fr/chrome.yml")
        let lines = try String(contentsOf: catalog, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try lines.filter { !$0.hasPrefix("feedback.send:") }.joined(separator: "\n").write(to: catalog, atomically: true, encoding: .utf8)
        let report = try keepGoing(site)
        #expect(!report.siteWritten)
        #expect(report.diagnostics.contains { $0.file.hasSuffix("fr/chrome.yml") && $0.severity == .error })
        #expect(!FileManager.default.fileExists(atPath: site.siteURL.path))
    }

    @Test("an error in a phrasebook is no article's: partialContent names it as blocking")
    func phrasebookErrorBlocks() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        let phrasebook = site.content.root.appendingPathComponent("fr/phrasebook.yml")
        let text = try String(contentsOf: phrasebook, encoding: .utf8)
        try (text + "\nphrases:\n  - phrase: \"Cliquez sur **{1}\"\n    actions: [{click: 1}]\n").write(
            to: phrasebook, atomically: true, encoding: .utf8)
        try site.content.write("fr/a.md", article(id: "a", body: "Texte.\n"))
        let loaded = try site.loadContent()
        let partial = ContentLoader(workingDirectory: site.content.directory.path).partialContent(of: loaded)
        #expect(partial.leftOut.isEmpty)
        #expect(!partial.blocking.isEmpty)
        #expect(partial.blocking.allSatisfy { $0.file == "content/fr/phrasebook.yml" }, "\(partial.blocking.map(\.formatted))")
    }
}
