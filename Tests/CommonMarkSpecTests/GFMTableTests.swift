import Foundation
import HelpModel
import Testing

/// A GitHub-flavoured pipe table case: Markdown and what `cmark-gfm -e table` (0.29.0.gfm.6,
/// Debian's `cmark-gfm`) writes for it. The first eight are the table examples of the GFM spec;
/// the others were written for our reader and recorded from the same binary.
struct GFMTableCase: Sendable, CustomTestStringConvertible {
    var name: String
    var markdown: String
    var cmarkGFM: String

    init(_ name: String, markdown: String, cmarkGFM: String) {
        self.name = name
        self.markdown = markdown
        self.cmarkGFM = cmarkGFM
    }

    var testDescription: String { name }

    static let all: [GFMTableCase] = [
        GFMTableCase(
            "header, delimiter and one row (GFM spec 198)",
            markdown: "| foo | bar |\n| --- | --- |\n| baz | bim |\n",
            cmarkGFM: "<table>\n<thead>\n<tr>\n<th>foo</th>\n<th>bar</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>baz</td>\n<td>bim</td>\n</tr>\n</tbody>\n</table>\n"),
        GFMTableCase(
            "alignment, no outer pipes (GFM spec 199)",
            markdown: "| abc | defghi |\n:-: | -----------:\nbar | baz\n",
            cmarkGFM: "<table>\n<thead>\n<tr>\n<th align=\"center\">abc</th>\n<th align=\"right\">defghi</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"center\">bar</td>\n<td align=\"right\">baz</td>\n</tr>\n</tbody>\n</table>\n"),
        GFMTableCase(
            "escaped pipes, in code and bold too (GFM spec 200)",
            markdown: "| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n",
            cmarkGFM: "<table>\n<thead>\n<tr>\n<th>f|oo</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b <code>|</code> az</td>\n</tr>\n<tr>\n<td>b <strong>|</strong> im</td>\n</tr>\n</tbody>\n</table>\n"),
        GFMTableCase(
            "a block quote ends the table (GFM spec 201)",
            markdown: "| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n",
            cmarkGFM: "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n</tbody>\n</table>\n<blockquote>\n<p>bar</p>\n</blockquote>\n"),
        GFMTableCase(
            "a blank line ends it; a row without pipes is a row (GFM spec 202)",
            markdown: "| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n",
            cmarkGFM: "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n<tr>\n<td>bar</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n<p>bar</p>\n"),
        GFMTableCase(
            "header and delimiter of different widths: a paragraph (GFM spec 203)",
            markdown: "| abc | def |\n| --- |\n| bar |\n",
            cmarkGFM: "<p>| abc | def |\n| --- |\n| bar |</p>\n"),
        GFMTableCase(
            "short rows padded, long rows cut (GFM spec 204)",
            markdown: "| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n",
            cmarkGFM: "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td></td>\n</tr>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n</tbody>\n</table>\n"),
        GFMTableCase(
            "no body rows: no tbody (GFM spec 205)",
            markdown: "| abc | def |\n| --- | --- |\n",
            cmarkGFM: "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n</table>\n"),
        GFMTableCase(
            "lines before the header stay a paragraph",
            markdown: "Some *text\nhere* ok\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            cmarkGFM: "<p>Some <em>text\nhere</em> ok</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"),
        GFMTableCase(
            "a table in a block quote, left-aligned column",
            markdown: "> | a | b |\n> |---|:--|\n> | 1 | 2 |\n",
            cmarkGFM: "<blockquote>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th align=\"left\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td align=\"left\">2</td>\n</tr>\n</tbody>\n</table>\n</blockquote>\n"),
        GFMTableCase(
            "a one-column table without pipes",
            markdown: "a\n:-\n",
            cmarkGFM: "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n</tr>\n</thead>\n</table>\n"),
        GFMTableCase(
            "a pipe ends a cell even inside backticks",
            markdown: "| a |\n| - |\n| `x|y` |\n",
            cmarkGFM: "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>`x</td>\n</tr>\n</tbody>\n</table>\n"),
        GFMTableCase(
            "inline Markdown in cells: links, emphasis, code, an empty cell",
            markdown: "| Name | What |\n|:-----|-----:|\n| [docs](https://example.com/d) | *see* `x` |\n| | **Save** |\n",
            cmarkGFM: "<table>\n<thead>\n<tr>\n<th align=\"left\">Name</th>\n<th align=\"right\">What</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\"><a href=\"https://example.com/d\">docs</a></td>\n<td align=\"right\"><em>see</em> <code>x</code></td>\n</tr>\n<tr>\n<td align=\"left\"></td>\n<td align=\"right\"><strong>Save</strong></td>\n</tr>\n</tbody>\n</table>\n"),
        GFMTableCase(
            "cells that would start a block are inline text",
            markdown: "| a | b | c |\n|---|---|---|\n| # no | - no | 1. no |\n| > no | *** | ``` |\n",
            cmarkGFM: "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n<th>c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td># no</td>\n<td>- no</td>\n<td>1. no</td>\n</tr>\n<tr>\n<td>&gt; no</td>\n<td>***</td>\n<td>```</td>\n</tr>\n</tbody>\n</table>\n"),
        GFMTableCase(
            "a backslash before the pipe keeps it in the cell",
            markdown: "|a|b|\n|-|-|\n|\\\\|x|\n",
            cmarkGFM: "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>|x</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n"),
        GFMTableCase(
            "a table in a list item",
            markdown: "- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n",
            cmarkGFM: "<ul>\n<li>\n<p>item</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n</li>\n</ul>\n"),
    ]
}

/// Pipe tables render as cmark-gfm renders them (after ``HTMLNormaliser``: the scrolling box
/// and `scope="col"` are the site's own), through the real parser and renderer.
@Suite("GFM pipe tables")
struct GFMTableTests {
    static let oracle = "/usr/bin/cmark-gfm"

    @Test("each case renders as the recorded cmark-gfm HTML", arguments: GFMTableCase.all)
    func rendersAsCmarkGFM(_ example: GFMTableCase) throws {
        let rendering = try #require(SpecRendering.shared)
        guard case .rendered(let ours) = rendering.render(markdown: example.markdown, number: 9000) else {
            Issue.record("refused: \(rendering.render(markdown: example.markdown, number: 9000))")
            return
        }
        // A block quote is a note here, as in the CommonMark suite: undo that decision alone.
        let (undone, _) = DesignDecision.note.undo(ours: ours, cmark: example.cmarkGFM)
        #expect(HTMLNormaliser.normalised(undone) == HTMLNormaliser.normalised(example.cmarkGFM), "\(ours)")
    }

    @Test(
        "the recorded HTML is what the installed cmark-gfm writes (scripts/setup.sh installs it)",
        .enabled(if: FileManager.default.isExecutableFile(atPath: GFMTableTests.oracle)), arguments: GFMTableCase.all)
    func recordingsMatchTheOracle(_ example: GFMTableCase) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.oracle)
        process.arguments = ["-e", "table"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(example.markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(String(decoding: data, as: UTF8.self) == example.cmarkGFM)
    }

    @Test("a row with another number of cells is a warning at its line; a mismatched delimiter row too")
    func brokenRowsWarn() throws {
        let markdown = "| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n\n| x | y |\n|---|\n"
        let rendering = try #require(SpecRendering.shared)
        let warnings = rendering.warnings(markdown: markdown)
        #expect(warnings == [
            "content/en/spec-9001.md:12:1: warning: table row has 1 cell where the header has 2; it is padded with empty cells",
            "content/en/spec-9001.md:13:1: warning: table row has 3 cells where the header has 2; the cells past column 2 are dropped (write \\| for a pipe inside a cell)",
            "content/en/spec-9001.md:16:1: warning: this looks like a table, but the header row has 2 cells and the delimiter row 1 cell; it is shown as a paragraph: give both rows the same number of cells",
        ])
    }
}
