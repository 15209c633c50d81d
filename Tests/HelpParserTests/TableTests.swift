import HelpModel
import HelpParser
import Testing
import TestSupport

/// Pipe tables in the model: columns, alignments, cells with their inline Markdown and the
/// source positions of each cell (characters, not bytes, as everywhere).
@Suite("Tables")
struct TableTests {
    static func table(_ body: String) throws -> (Table, [Block]) {
        let text = frenchArticle(body: body)
        let (article, diagnostics) = ArticleParser().parse(Array(text.utf8), file: "content/fr/a.md", locale: "fr", phrasebook: nil)
        let parsed = try #require(article, "\(diagnostics.map(\.formatted))")
        let blocks = parsed.intro
        let table = try #require(blocks.compactMap { block -> Table? in
            if case .table(let table) = block { table } else { nil }
        }.first)
        return (table, blocks)
    }

    @Test("alignments, cells and their positions in characters; a paragraph before the header stays one")
    func model() throws {
        let (table, blocks) = try Self.table("""
            Les droits :
            | Droit | Accès à **Réservations** |
            |:--|:-:|
            | Élevé | oui \\| non |
            """)
        #expect(blocks.count == 2)
        if case .paragraph(let paragraph) = blocks[0] {
            #expect(paragraph.content.plainText == "Les droits :")
        } else {
            Issue.record("expected the paragraph first: \(blocks[0])")
        }
        #expect(table.alignments == [.left, .center])
        #expect(table.header.map(\.content.plainText) == ["Droit", "Accès à Réservations"])
        #expect(table.rows.map { $0.map(\.content.plainText) } == [["Élevé", "oui | non"]])
        #expect(table.range.start == SourceLocation(line: 9, column: 1))
        // "| Élevé | oui" — the second cell starts at character 11 of line 11.
        #expect(table.rows[0][1].range.start == SourceLocation(line: 11, column: 11))
        let label = try #require(table.header[1].content.first { if case .strong = $0.kind { true } else { false } })
        #expect(label.range.start == SourceLocation(line: 9, column: 19), "the bold label keeps its place in the file")
    }

    @Test("the tree dump shows the table")
    func treeDump() throws {
        let text = frenchArticle(body: "| a | b |\n|--:|---|\n| 1 | 2 |")
        let (article, _) = ArticleParser().parse(Array(text.utf8), file: "content/fr/a.md", locale: "fr", phrasebook: nil)
        let dump = try #require(article).treeDump
        #expect(dump.contains("Table columns=2 align=right,none @8:1-10:9"), "\(dump)")
        #expect(dump.contains("Header \"a\" | \"b\""))
        #expect(dump.contains("Row \"1\" | \"2\""))
    }
}
