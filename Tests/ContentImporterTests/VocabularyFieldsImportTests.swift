import ContentImporter
import Foundation
import HelpModel
import HelpParser
import Testing

/// The fields of the product vocabulary: the import reads the converted steps as the build will,
/// with the labels it collected, and writes each label a step types into but no field vocabulary
/// knows under `fields:`, so that the step reads as typing text into that field.
@Suite("import: the vocabulary's fields")
struct VocabularyFieldsImportTests {
    static let article = """
        ---
        title: Export your vault
        ---
        To export your vault:

        1. Select **Tools** > **Export Vault**.
        2. Enter your **Master Password** and select **Submit**.
        3. From the **File Format** dropdown, choose **CSV**.
        """

    @Test("every label one step types into becomes a field in one import, not the first only")
    func everyFieldOfAStep() throws {
        let article = "---\ntitle: New organization\n---\nTo start:\n\n1. Enter an **Organization Name** and the **Billing Email**.\n2. Select **Submit**.\n"
        let fixture = try ImportFixture(source: ["_articles/organizations/new.md": article])
        defer { fixture.remove() }
        _ = try fixture.run(.jekyll).summary()
        let (vocabulary, _) = ProductVocabulary.read(text: try fixture.text("en/vocabulary.yml"), file: "vocabulary.yml")
        #expect(vocabulary.fields == ["Billing Email", "Organization Name"], "\(vocabulary.fields)")
        let loaded = try fixture.load()
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics.map(\.formatted))")
    }

    @Test("a label a step types into becomes a field; the article then builds with that step a fill")
    func fieldsWritten() throws {
        let fixture = try ImportFixture(source: ["_articles/vault/export.md": Self.article])
        defer { fixture.remove() }
        _ = try fixture.run(.jekyll).summary()
        let path = fixture.content + "/en/vocabulary.yml"
        let (vocabulary, problems) = ProductVocabulary.read(text: try fixture.text("en/vocabulary.yml"), file: path)
        #expect(problems.isEmpty)
        #expect(vocabulary.fields == ["Master Password"], "only the label typed into: \(vocabulary.fields)")
        #expect(vocabulary.labels.contains("Master Password") && vocabulary.labels.contains("File Format"))
        let loaded = try fixture.load()
        #expect(loaded.diagnostics.filter { $0.file.hasSuffix("export.md") && $0.severity == .error }.isEmpty,
                "\(loaded.diagnostics.map(\.formatted))")
        let article = try #require(loaded.articles.first { $0.file.hasSuffix("export.md") })
        guard case .procedure(let procedure)? = article.intro.first(where: { if case .procedure = $0 { true } else { false } }) else {
            Issue.record("no procedure")
            return
        }
        #expect(procedure.steps[1].actions.map(\.summary) == ["fill text \"Master Password\"", "choose \"Submit\""])
    }

    @Test("fields the file already held are kept; a second import adds none twice")
    func fieldsMerged() throws {
        let fixture = try ImportFixture(source: ["_articles/vault/export.md": Self.article])
        defer { fixture.remove() }
        let path = fixture.content + "/en/vocabulary.yml"
        try "fields: [\"PIN\"]\n".write(toFile: path, atomically: true, encoding: .utf8)
        _ = try fixture.run(.jekyll).summary()
        _ = try fixture.run(.jekyll).summary()
        let (vocabulary, _) = ProductVocabulary.read(text: try fixture.text("en/vocabulary.yml"), file: path)
        #expect(vocabulary.fields == ["Master Password", "PIN"])
    }
}
