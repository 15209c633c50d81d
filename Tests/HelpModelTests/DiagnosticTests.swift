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

    @Test("every message and note is one line: a line break in what it quotes becomes one space")
    func oneLine() {
        let diagnostic = Diagnostic.warning(
            "raw HTML '<a\n   href=\"x\">' is dropped", file: "a.md", at: SourceLocation(line: 3, column: 1),
            notes: [.init(file: "a.md", location: SourceLocation(line: 4, column: 1), message: "first\r\nsecond \u{2028} third")])
        #expect(diagnostic.message == "raw HTML '<a href=\"x\">' is dropped")
        #expect(diagnostic.notes[0].message == "first second third")
        #expect(diagnostic.formatted.split(separator: "\n").count == 2)
        #expect(Diagnostic.oneLine("no break  here\t") == "no break  here\t", "spaces without a break are kept")
        #expect(Diagnostic.oneLine("\nlead and trail\n ") == "lead and trail")
    }

    @Test("quoted source is folded to single spaces and cut with an ellipsis")
    func quote() {
        #expect(Diagnostic.quote("<div>\n  <p>x</p>\n</div>") == "<div> <p>x</p> </div>")
        #expect(Diagnostic.quote("abcdef ghij", limit: 7) == "abcdef…")
        #expect(Diagnostic.quote("short", limit: 5) == "short")
    }

    @Test("a code is printed after the message and kept in JSON-able form")
    func code() throws {
        let diagnostic = Diagnostic.warning("Liquid tag '{% x %}' …", file: "a.md", at: SourceLocation(line: 1, column: 1), code: "liquid")
        #expect(diagnostic.formatted == "a.md:1:1: warning: Liquid tag '{% x %}' … [liquid]")
        #expect(Diagnostic.warning("w", file: "a.md", at: SourceLocation(line: 1, column: 1)).code == nil)
    }
}
