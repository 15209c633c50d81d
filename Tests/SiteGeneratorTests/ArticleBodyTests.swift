import Foundation
import SiteGenerator
import Testing
import TestSupport

/// How article Markdown reaches the page: written as cmark's own HTML renderer would write it.
@Suite("Article body")
struct ArticleBodyTests {
    /// Builds the site with one French article of `body` and returns its page.
    private func page(of body: String) throws -> String {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/corps.md", frenchArticle(id: "corps", title: "Corps", body: body))
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        return try site.page("fr/corps/index.html")
    }

    @Test("link, image and autolink addresses are percent-encoded as cmark does (spec examples 202, 501, 602)")
    func addressesArePercentEncoded() throws {
        let html = try page(of: #"""
            [lien](/url\bar*baz) [é](https://example.com/é?a=1&b='2') ![image](/i/a\b.png "titre")
            <https://example.com/a\b> [déjà](/a%20b)
            """#)
        #expect(html.contains(#"<a href="/url%5Cbar*baz">lien</a>"#))
        #expect(html.contains(#"<a href="https://example.com/%C3%A9?a=1&amp;b=&#x27;2&#x27;">é</a>"#))
        #expect(html.contains(#"<img src="/i/a%5Cb.png" alt="image" title="titre">"#))
        #expect(html.contains(#"<a href="https://example.com/a%5Cb">https://example.com/a\b</a>"#))
        #expect(html.contains(#"<a href="/a%20b">déjà</a>"#), "an address already encoded is not encoded twice")
    }

    @Test("a code block's language is the info string's first word, split at any whitespace")
    func codeLanguageIsTheFirstWord() throws {
        let html = try page(of: "```ruby\tstartline=3 $%@#$\nputs 1\n```\n\n``` python  other\nx\n```")
        #expect(html.contains("<pre><code class=\"language-ruby\">puts 1\n</code></pre>"))
        #expect(html.contains("<pre><code class=\"language-python\">x\n</code></pre>"))
    }

    @Test("a loose bullet list keeps its <p>, a tight one with nested blocks gains none (spec 306, 307, 309)")
    func bulletListTightness() throws {
        let html = try page(of: "- un\n\n- deux\n\nTexte.\n\n- trois\n  - quatre\n- cinq\n\nFin.\n\n- six\n- sept\n\n- huit")
        #expect(html.contains("<ul>\n<li><p>un</p>\n</li>\n<li><p>deux</p>\n</li>\n</ul>"), "loose")
        #expect(html.contains("<li>trois\n<ul>\n<li>quatre</li>\n</ul>\n</li>\n<li>cinq</li>"), "tight, nested list")
        #expect(html.contains("<li><p>six</p>\n</li>\n<li><p>sept</p>\n</li>\n<li><p>huit</p>\n</li>"), "one blank line makes all loose")
    }

    @Test("a numbered list marked <!-- list --> is cmark's <ol>: its start, its inline formatting, no step class, no marker")
    func plainNumberedList() throws {
        let html = try page(of: """
            <!-- list -->
            3. Le coffre est **chiffré** de *bout en bout*.
            4. Voir `vault.json` et [l'aide](https://example.com/aide).

            <!-- list -->
            1. Un.

            2. Deux.
            """)
        #expect(html.contains("""
            <ol start="3">
            <li>Le coffre est <strong class="ui-label">chiffré</strong> de <em>bout en bout</em>.</li>
            <li>Voir <code>vault.json</code> et <a href="https://example.com/aide">l'aide</a>.</li>
            </ol>
            """), "\(html)")
        #expect(html.contains("<ol>\n<li><p>Un.</p>\n</li>\n<li><p>Deux.</p>\n</li>\n</ol>"), "loose, from 1: no start attribute")
        #expect(!html.contains("class=\"procedure\"") && !html.contains("class=\"step\""))
        #expect(!html.contains("list --"), "the marker shows nowhere")
    }

    @Test("procedure steps follow the list's tightness: a tight procedure's sentences get no <p>")
    func procedureTightness() throws {
        let html = try page(of: """
            1. Connectez-vous à l’extranet.
            2. Cliquez sur **Enregistrer**.

            Puis :

            1. Connectez-vous à l’extranet.

            2. Cliquez sur **Enregistrer**.
            """)
        #expect(html.contains(
            "<li class=\"step\">Connectez-vous à l’extranet.</li>\n<li class=\"step\">Cliquez sur <strong class=\"ui-label\">Enregistrer</strong>.</li>"))
        #expect(html.contains(
            "<li class=\"step\"><p>Connectez-vous à l’extranet.</p>\n</li>\n<li class=\"step\"><p>Cliquez sur"))
    }

    @Test("a pipe table: a scrolling box, column headers with scope, alignment; links in cells are checked")
    func table() throws {
        let html = try page(of: "| Droit | Où |\n|:-:|---|\n| **Réservations** | [voir](https://example.com/d) |")
        #expect(html.contains("""
            <div class="table-scroll">
            <table>
            <thead>
            <tr>
            <th scope="col" class="align-center">Droit</th>
            <th scope="col">Où</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td class="align-center"><strong class="ui-label">Réservations</strong></td>
            <td><a href="https://example.com/d">voir</a></td>
            </tr>
            </tbody>
            </table>
            </div>
            """))
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/t.md", frenchArticle(id: "t", body: "| a | b |\n|---|---|\n| x | [lien](nulle-part.md) |"))
        let report = try site.build()
        #expect(report.diagnostics.map(\.formatted) == [
            "content/fr/t.md:10:7: error: link to 'nulle-part.md' matches no article of the content; fix the path (relative to this file)"
        ])
    }
}
