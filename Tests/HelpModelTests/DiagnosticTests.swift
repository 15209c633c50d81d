import HelpModel
import Testing

@Suite("Diagnostics")
struct DiagnosticTests {
    @Test("formatted compiler style, with notes on their own lines")
    func formatting() {
        let diagnostic = Diagnostic.error(
            "step 2 does not read", file: "content/fr/a.md", at: SourceLocation(line: 12, column: 4),
            notes: [.init(file: "content/fr/phrasebook.yml", location: SourceLocation(line: 3, column: 13), message: "nearest phrase")])
        #expect(diagnostic.formatted == """
            content/fr/a.md:12:4: error: step 2 does not read
            content/fr/phrasebook.yml:3:13: note: nearest phrase
            """)
    }

    @Test("reports list errors before warnings, each by file and position")
    func ordering() {
        let at = { (line: Int) in SourceLocation(line: line, column: 1) }
        let diagnostics: [Diagnostic] = [
            .warning("w", file: "a.md", at: at(1)),
            .error("late", file: "b.md", at: at(9)),
            .error("early", file: "b.md", at: at(2)),
            .error("first file", file: "a.md", at: at(5)),
        ]
        #expect(diagnostics.sortedForReport().map(\.message) == ["first file", "early", "late", "w"])
        #expect(diagnostics.errorCount == 3)
        #expect(diagnostics.warningCount == 1)
    }
}
