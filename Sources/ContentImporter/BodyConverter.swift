internal import Foundation

/// Converts the body of a source article into our Markdown: the format's blocks first
/// (callouts, tabs, admonitions), then every line's inline constructs, then line breaks.
struct BodyConverter {
    /// The heading level the converted lines are under (tabs become headings one deeper).
    var outerLevel: Int?

    static func convert(_ lines: [SourceLine], in conversion: inout ArticleConversion, outerLevel: Int? = nil) -> [SourceLine] {
        let blocks: [SourceLine]
        switch conversion.site.format {
        case .jekyll: blocks = JekyllBlocks.convert(lines, in: &conversion, outerLevel: outerLevel)
        case .mkdocs: blocks = MkDocsBlocks.convert(lines, in: &conversion, outerLevel: outerLevel)
        }
        var fence = FenceTracker()
        let rewritten = blocks.map { line -> SourceLine in
            if line.isFinal || fence.isCode(line) { return line }
            return SourceLine(InlineRewriter.rewrite(line.text, line: line.line, in: &conversion), line: line.line)
        }
        return LineBreaks.resolved(rewritten)
    }

    /// The lines from `start` up to the line holding the tag `end` (alone or at its end), with
    /// what a one-line block holds on its opening line; nil when the block is never closed.
    static func collect(
        _ lines: [SourceLine], from start: Int, opening: Liquid.Tag, end: String
    ) -> (inner: [SourceLine], next: Int)? {
        var inner: [SourceLine] = []
        let first = lines[start]
        var rest = String(first.text[opening.range.upperBound...])
        var index = start
        while true {
            let text = index == start ? rest : lines[index].text
            if let close = Liquid.tag(named: end, in: text) {
                let before = String(text[..<close.range.lowerBound])
                if !before.trimmingCharacters(in: .whitespaces).isEmpty { inner.append(SourceLine(before, line: lines[index].line)) }
                return (inner, index + 1)
            }
            if index > start || !rest.trimmingCharacters(in: .whitespaces).isEmpty {
                inner.append(SourceLine(text, line: lines[index].line))
            }
            rest = ""
            index += 1
            guard index < lines.count else { return nil }
        }
    }
}
