import Foundation
import HelpModel
import SiteGenerator
import Testing
import TestSupport

/// "Related articles" at the end of a page: `related:` in that order, else the other articles of
/// the category in the locale, newest first, three at most; a `related:` id must exist there.
@Suite("Related articles")
struct RelatedArticleTests {
    static func article(_ id: String, updated: String, category: String = "account", related: String? = nil) -> String {
        frenchArticle(id: id, title: "Titre \(id)", body: "Texte.")
            .replacingOccurrences(of: "updated: 2026-11-18", with: "updated: \(updated)")
            .replacingOccurrences(of: "category: account", with: "category: \(category)" + (related.map { "\nrelated: \($0)" } ?? ""))
    }

    /// The titles the page's related list shows, in order.
    static func listed(_ page: String) -> [String] {
        guard let start = page.range(of: "<nav class=\"related\""), let end = page.range(of: "</nav>", range: start.upperBound..<page.endIndex)
        else { return [] }
        return page[start.upperBound..<end.lowerBound].components(separatedBy: "\">").dropFirst().compactMap {
            $0.hasPrefix("Titre ") ? $0.components(separatedBy: "<").first : nil
        }
    }

    @Test("by default: the category's other articles in the locale, newest first, three at most")
    func defaultList() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/a.md", Self.article("a", updated: "2026-11-01"))
        try site.content.write("fr/b.md", Self.article("b", updated: "2026-11-20"))
        try site.content.write("fr/c.md", Self.article("c", updated: "2026-11-10"))
        try site.content.write("fr/d.md", Self.article("d", updated: "2026-10-01"))
        try site.content.write("fr/e.md", Self.article("e", updated: "2026-09-01"))
        try site.content.write("fr/u.md", Self.article("u", updated: "2026-11-30", category: "users"))
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        let page = try site.page("fr/a/index.html")
        #expect(Self.listed(page) == ["Titre b", "Titre c", "Titre d"])
        #expect(page.contains("<nav class=\"related\" aria-labelledby=\"related-title\"><h2 id=\"related-title\">Articles liés</h2>"))
        #expect(page.range(of: "</article>")?.lowerBound ?? page.endIndex < page.range(of: "class=\"related\"")?.lowerBound ?? page.startIndex,
            "after the article, so its heading is no section of it")
        #expect(Self.listed(try site.page("fr/u/index.html")) == [], "alone in its category: no list")
    }

    @Test("related: lists those articles in that order; an id with no article in the locale is an error at it")
    func explicitList() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/a.md", Self.article("a", updated: "2026-11-01", related: "[u, c]"))
        try site.content.write("fr/c.md", Self.article("c", updated: "2026-11-10"))
        try site.content.write("fr/u.md", Self.article("u", updated: "2026-11-30", category: "users"))
        #expect(try site.build().succeeded)
        #expect(Self.listed(try site.page("fr/a/index.html")) == ["Titre u", "Titre c"])
        try site.content.write("fr/a.md", Self.article("a", updated: "2026-11-01", related: "[c, absent]"))
        let report = try site.build()
        #expect(report.diagnostics.map(\.formatted) == [
            "content/fr/a.md:6:14: error: related article 'absent' has no article in fr: no article has this id"
        ])
    }
}
