import HelpModel
import HelpParser
import Testing
import TestSupport

/// kramdown attribute lists, Liquid, MkDocs and Docusaurus admonitions left in an article are
/// warnings at their own line and column, with their code and what to write instead; text in
/// code, or escaped, is left alone.
@Suite("Syntax of other Markdown tools")
struct ForeignSyntaxTests {
    /// The body starts at line 8 of the file (after 7 lines of front matter and a blank one).
    static func warnings(_ body: String) -> [Diagnostic] {
        let text = frenchArticle(body: body)
        let (_, diagnostics) = ArticleParser().parse(Array(text.utf8), file: "content/fr/a.md", locale: "fr", phrasebook: nil)
        return diagnostics.filter { $0.code != nil }
    }

    static func lines(_ body: String) -> [String] {
        warnings(body).map(\.formatted)
    }

    @Test("kramdown attribute lists: after a link, a class, a heading id, an extension; each with its advice")
    func kramdown() throws {
        let found = Self.warnings("""
            Voir [le site](https://example.com){:target="_blank"} ici.

            ## Réglages {: #reglages}

            > Attention.
            {: .alert .alert-info}

            {::options parse_block_html="true" /}
            """)
        #expect(found.map(\.location) == [
            SourceLocation(line: 8, column: 36), SourceLocation(line: 10, column: 13), SourceLocation(line: 13, column: 1),
            SourceLocation(line: 15, column: 1),
        ])
        #expect(found.allSatisfy { $0.code == "kramdown-attribute-list" && $0.severity == .warning })
        #expect(found[0].message == "kramdown attribute list '{:target=\"_blank\"}' is not CommonMark and shows as text on the page; "
            + "remove it: CommonMark links have no attributes (a link opens where the reader chooses)")
        #expect(found[1].message.hasSuffix("to give a heading its anchor, end the heading with '{#reglages}' ('## Title {#reglages}')"))
        #expect(found[2].message.contains("'{: .alert .alert-info}'"))
        #expect(found[2].message.hasSuffix("a block quote whose first line is '> [!NOTE]' (or TIP, IMPORTANT, WARNING, CAUTION)"))
        #expect(found[3].message.contains("kramdown extensions such as {::options} or {::nomarkdown} do nothing"))
        #expect(Self.lines("a {:.x}").first?.hasSuffix("[kramdown-attribute-list]") == true, "the code ends the printed line")
    }

    @Test("Liquid tags and outputs, with advice by tag; an address that holds Liquid too")
    func liquid() throws {
        let found = Self.warnings("""
            {% include note.html content="Le **coffre** est chiffré." %}

            Bonjour {{ page.user_name }}, voir {% link _articles/x.md %}.

            {% callout info %}Texte{% endcallout %}

            [Accueil]({{site.baseurl}}/fr/)
            """)
        #expect(found.map(\.location) == [
            SourceLocation(line: 8, column: 1), SourceLocation(line: 10, column: 9), SourceLocation(line: 10, column: 36),
            SourceLocation(line: 12, column: 1), SourceLocation(line: 12, column: 24), SourceLocation(line: 14, column: 1),
        ], "\(found.map(\.formatted))")
        #expect(found.allSatisfy { $0.code == "liquid" })
        #expect(
            found[0].message.hasPrefix("Liquid tag '{% include note.html content=\"Le **coffre** est ch…' is not run here"),
            "the tag from the file's line, bold and all, cut short: \(found[0].message)")
        #expect(found[0].message.contains("write what it includes as Markdown"))
        #expect(found[1].message == "Liquid output '{{ page.user_name }}' is not filled in here and shows as text on the page; "
            + "write the value itself (a name, a number, a link to the article's .md file)")
        #expect(found[2].message.hasSuffix("write a link to the article's .md file: [text](../folder/article.md)"))
        #expect(found[3].message.contains("write a note instead: a line '> [!NOTE]'"))
        #expect(found[4].message.hasPrefix("Liquid tag '{% endcallout %}'"))
        #expect(found[5].message.hasPrefix("link address '{{site.baseurl}}/fr/' holds Liquid, which is not run here"))
    }

    @Test("MkDocs and Docusaurus admonitions at the start of a line; a ':::' that closes one is not reported again")
    func admonitions() throws {
        let found = Self.warnings("""
            !!! warning "Sauvegarde"

                Faites une copie.

            ???+ tip
                Replié.

            :::danger[Irréversible]
            La suppression est définitive.
            :::

            :::

            Texte !!! note au milieu, et :::tip aussi.
            """)
        #expect(found.map(\.location) == [
            SourceLocation(line: 8, column: 1), SourceLocation(line: 12, column: 1), SourceLocation(line: 15, column: 1),
            SourceLocation(line: 19, column: 1),
        ], "\(found.map(\.formatted))")
        #expect(found.map(\.code) == ["mkdocs-admonition", "mkdocs-admonition", "docusaurus-admonition", "docusaurus-admonition"])
        #expect(found[0].message == "MkDocs admonition '!!! warning \"Sauvegarde\"' is not CommonMark: it shows as text on the page, "
            + "and its indented lines as code; write a note instead: a line '> [!WARNING]', then its text in lines that start with '> ' (not indented)")
        #expect(found[1].message.contains("'> [!TIP]'"))
        #expect(found[2].message.hasPrefix("Docusaurus admonition ':::danger[Irréversible]' is not CommonMark"))
        #expect(found[2].message.contains("'> [!CAUTION]'"))
        #expect(found[3].message.hasPrefix("':::' closes a Docusaurus admonition"), "the one never opened")
    }

    @Test("positions in a note's lazy and indented lines, in a list item, after accents and after a tag over two lines are where the mark is")
    func positions() throws {
        let found = Self.warnings("""
            > Une note
            suite {{ site.x }}

            - Élément é {:.x}
                  indenté {{ y }}

            Voir <a
            href="x">site</a>{:target="_blank"}
            """)
        #expect(found.map(\.location) == [
            SourceLocation(line: 9, column: 7), SourceLocation(line: 11, column: 13), SourceLocation(line: 12, column: 15),
            SourceLocation(line: 15, column: 18),
        ], "\(found.map(\.formatted))")
    }

    @Test("code spans, code blocks, escaped marks, entities and prose braces are left alone")
    func leftAlone() throws {
        #expect(Self.warnings("""
            Écrivez `{% include x %}` ou `{{ site.title }}` et `{:target="_blank"}`.

            ```
            {% raw %}
            !!! note
            :::tip
            ```

                {{ indenté }}

            Échappé : \\{% include x %}, \\{{ y }}, \\{:.x}, &#123;{ z }}.

            \\!!! note "pas une admonition"

            Un ensemble {a, b} et {x: 1} ou {{}} et {: } vide.
            """).map(\.formatted) == [])
    }

    @Test("text is not changed: the page shows what was written, and the warning says so")
    func textKept() throws {
        let text = frenchArticle(body: "Voir {:target=\"_blank\"} ici.")
        let (article, _) = ArticleParser().parse(Array(text.utf8), file: "content/fr/a.md", locale: "fr", phrasebook: nil)
        guard case .paragraph(let paragraph) = try #require(article?.intro.first) else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(paragraph.content.plainText == "Voir {:target=\"_blank\"} ici.")
    }
}
