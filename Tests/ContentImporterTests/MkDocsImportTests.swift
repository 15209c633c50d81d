import ContentImporter
import Foundation
import HelpModel
import HelpParser
import Testing
import TestSupport

/// Each mapping of the MkDocs Material importer, on the fixture of Fixtures/mkdocs.
@Suite("import --from mkdocs")
struct MkDocsImportTests {
    @Test("pages: title from the # heading, nav sections name the categories, redirect_maps → aliases, draft kept")
    func pages() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let summary = try fixture.run(.mkdocs).summary()
        #expect(summary.articles == 3)
        let export = try fixture.text("en/guide/export.md")
        #expect(export.hasPrefix("---\nid: export\ntitle: \"Export your data\"\nupdated: 2026-12-01\ncategory: guide\nversion: 1\naliases: [old-export]\n"))
        #expect(!export.contains("# Export your data\n"), "the title is not repeated as a heading")
        let loaded = try fixture.load()
        let configuration = try #require(loaded.configuration)
        #expect(configuration.categories["guide"]?["en"] == "User guide")
        #expect(configuration.titles["en"] == "Example Docs")
        #expect(loaded.articles.first { $0.id == "draft-page" }?.frontMatter.draft == true)
        #expect(loaded.articles.first { $0.id == "home" }?.frontMatter.title == "Welcome")
    }

    @Test("admonitions (!!!, ???, :::) become notes with their titles; content tabs become sections")
    func admonitionsAndTabs() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        _ = try fixture.run(.mkdocs).summary()
        let text = try fixture.text("en/guide/export.md")
        #expect(text.contains("> [!WARNING]\n> **Keep exports safe**\n>\n> An export holds every password in plain text.\n>\n> Delete it once you are done.\n"))
        #expect(text.contains("> [!NOTE]\n> A note without a title.\n"), "an empty title asks for none")
        let export = try #require(try fixture.load().articles.first { $0.id == "export" })
        #expect(export.noteKinds == [.warning, .tip, .note, .important, .caution])
        #expect(export.sectionTitles == ["From the app", "Desktop", "Mobile"])
        #expect(export.sections.map(\.level) == [2, 3, 3])
        #expect(export.sections[1].procedures.first?.steps.count == 2)
    }

    @Test("a heading id with more attributes keeps the id alone, made ours, links to it follow; an image without alt gets its file's name; all reported")
    func headingIDs() throws {
        let fixture = try ImportFixture(source: [
            "mkdocs.yml": "site_name: Docs\nnav:\n  - Guide:\n    - guide/db.md\n",
            "docs/guide/db.md": "# Database\n\nSee [the CNAME column](#additional_info_cname).\n\n## Blocked CNAME {#additional_info_cname data-toc-label='Blocked CNAME'}\n\n![](query_log.png)\n",
        ])
        defer { fixture.remove() }
        try fixture.writeSource("docs/guide/query_log.png", bytes: TestImages.png(width: 4, height: 4))
        let summary = try fixture.run(.mkdocs).summary()
        let text = try fixture.text("en/guide/db.md")
        #expect(text.contains("## Blocked CNAME {#additional-info-cname}\n"), "\(text)")
        #expect(text.contains("[the CNAME column](#additional-info-cname)"))
        #expect(text.contains("![Query log](../images/guide/query_log.png)"), "an empty alt written from the file name")
        #expect(summary.findings.lines(under: fixture.sourcePath).contains(
            "docs/guide/db.md:7: image 'query_log.png' has no alt text; wrote \"Query log\" from its file name, say what it shows"))
        let lines = summary.findings.lines(under: fixture.sourcePath)
        #expect(lines.contains("docs/guide/db.md:5: attributes 'data-toc-label='Blocked CNAME'' of the heading id removed (our headings take an id only)"), "\(lines)")
        #expect(lines.contains("docs/guide/db.md:5: heading id 'additional_info_cname' written 'additional-info-cname' (ours are lowercase letters, digits and hyphens); links to it follow"))
        let loaded = try fixture.load()
        #expect(!loaded.diagnostics.contains { $0.severity == .error }, "\(loaded.diagnostics.map(\.formatted))")
    }

    @Test("links and images relative to the page; attr_list and icons removed; a snippet reported at its line")
    func linksImagesAndSnippets() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let summary = try fixture.run(.mkdocs).summary()
        let text = try fixture.text("en/guide/export.md")
        #expect(text.contains("You can export your items at any time. Exports are not encrypted."))
        #expect(text.contains("![Export dialog](../images/guide/img/export.png)\n"))
        #expect(text.contains("[Back home](../general/home.md)\n"))
        #expect(try fixture.text("en/general/home.md").contains("Read [how to export](../guide/export.md#from-the-app)."))
        #expect(FileManager.default.fileExists(atPath: fixture.content + "/images/guide/img/export.png"))
        #expect(summary.findings.lines(under: ImportFixture.source("mkdocs")).contains(
            "docs/guide/export.md:37: snippet '--8<-- \"snippets/footer.md\"' includes another file, which the import does not follow; paste its text"))
        #expect(text.contains("> Not converted by the import (MkDocs snippet, source line 37); rewrite it in Markdown:"))
        let loaded = try fixture.load()
        #expect(!loaded.diagnostics.contains { $0.severity == .error }, "\(loaded.diagnostics.map(\.formatted))")
    }
}
