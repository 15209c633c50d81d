import Foundation
@testable import HelpParser
import HelpModel
import Testing
import TestSupport

/// `content/<locale>/vocabulary.yml`: the product's unbolded names read as places, bad entries
/// reported at their line and column, and the file the importer writes read back.
@Suite("Product vocabulary")
struct ProductVocabularyTests {
    static let phrasebookFile = "content/en/phrasebook.yml"

    static func phrasebook(vocabulary: String?) throws -> (Phrasebook, [Diagnostic]) {
        let text = try String(contentsOf: repositoryContent.appendingPathComponent("en/phrasebook.yml"), encoding: .utf8)
        let (book, diagnostics) = StepExplainer.phrasebook(
            text: text, file: phrasebookFile, locale: "en", vocabulary: vocabulary.map { (text: $0, file: "content/en/vocabulary.yml") })
        return (try #require(book), diagnostics)
    }

    @Test("a product place and an unbolded label read as places, adding no action")
    func namesReadAsPlaces() throws {
        let steps = ["Select **Export** in Admin Console.", "Choose **Import** from Tools."]
        let (plain, _) = try Self.phrasebook(vocabulary: nil)
        for step in steps { #expect(!StepExplainer.read(step, phrasebook: plain).diagnostics.isEmpty, "\(step) reads without the vocabulary") }
        let (book, diagnostics) = try Self.phrasebook(vocabulary: "places: [\"Admin Console\"]\nlabels: [\"Tools\"]\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        #expect(StepExplainer.read(steps[0], phrasebook: book).actions.map(\.summary) == ["choose \"Export\""])
        #expect(StepExplainer.read(steps[1], phrasebook: book).actions.map(\.summary) == ["choose \"Import\""])
    }

    @Test("hundreds of names are one place: each reads, names sharing words read as the longest, a name in part does not")
    func manyNames() throws {
        // Names that share their first words, special characters, accents and case.
        var names = (0..<400).map { "Panel \($0)" } + ["Tools", "Tools & Settings", "Réglages (avancés)", "Admin Console"]
        names.shuffle()
        let yaml = "labels:\n" + names.map { "  - \"\($0)\"\n" }.joined()
        let (book, diagnostics) = try Self.phrasebook(vocabulary: yaml)
        #expect(diagnostics.isEmpty)
        #expect(book.grammar.places.filter { $0.part.text.contains("names of vocabulary.yml") }.count == 1, "one place for 404 names")
        for step in ["Choose **Import** from Panel 399.", "Choose **Import** from the Tools & Settings menu.",
                     "Choose **Import** from Tools.", "Choose **Import** in réglages (Avancés).", "Choose **Import** in your admin console."] {
            #expect(StepExplainer.read(step, phrasebook: book).actions.map(\.summary) == ["choose \"Import\""], "\(step)")
        }
        for step in ["Choose **Import** from Panel 400.", "Choose **Import** from Admin."] {
            #expect(!StepExplainer.read(step, phrasebook: book).diagnostics.isEmpty, "\(step) names no name of the file")
        }
    }

    @Test("every bad entry is reported at its line and column, and the good ones still read")
    func badEntries() throws {
        let (book, diagnostics) = try Self.phrasebook(vocabulary: """
            places:
              - "Admin Console"
              - [nested]
            labels: "Tools"
            colours: []
            """)
        #expect(diagnostics.map(\.formatted) == [
            "content/en/vocabulary.yml:3:5: error: each entry of 'places' is a name in quotes, not a list, a mapping or nothing",
            "content/en/vocabulary.yml:4:9: error: 'labels' is a list of names: [\"Web Vault\", \"Settings\"]",
            "content/en/vocabulary.yml:5:1: error: unknown vocabulary section 'colours'; known: places, labels, fields",
        ])
        #expect(StepExplainer.read("Select **Export** in Admin Console.", phrasebook: book).diagnostics.isEmpty)
    }

    @Test("a vocabulary that is not a mapping is an error at its position")
    func notAMapping() throws {
        let (_, diagnostics) = try Self.phrasebook(vocabulary: "- Tools\n")
        #expect(diagnostics.map(\.formatted) == [
            "content/en/vocabulary.yml:1:1: error: a vocabulary is a mapping with 'places', 'labels' and 'fields', each a list of names"
        ])
    }

    @Test("the importer's file lists each name once, sorted and quoted, and loads back as it was given")
    func writtenFileLoadsBack() throws {
        let text = ProductVocabulary.yaml(
            labels: ["Tools", "Save", "Tools", " ", "Say \"hi\" (now)"], places: ["Web Vault"], fields: ["PIN", "PIN"], locale: "en")
        #expect(text.contains("  - \"Save\"\n  - \"Say \\\"hi\\\" (now)\"\n  - \"Tools\"\n"))
        let (vocabulary, diagnostics) = ProductVocabularyLoader.load(text: text, file: "vocabulary.yml")
        #expect(diagnostics.isEmpty)
        #expect(vocabulary == ProductVocabulary(places: ["Web Vault"], labels: ["Save", "Say \"hi\" (now)", "Tools"], fields: ["PIN"]))
        let (book, _) = try Self.phrasebook(vocabulary: text)
        #expect(StepExplainer.read("Click **OK** in the Say \"hi\" (now) dialog.", phrasebook: book).actions.map(\.summary) == ["click \"OK\""])
    }

    @Test("every field a step types into that no vocabulary knows is an error of its own, so the importer adds them in one pass")
    func everyUnknownFieldAtOnce() throws {
        let (plain, _) = try Self.phrasebook(vocabulary: nil)
        let unknown = StepExplainer.read("Enter your **Organization Name** and your **Billing Email**.", phrasebook: plain).diagnostics
        #expect(unknown.map(\.code) == [ArticleParser.unknownFieldCode, ArticleParser.unknownFieldCode], "\(unknown.map(\.formatted))")
        #expect(unknown.map(\.location.column) == [14, 45])
        #expect(unknown.map { $0.message.contains("\"Organization Name\"") } == [true, false])
    }

    @Test("a field of the vocabulary takes text: a step fills it, pressing it is refused, and the phrasebook's own fields stay theirs")
    func fieldsTakeText() throws {
        let step = "Enter your **Master Password** and click **Submit**."
        let (plain, _) = try Self.phrasebook(vocabulary: nil)
        let unknown = StepExplainer.read(step, phrasebook: plain).diagnostics
        #expect(unknown.map(\.code) == [ArticleParser.unknownFieldCode], "\(unknown.map(\.formatted))")
        #expect(unknown.first?.location == SourceLocation(line: 1, column: 14), "at the label's text, where the importer looks")
        #expect(unknown.first?.message.contains("under 'fields:' in the locale's vocabulary.yml") == true)
        let (book, diagnostics) = try Self.phrasebook(vocabulary: "fields: [\"Master Password\", \"Username\"]\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        let read = StepExplainer.read(step, phrasebook: book).actions
        #expect(read.map(\.summary) == ["fill text \"Master Password\"", "click \"Submit\""])
        // The field is where vocabulary.yml names it, as a phrasebook field is where it is written.
        let field = try #require(book.grammar.fields.first { $0.label == "Master Password" })
        #expect(field.file == "content/en/vocabulary.yml" && field.location == SourceLocation(line: 1, column: 10), "\(field)")
        let pressed = StepExplainer.read("Click **Master Password**.", phrasebook: book).diagnostics
        #expect(pressed.first?.message.contains("is the label of a field") == true, "\(pressed.map(\.formatted))")
        // "Username" is the phrasebook's field of kind username: the vocabulary does not make it text.
        #expect(StepExplainer.read("Enter your **Username**.", phrasebook: book).actions.map(\.summary) == ["fill username \"Username\""])
    }
}
