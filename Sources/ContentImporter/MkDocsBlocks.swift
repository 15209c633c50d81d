internal import Foundation

/// The block constructs of MkDocs Material: admonitions (`!!! note "Title"`, collapsible
/// `??? tip`, `???+ tip`) and content tabs (`=== "Tab"`), each holding the lines indented four
/// spaces under it; `--8<--` snippets, which the import cannot follow.
///
/// Admonitions become notes; tabs become sections, one heading level under the one before.
struct MkDocsBlocks {
    private var output: [SourceLine] = []
    private var lastHeading: Int?

    static func convert(_ lines: [SourceLine], in conversion: inout ArticleConversion, outerLevel: Int?) -> [SourceLine] {
        var blocks = MkDocsBlocks(lastHeading: outerLevel)
        blocks.read(lines, in: &conversion)
        return blocks.output
    }

    private init(lastHeading: Int?) {
        self.lastHeading = lastHeading
    }

    private mutating func read(_ lines: [SourceLine], in conversion: inout ArticleConversion) {
        var fence = FenceTracker()
        var index = 0
        var tabsLevel: Int?
        while index < lines.count {
            let line = lines[index]
            if fence.isCode(line) {
                output.append(SourceLine(line.text, line: line.line, isFinal: true))
                index += 1
                continue
            }
            let body = line.trimmed
            if let opener = Self.admonition(body) {
                let (inner, next) = Self.indentedBlock(lines, after: index)
                let kind = NoteBlock.kind(for: opener.type) ?? "note"
                if NoteBlock.kind(for: opener.type) == nil {
                    conversion.report("admonition type '\(opener.type)' is unknown; written as a note", line: line.line)
                }
                let converted = BodyConverter.convert(inner, in: &conversion, outerLevel: lastHeading)
                let indent = String(repeating: " ", count: line.indentation)
                output += NoteBlock.lines(kind: kind, title: opener.title, content: converted, at: line.line, indent: indent)
                index = next
                continue
            }
            if let tab = Self.tab(body) {
                let (inner, next) = Self.indentedBlock(lines, after: index)
                if tabsLevel == nil { tabsLevel = lastHeading }
                let level = min((tabsLevel ?? 1) + 1, 6)
                output += [SourceLine("", line: line.line), SourceLine(String(repeating: "#", count: level) + " " + tab, line: line.line, isFinal: false), SourceLine("", line: line.line)]
                output += BodyConverter.convert(inner, in: &conversion, outerLevel: level).map { SourceLine($0.text, line: $0.line, isFinal: true) }
                index = next
                continue
            }
            if !line.isBlank { tabsLevel = nil }
            if body.hasPrefix("--8<--") {
                conversion.report("snippet '\(body)' includes another file, which the import does not follow; paste its text", line: line.line)
                output += NoteBlock.unconverted([line], what: "MkDocs snippet")
                index += 1
                continue
            }
            if let shared = SharedBlocks.convert(lines, at: index, in: &conversion) {
                output += shared.lines
                index = shared.next
                continue
            }
            if let level = line.headingLevel { lastHeading = level }
            output.append(line)
            index += 1
        }
    }

    /// `!!! type "Title"`, `??? type`, `???+ type`: the type and the title (nil without one;
    /// `""` asks for no title at all).
    private static func admonition(_ body: Substring) -> (type: String, title: String?)? {
        guard let marker = ["???+", "!!!", "???"].first(where: { body.hasPrefix($0 + " ") }) else { return nil }
        let rest = body.dropFirst(marker.count).trimmingPrefixSpaces()
        let type = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        guard !type.isEmpty else { return nil }
        let after = rest.dropFirst(type.count).trimmingCharacters(in: .whitespaces)
        // `!!! note inline end "Title"`: placement words before the title are Material's layout.
        guard let open = after.firstIndex(of: "\""), let close = after.lastIndex(of: "\""), open < close else {
            return (String(type), nil)
        }
        return (String(type), String(after[after.index(after: open)..<close]))
    }

    /// `=== "Tab name"` (or `===+`): the tab's name.
    private static func tab(_ body: Substring) -> String? {
        guard body.hasPrefix("=== ") || body.hasPrefix("===+ ") else { return nil }
        let rest = body.drop(while: { $0 == "=" || $0 == "+" }).trimmingCharacters(in: .whitespaces)
        guard rest.count >= 2, rest.hasPrefix("\""), rest.hasSuffix("\"") else { return nil }
        return String(rest.dropFirst().dropLast())
    }

    /// The lines under a block opener: blank or indented four spaces, dedented; and the index after.
    private static func indentedBlock(_ lines: [SourceLine], after index: Int) -> ([SourceLine], Int) {
        let base = lines[index].indentation
        var end = index + 1
        while end < lines.count, lines[end].isBlank || lines[end].indentation >= base + 4 { end += 1 }
        while end > index + 1, lines[end - 1].isBlank { end -= 1 }
        return (lines[(index + 1)..<end].map { $0.dedented(by: base + 4) }, end)
    }
}
