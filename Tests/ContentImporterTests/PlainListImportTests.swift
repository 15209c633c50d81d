import ContentImporter
import Foundation
import HelpModel
import HelpParser
import Testing

/// Numbered lists of the source that are no procedure: the import parses each converted article
/// as the build will and marks `<!-- list -->` before a list that reads as no step and does not
/// look like steps, and lists each one in the report at its source line and its output line.
@Suite("import: numbered lists that are only lists")
struct PlainListImportTests {
    static let article = """
        ---
        title: Vault facts
        ---
        How the vault keeps data:

        1. Your vault is encrypted on your device.
        2. Passwords never leave it unencrypted.

        To sign out:

        1. Click **Account**.
        2. Click **Sign out**.

        Steps no phrase reads yet, but that look like steps:

        1. Click **Widget** **Knob**.
        2. Calibrate your flux capacitor.

        A list of options, bold but no steps:

        1. **Owner**: full access.
        2. **Viewer**: reads only.
        """

    @Test("a list of facts is marked and reported; steps, read or not, are left as steps")
    func marksFactsOnly() throws {
        let fixture = try ImportFixture(source: ["_articles/vault/facts.md": Self.article])
        defer { fixture.remove() }
        let summary = try fixture.run(.jekyll).summary()
        let text = try fixture.text("en/vault/facts.md")
        #expect(text.contains("How the vault keeps data:\n\n<!-- list -->\n\n1. Your vault is encrypted on your device."), "\(text)")
        #expect(text.contains("bold but no steps:\n\n<!-- list -->\n\n1. **Owner**: full access."), "\(text)")
        #expect(text.components(separatedBy: "<!-- list -->").count == 3, "the facts and the options marked: \(text)")
        let marked = try #require(text.components(separatedBy: "\n").firstIndex(of: "<!-- list -->")) + 1
        #expect(summary.findings.lines(under: fixture.sourcePath).contains(
            "_articles/vault/facts.md:6: numbered list written as a plain list (<!-- list --> at en/vault/facts.md:\(marked)): "
                + "no item reads as a step, starts with a verb of the phrasebook or names controls as a path of **bold** labels; "
                + "if it is a procedure, remove the marker and word its steps"))
        // Read back: the facts are a list, the sign-out steps a procedure; the last list still
        // stops the article, as steps the phrasebook does not read yet.
        let loaded = try fixture.load()
        let errors = loaded.diagnostics.filter { $0.severity == .error }.map(\.formatted)
        #expect(errors.count == 2, "the two unread steps only: \(errors)")
        #expect(errors.first?.contains("Widget") == true && errors.last?.contains("Calibrate") == true, "\(errors)")
    }

    @Test("--mark-unread-steps: each step that does not read is marked manual and reported; the article builds")
    func marksUnreadSteps() throws {
        let fixture = try ImportFixture(source: ["_articles/vault/facts.md": Self.article])
        defer { fixture.remove() }
        let summary = try fixture.run(.jekyll, markUnreadSteps: true).summary()
        let text = try fixture.text("en/vault/facts.md")
        let lines = text.components(separatedBy: "\n")
        // The two unread steps carry the marker; the steps that read and the plain lists do not.
        #expect(lines.filter { $0.hasSuffix(" <!-- manual -->") } == [
            "1. Click **Widget** **Knob**. <!-- manual -->", "2. Calibrate your flux capacitor. <!-- manual -->",
        ], "\(text)")
        #expect(text.components(separatedBy: "<!-- list -->").count == 3, "the plain lists still marked: \(text)")
        // Reported at the source line (the plain-list markers above moved the output lines down).
        let widget = try #require(lines.firstIndex(of: "1. Click **Widget** **Knob**. <!-- manual -->")) + 1
        #expect(summary.findings.lines(under: fixture.sourcePath).contains(
            "_articles/vault/facts.md:16: step written as a step for people (<!-- manual --> at en/vault/facts.md:\(widget)): "
                + "the en phrasebook does not read it, so the article builds without it being checked; "
                + "reword it (helpcenter explain shows how it reads) and remove the marker"), "\(summary.findings.lines(under: fixture.sourcePath))")
        let loaded = try fixture.load()
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics.map(\.formatted))")
        let steps = try #require(loaded.articles.first).procedures.flatMap(\.steps)
        #expect(steps.map(\.isManual) == [false, false, true, true], "sign out read, the two unread ones manual")
    }

    @Test("without a phrasebook in the content, nothing is marked")
    func noPhrasebookNoMarks() throws {
        let fixture = try ImportFixture(source: ["_articles/vault/facts.md": Self.article])
        defer { fixture.remove() }
        try FileManager.default.removeItem(atPath: fixture.content + "/en/phrasebook.yml")
        _ = fixture.run(.jekyll)
        #expect(try !fixture.text("en/vault/facts.md").contains("<!-- list -->"))
    }
}
