import ContentImporter
import Foundation
import HelpModel
import HelpParser
import Testing
import TestSupport

/// Each mapping of the Jekyll/kramdown importer, on the fixture of Fixtures/jekyll (a small
/// help center in the shape of the Bitwarden one), read back by the real parser.
@Suite("import --from jekyll")
struct JekyllImportTests {
    @Test("front matter: title, description, tags kept; hidden → draft; redirect_from and _redirects → aliases")
    func frontMatter() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let summary = try fixture.run(.jekyll).summary()
        #expect(summary.articles == 3)
        #expect(summary.drafts == 1)
        let sync = try fixture.text("en/account/sync-vault.md")
        #expect(sync.hasPrefix("""
            ---
            id: sync-vault
            title: "Sync your Vault"
            updated: 2026-12-01
            category: account
            version: 1
            aliases: [sync-now, old-sync]
            # description: "Sync your vault on every device."
            # tags: [sync, vault]
            ---

            """))
        // Without an intro of its own, the description is the article's first paragraph.
        let twoStep = try fixture.text("en/security/two-step.md")
        #expect(twoStep.contains("# tags: [security]\n---\n\nProtect your account with a second step.\n\n## Set it up\n"))
        let articles = try fixture.load().articles
        let hidden = try #require(articles.first { $0.id == "hidden-trash" })
        #expect(hidden.frontMatter.draft)
        #expect(articles.first { $0.id == "sync-vault" }?.frontMatter.aliases == ["sync-now", "old-sync"])
    }

    @Test("the folder is the category, written into a new helpcenter.yml")
    func categoriesInNewSettings() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let summary = try fixture.run(.jekyll).summary()
        #expect(summary.categoriesAdded == ["account", "security"])
        let loaded = try fixture.load()
        let configuration = try #require(loaded.configuration)
        #expect(configuration.categoryOrder == ["account", "security"])
        #expect(configuration.categories["security"]?["en"] == "Security")
        #expect(configuration.titles["en"] == "Example Vault Help")
        #expect(loaded.articles.map(\.frontMatter.category).sorted() == ["account", "account", "security"])
    }

    @Test("categories merge into an existing helpcenter.yml: its own kept, a new one named in every locale")
    func categoriesMerged() throws {
        let fixture = try ImportFixture(seedSettings: true)
        defer { fixture.remove() }
        // From the front matter, sync-vault's category is 'account-management', a new key.
        let summary = try ContentImporter.run(ImportOptions(
            format: .jekyll, source: ImportFixture.source("jekyll"), content: fixture.content, locale: "en",
            categorySource: .frontMatter, updated: CalendarDay(year: 2026, month: 12, day: 1))).summary()
        #expect(summary.categoriesAdded == ["account-management"])
        let settings = try fixture.text("helpcenter.yml")
        #expect(settings.contains("# Categories, in the order the home page lists them: key → name per locale."), "comments kept")
        #expect(settings.contains("  account-management:\n    fr: \"Account management\"\n    en: \"Account management\"\n"))
        #expect(summary.findings.lines(under: fixture.content).contains(
            "helpcenter.yml:17: added the categories account-management with their en names for fr, de, es too; translate them"))
        let configuration = try #require(try fixture.load().configuration)
        #expect(configuration.categoryOrder == ["account", "users", "security", "account-management"])
        #expect(configuration.categories["account"]?["en"] == "Account and sign-in", "an existing name is not replaced")
    }

    @Test("links: site.baseurl article addresses, relative addresses, {% link %} and <a href> become .md paths, anchors kept")
    func links() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        _ = try fixture.run(.jekyll).summary()
        let sync = try fixture.text("en/account/sync-vault.md")
        #expect(sync.contains("Read [about two-step login](../security/two-step.md#set-it-up) first."))
        #expect(sync.contains("See [two-step login](../security/two-step.md)."))
        let twoStep = try fixture.text("en/security/two-step.md")
        #expect(twoStep.contains("See [syncing](../account/sync-vault.md) and [the old sync page](../account/sync-vault.md), and [buy a key](https://example.com/keys)."))
        let loaded = try fixture.load()
        #expect(loaded.diagnostics.filter { $0.message.contains("link") }.isEmpty, "\(loaded.diagnostics.map(\.formatted))")
    }

    @Test("images: {% image %}, <img> and site.baseurl sources copied to images/ and found by the parser")
    func images() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let summary = try fixture.run(.jekyll).summary()
        #expect(summary.imagesCopied == 3)
        let sync = try fixture.text("en/account/sync-vault.md")
        #expect(sync.contains("![Sync menu of the web vault](../images/account/sync-menu.png)"))
        #expect(sync.contains("![Sync mobile](../images/account/sync-mobile.png)"), "alt written from the file name")
        let twoStep = try fixture.text("en/security/two-step.md")
        #expect(twoStep.contains("after your password. ![Security key](../images/security/key.png) A key works too."))
        let loaded = try fixture.load()
        let found = loaded.images.keys.map { $0.components(separatedBy: "/content/").last ?? $0 }
        #expect(Set(found) == ["images/account/sync-menu.png", "images/account/sync-mobile.png", "images/security/key.png"])
        #expect(!loaded.diagnostics.contains { $0.message.contains("image") }, "\(loaded.diagnostics.map(\.formatted))")
        #expect(summary.findings.lines(under: ImportFixture.source("jekyll")).contains(
            "_articles/account/sync-vault.md:40: image 'account/sync-mobile.png' has no alt text; wrote \"Sync mobile\" from its file name, say what it shows"))
    }

    @Test("an image whose bytes are another format than its name says is copied under the right extension, reported")
    func misnamedImages() throws {
        let fixture = try ImportFixture(source: [
            "_articles/account/photo.md": "---\ntitle: Photo\n---\nThe screen:\n\n{% image account/screen.png The sign-in screen %}\n"
        ])
        defer { fixture.remove() }
        try fixture.writeSource("images/account/screen.png", bytes: TestImages.jpeg(width: 40, height: 30))
        let summary = try fixture.run(.jekyll).summary()
        #expect(try fixture.text("en/account/photo.md").contains("![The sign-in screen](../images/account/screen.jpg)"))
        #expect(FileManager.default.fileExists(atPath: fixture.content + "/images/account/screen.jpg"))
        #expect(!FileManager.default.fileExists(atPath: fixture.content + "/images/account/screen.png"))
        #expect(summary.findings.lines(under: fixture.sourcePath).contains(
            "_articles/account/photo.md:6: image 'account/screen.png' holds JPEG data under another extension; copied as images/account/screen.jpg"),
            "\(summary.findings.lines(under: fixture.sourcePath))")
        let loaded = try fixture.load()
        #expect(!loaded.diagnostics.contains { $0.severity == .error }, "\(loaded.diagnostics.map(\.formatted))")
    }

    @Test("an image over the build's size limit raises image-limit-mib in helpcenter.yml, reported, so that its article builds")
    func largeImages() throws {
        let fixture = try ImportFixture(source: [
            "_articles/account/demo.md": "---\ntitle: Demo\n---\nHow it goes:\n\n{% image account/demo.gif The demo %}\n"
        ])
        defer { fixture.remove() }
        try fixture.writeSource(
            "images/account/demo.gif", bytes: TestImages.gif(width: 10, height: 10) + [UInt8](repeating: 0, count: 2 * 1024 * 1024 + 512 * 1024))
        let summary = try fixture.run(.jekyll).summary()
        #expect(try fixture.text("helpcenter.yml").contains("\nimage-limit-mib: 3\n"))
        #expect(summary.findings.lines(under: fixture.sourcePath).contains { $0.hasPrefix("_articles/account/demo.md:6: image 'account/demo.gif' is over the build's 2 MiB limit; helpcenter.yml gets image-limit-mib: 3") },
            "\(summary.findings.lines(under: fixture.sourcePath))")
        let loaded = try fixture.load()
        #expect(!loaded.diagnostics.contains { $0.severity == .error }, "\(loaded.diagnostics.map(\.formatted))")
    }

    @Test("headings keep the anchors kramdown gave them where ours differ, so old links still land; an anchor no heading has is listed")
    func kramdownAnchors() throws {
        let fixture = try ImportFixture(source: [
            "_articles/vault/cards.md": """
                ---
                title: Cards
                ---
                See [hiding](#hide-cards--identities) and [the second table](#compare-the-plans-1), not [this](#create-items).

                ## Hide Cards & Identities

                Text.

                ## Compare the plans

                Text.

                ## Compare the plans

                Text.

                ## 2FA `codes` for **teams**

                Text.
                """
        ])
        defer { fixture.remove() }
        let summary = try fixture.run(.jekyll).summary()
        #expect(summary.findings.lines(under: fixture.sourcePath).filter { $0.contains("anchor") } == [
            "_articles/vault/cards.md:4: link to '#create-items' of en/vault/cards.md, which has no heading with that anchor "
                + "(dead in the source); validate reports it: point it at a heading of the article or remove the anchor"
        ])
        let text = try fixture.text("en/vault/cards.md")
        #expect(text.contains("## Hide Cards & Identities {#hide-cards--identities}\n"), "\(text)")
        #expect(text.contains("## Compare the plans\n"), "the first one's id is ours already")
        #expect(text.contains("## Compare the plans {#compare-the-plans-1}\n"))
        #expect(text.contains("## 2FA `codes` for **teams** {#fa-codes-for-teams}\n"), "kramdown drops what comes before the first letter")
        let loaded = try fixture.load()
        #expect(!loaded.diagnostics.contains { $0.severity == .error }, "\(loaded.diagnostics.map(\.formatted))")
        let article = try #require(loaded.articles.first { $0.file.hasSuffix("cards.md") })
        #expect(article.sections.map(\.anchor) == ["hide-cards--identities", "compare-the-plans", "compare-the-plans-1", "fa-codes-for-teams"])
    }

    @Test("callouts success, info, warning and danger become tip, note, warning and caution notes")
    func callouts() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        _ = try fixture.run(.jekyll).summary()
        #expect(try fixture.text("en/account/sync-vault.md").contains("> [!NOTE]\n> A sync sends nothing you did not change.\n"))
        let sync = try #require(try fixture.load().articles.first { $0.id == "sync-vault" })
        #expect(sync.noteKinds == [.tip, .note, .warning, .caution])
    }

    @Test("per-client tabs become sections: a pane's own heading, or its tab's name at the same level")
    func tabs() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        _ = try fixture.run(.jekyll).summary()
        let text = try fixture.text("en/account/sync-vault.md")
        #expect(!text.contains("nav-tabs") && !text.contains("tab-pane") && !text.contains("capture") && !text.contains("markdownify"))
        let sync = try #require(try fixture.load().articles.first { $0.id == "sync-vault" })
        #expect(sync.sectionTitles == ["Web Vault", "Mobile", "Sync limits", "Rate limits"])
        #expect(sync.sections.map(\.level) == [3, 3, 2, 4], "#### stays a heading below the table of contents")
        #expect(sync.sections[0].procedures.first?.steps.count == 2, "the pane's steps are a procedure")
    }

    @Test("tabs inside a list item: the tab's name is a bold line of the item, and the list goes on")
    func tabsInAListItem() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        _ = try fixture.run(.jekyll).summary()
        let text = try fixture.text("en/account/sync-vault.md")
        #expect(text.contains("1. Click **Settings**.\n\n      **iOS**\n\n      Tap the **Sync** tab on the phone.\n2. Click **Sync Vault Now**.\n"))
        let sync = try #require(try fixture.load().articles.first { $0.id == "sync-vault" })
        #expect(sync.sections.last?.procedures.first?.steps.count == 2, "one procedure of two steps")
    }

    @Test("a <ul> of one-line <li> items becomes a list; a <script> tag over several lines is reported as a block")
    func htmlListsAndScripts() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let summary = try fixture.run(.jekyll).summary()
        let text = try fixture.text("en/security/two-step.md")
        #expect(text.contains("\n- A **security key** (FIDO2)\n- An authenticator app\n"))
        #expect(summary.findings.lines(under: ImportFixture.source("jekyll")).contains(
            "_articles/security/two-step.md:32: raw HTML <script> block (2 lines) is not converted; kept as code in a note, rewrite it in Markdown"))
        #expect(text.contains("> <script src=\"https://forms.example.com/form.js\"\n>     crossorigin=\"anonymous\"></script>\n"))
    }

    @Test("kramdown attribute lists and icons removed, <br> a hard break (a space in a table), tables stay tables")
    func inlineMarkup() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        _ = try fixture.run(.jekyll).summary()
        let text = try fixture.text("en/account/sync-vault.md")
        #expect(!text.contains("{:") && !text.contains("{% icon"))
        #expect(text.contains("1. Click the **Settings** tab.\n"))
        #expect(text.contains("when you pull the list down.\\\nIt also syncs on every start."))
        #expect(text.contains("| Web Vault | on every load and every hour |"))
        let sync = try #require(try fixture.load().articles.first { $0.id == "sync-vault" })
        let table = try #require(sync.tables.first)
        #expect(table.header.map(\.content.plainText) == ["Client", "Automatic sync"])
        #expect(table.rows.count == 2)
    }

    @Test("what cannot be converted is reported at its source line and left visible in the article")
    func unconvertedConstructs() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let summary = try fixture.run(.jekyll).summary()
        let lines = summary.findings.lines(under: ImportFixture.source("jekyll"))
        #expect(lines.contains("_articles/security/two-step.md:15: <iframe> 'https://www.youtube.com/embed/abc123' cannot be embedded (our pages load nothing from other sites); replaced by a link to it"))
        #expect(lines.contains("_articles/security/two-step.md:17: Liquid tag '{% include videos.html %}' has no equivalent; left as code in the article, rewrite it"))
        #expect(lines.contains("_articles/security/two-step.md:19: Liquid comment (1 line, not shown on the source site) kept as an HTML comment"))
        #expect(lines.contains("_articles/security/two-step.md:23: raw HTML <form> block (3 lines) is not converted; kept as code in a note, rewrite it in Markdown"))
        let text = try fixture.text("en/security/two-step.md")
        #expect(text.contains("[Watch the video](https://www.youtube.com/embed/abc123)"))
        #expect(text.contains("`{% include videos.html %}`"))
        #expect(text.contains("<!-- Check this with the security team.\n-->"))
        #expect(text.contains("> [!IMPORTANT]\n> Not converted by the import (raw HTML, source line 23); rewrite it in Markdown:\n>\n> ```\n> <form action=\"/subscribe\">\n"))
        #expect(text.contains("Enter the code from \\<url> into the field."), "a placeholder stays text")
        let twoStep = try #require(try fixture.load().articles.first { $0.id == "two-step" })
        #expect(twoStep.noteKinds == [.important, .important], "the form, the script")
        // The report the team works through: one checklist line per finding, by file.
        let report = try fixture.text("import-report.txt")
        #expect(report.contains("## \(ImportFixture.source("jekyll"))/_articles/security/two-step.md\n\n- [ ] \(ImportFixture.source("jekyll"))/_articles/security/two-step.md:15: warning: <iframe>"))
        #expect(report.contains("3 articles (drafts: 1), 3 images copied, \(summary.vocabularyLabels) labels in `en/vocabulary.yml`, \(summary.findings.count) findings to look at."))
    }

    @Test("the steps' bold labels go into en/vocabulary.yml, merged with the places and labels it held")
    func vocabulary() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let path = fixture.content + "/en/vocabulary.yml"
        try "places: [\"Web Vault\"]\nlabels: [\"Tools\"]\n".write(toFile: path, atomically: true, encoding: .utf8)
        let summary = try fixture.run(.jekyll).summary()
        let (vocabulary, problems) = ProductVocabulary.read(text: try fixture.text("en/vocabulary.yml"), file: path)
        #expect(problems.isEmpty)
        #expect(vocabulary.places == ["Web Vault"], "its own places kept")
        #expect(vocabulary.labels.contains("Tools"), "its own labels kept")
        #expect(vocabulary.labels.contains("Settings") && vocabulary.labels.contains("Sync Vault Now"), "\(vocabulary.labels)")
        #expect(vocabulary.labels == vocabulary.labels.sorted() && Set(vocabulary.labels).count == vocabulary.labels.count)
        #expect(summary.vocabularyLabels == vocabulary.labels.count)
        // The imported content reads the file: a step naming a label without bold reads.
        let phrasebook = try #require(StepExplainer.phrasebook(
            text: try fixture.text("en/phrasebook.yml"), file: "en/phrasebook.yml", locale: "en",
            vocabulary: (text: try fixture.text("en/vocabulary.yml"), file: path)).0)
        #expect(StepExplainer.read("Click **Sync Vault Now** in the Settings tab.", phrasebook: phrasebook).actions.count == 1)
    }

    @Test("a vocabulary file with a mistake is left as it is, its problem listed")
    func vocabularyWithMistake() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let path = fixture.content + "/en/vocabulary.yml"
        try "places: Web Vault\n".write(toFile: path, atomically: true, encoding: .utf8)
        let summary = try fixture.run(.jekyll).summary()
        #expect(try fixture.text("en/vocabulary.yml") == "places: Web Vault\n")
        #expect(summary.findings.contains { $0.file == path && $0.message.contains("'places' is a list of names") })
    }

    @Test("the same source imports to the same bytes")
    func deterministic() throws {
        let first = try ImportFixture()
        let second = try ImportFixture()
        defer {
            first.remove()
            second.remove()
        }
        _ = try first.run(.jekyll).summary()
        _ = try second.run(.jekyll).summary()
        let files = try #require(FileManager.default.subpaths(atPath: first.content)).sorted()
        #expect(files == (FileManager.default.subpaths(atPath: second.content) ?? []).sorted())
        for file in files where !file.hasSuffix("import-report.txt") && file.contains(".") {
            #expect(FileManager.default.contents(atPath: first.content + "/" + file) == FileManager.default.contents(atPath: second.content + "/" + file), "\(file)")
        }
    }
}
