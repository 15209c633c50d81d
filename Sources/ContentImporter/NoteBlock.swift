internal import Foundation
/// Our notes written out: a block quote with its GitHub-style kind marker (`> [!WARNING]`),
/// as README's "Writing content" describes them, around lines already in our format.
enum NoteBlock {
    /// The quote lines: the marker, the title in bold when there is one, then the content.
    /// Headings cannot be inside a note (the parser refuses them), so they become bold lines.
    /// `indent` (the opening line's own) keeps a note that was inside a list item in it.
    static func lines(kind: String, title: String?, content: [SourceLine], at line: Int, indent: String = "") -> [SourceLine] {
        var result = [SourceLine("", line: line, isFinal: true), SourceLine("> [!\(kind.uppercased())]", line: line, isFinal: true)]
        if let title, !title.isEmpty { result.append(SourceLine("> **\(title)**", line: line, isFinal: true)) }
        var body = content
        while body.first?.isBlank == true { body.removeFirst() }
        while body.last?.isBlank == true { body.removeLast() }
        if title != nil, !(title ?? "").isEmpty, !body.isEmpty { result.append(SourceLine(">", line: line, isFinal: true)) }
        var fence = FenceTracker()
        for item in body {
            var text = item.text
            if !fence.isCode(item), let level = item.headingLevel {
                text = "**" + item.trimmed.dropFirst(level).trimmingPrefixSpaces() + "**"
            }
            result.append(SourceLine(text.isEmpty ? ">" : "> " + text, line: item.line, isFinal: true))
        }
        result.append(SourceLine("", line: line, isFinal: true))
        return indent.isEmpty ? result : result.map { SourceLine($0.text.isEmpty ? "" : indent + $0.text, line: $0.line, isFinal: true) }
    }

    /// Our kind for a Jekyll callout (`{% callout success %}`), a MkDocs admonition type or a
    /// Docusaurus one; nil for a type none of them has.
    static func kind(for type: String) -> String? {
        switch type.lowercased() {
        case "note", "info", "abstract", "summary", "tldr", "todo", "question", "help", "faq", "example", "quote", "cite", "secondary", "primary", "light", "dark":
            "note"
        case "tip", "hint", "success", "check", "done": "tip"
        case "important": "important"
        case "warning", "caution", "attention": "warning"
        case "danger", "error", "failure", "fail", "missing", "bug": "caution"
        default: nil
        }
    }

    /// Our kind for a source's note type; an unknown type is a plain note, and a finding.
    static func kind(of type: String, what: String, line: Int, in conversion: inout ArticleConversion) -> String {
        if let kind = kind(for: type) { return kind }
        conversion.report("\(what) type '\(type)' is unknown; written as a note", line: line)
        return "note"
    }

    /// A block of raw HTML or template text the import cannot convert, kept where it was as
    /// code inside a note, so that both the page and the report show it.
    static func unconverted(_ lines: [SourceLine], what: String) -> [SourceLine] {
        let first = lines.first?.line ?? 1
        let fence = lines.contains(where: { $0.text.contains("```") }) ? "~~~~" : "```"
        let content = [SourceLine("Not converted by the import (\(what), source line \(first)); rewrite it in Markdown:", line: first),
                       SourceLine("", line: first), SourceLine(fence, line: first)]
            + lines.map { SourceLine($0.text, line: $0.line) } + [SourceLine(fence, line: first)]
        return self.lines(kind: "important", title: nil, content: content, at: first)
    }
}
