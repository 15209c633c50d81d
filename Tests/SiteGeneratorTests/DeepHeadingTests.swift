import Foundation
import HelpModel
import SiteGenerator
import Testing
import TestSupport

/// `####` to `######` part a section: anchored headings of their level, left out of the table
/// of contents (the parser's refusals are in `HelpParserTests/BadInputTests`).
@Suite("Deep headings")
struct DeepHeadingTests {
    static let body = """
        Introduction.

        ## Changer le mot de passe

        Texte.

        #### Sur un téléphone

        Texte du téléphone.

        ##### Android

        Texte Android.

        ###### Anciennes versions

        Texte ancien.

        ### Après le changement

        #### Sur un téléphone

        Encore.
        """

    @Test("h4, h5 and h6 are rendered with unique anchors; the table of contents lists only ## and ###")
    func renderedWithAnchorsOutOfTableOfContents() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/titres.md", frenchArticle(id: "titres", title: "Titres", body: Self.body))
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        let html = try site.page("fr/titres/index.html")
        #expect(html.contains("<h4 id=\"sur-un-telephone\">Sur un téléphone</h4>"))
        #expect(html.contains("<h5 id=\"android\">Android</h5>"))
        #expect(html.contains("<h6 id=\"anciennes-versions\">Anciennes versions</h6>"))
        #expect(html.contains("<h4 id=\"sur-un-telephone-2\">Sur un téléphone</h4>"), "anchors stay unique across levels")
        let toc = try #require(html.range(of: "<nav class=\"toc\"").flatMap { start in
            html.range(of: "</nav>", range: start.upperBound..<html.endIndex).map { String(html[start.lowerBound..<$0.upperBound]) }
        })
        #expect(toc.contains("<ol><li><a href=\"#changer-le-mot-de-passe\">Changer le mot de passe</a><ol><li><a href=\"#apres-le-changement\">Après le changement</a></li></ol></li>\n</ol>"), "\(toc)")
        #expect(!toc.contains("telephone") && !toc.contains("android"))
    }
}
