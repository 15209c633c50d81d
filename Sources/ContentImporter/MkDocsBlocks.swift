internal import Foundation

/// The block constructs of MkDocs Material: admonitions (`!!! note "Title"`, collapsible
/// `??? tip`, `???+ tip`) and content tabs (`=== "Tab"`), each holding the lines indented four
/// spaces under it; `--8<--` snippets, which the import cannot follow.
///
/// Admonitions become notes; tabs become sections, one heading level under the one before.
struct MkDocsBlocks: BlockSyntax {
    private(set) var output: [SourceLine] = []
    private var lastHeading: Int?
    /// The heading level before the current run of tabs: each tab's heading goes one under it.
    private var tabsLevel: Int?

    init(outerLevel: Int?) {
        lastHeading = outerLevel
    }

    mutating func block(_ lines: [SourceLine], at index: Int, in conversion: inout ArticleConversion) -> Int? {
        let line = lines[index]
        let body = line.trimmed
        if let opener = Self.admonition(body) {
            let (inner, next) = Self.indentedBlock(lines, after: index)
            let kind = NoteBlock.kind(of: opener.type, what: "admonition", line: line.line, in: &conversion)
            let converted = BodyConverter.convert(inner, in: &conversion, outerLevel: lastHeading)
            let indent = String(repeating: " ", count: line.indentation)
            output += NoteBlock.lines(kind: kind, title: opener.title, content: converted, at: line.line, indent: indent)
            return next
        }
        if let tab = Self.tab(body) {
            let (inner, next) = Self.indentedBlock(lines, after: index)
            if tabsLevel == nil { tabsLevel = lastHeading }
            let level = min((tabsLevel ?? 1) + 1, 6)
            output += [SourceLine("", line: line.line), SourceLine(String(repeating: "#", count: level) + " " + tab, line: line.line), SourceLine("", line: line.line)]
            output += BodyConverter.convert(inner, in: &conversion, outerLevel: level).map { SourceLine($0.text, line: $0.line, isFinal: true) }
            return next
        }
        if body.hasPrefix("--8<--") {
            conversion.report("snippet '\(body)' includes another file, which the import does not follow; paste its text", line: line.line)
            output += NoteBlock.unconverted([line], what: "MkDocs snippet")
            return index + 1
        }
        return nil
    }

    mutating func append(_ line: SourceLine) {
        // A line of text ends a run of tabs; blank lines between tabs do not.
        if !line.isBlank { tabsLevel = nil }
        if let level = line.headingLevel, !line.isFinal { lastHeading = level }
        output.append(line)
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
