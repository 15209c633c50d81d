internal import Foundation

/// Blocks every format may hold: embedded frames (videos), raw HTML blocks, Docusaurus-style
/// `:::note` admonitions.
enum SharedBlocks {
    /// The HTML elements that open a block of raw HTML the import keeps as an unconverted note.
    static let blockElements: Set<String> = [
        "table", "form", "script", "object", "video", "audio", "ol", "ul", "dl", "details", "figure", "style",
        "embed", "pre", "select", "svg", "button", "input", "textarea", "noscript",
    ]

    /// Converts the block starting at `index` when it is one of these; the lines written and
    /// the index after it, or nil to let the format's converter read the line.
    static func convert(_ lines: [SourceLine], at index: Int, in conversion: inout ArticleConversion) -> (lines: [SourceLine], next: Int)? {
        let line = lines[index]
        let body = line.trimmed
        if body.contains("<iframe") { return frame(lines, at: index, in: &conversion) }
        if body.hasPrefix(":::"), let type = body.dropFirst(3).split(separator: " ").first {
            return admonition(lines, at: index, type: String(type), in: &conversion)
        }
        if let name = openingElement(body), blockElements.contains(name) {
            if name == "ul" || name == "ol", let list = simpleList(lines, at: index, ordered: name == "ol") { return list }
            var end = index
            while end < lines.count, !lines[end].isBlank { end += 1 }
            let block = Array(lines[index..<end])
            conversion.report("raw HTML <\(name)> block (\(block.count) lines) is not converted; kept as code in a note, rewrite it in Markdown", line: line.line)
            return (NoteBlock.unconverted(block, what: "raw HTML"), end)
        }
        return nil
    }

    /// The element a line opens (`<script` even when its tag goes on over the next lines).
    private static func openingElement(_ body: Substring) -> String? {
        guard body.hasPrefix("<") else { return nil }
        let name = body.dropFirst().prefix(while: { $0.isLetter || $0.isNumber })
        return name.isEmpty ? nil : name.lowercased()
    }

    /// `<ul>` (or `<ol>`) whose lines are each one `<li>…</li>`, up to its `</ul>`: a Markdown
    /// list at the same indentation, its items' inline HTML converted like any text.
    private static func simpleList(_ lines: [SourceLine], at index: Int, ordered: Bool) -> (lines: [SourceLine], next: Int)? {
        let indent = String(repeating: " ", count: lines[index].indentation)
        let close = ordered ? "</ol>" : "</ul>"
        var items: [SourceLine] = [SourceLine("", line: lines[index].line)]
        var end = index + 1
        while end < lines.count {
            let body = lines[end].trimmed.trimmingCharacters(in: .whitespaces)
            if body == close {
                return (items + [SourceLine("", line: lines[end].line)], end + 1)
            }
            guard body.hasPrefix("<li"), body.hasSuffix("</li>"), let open = body.firstIndex(of: ">") else { return nil }
            let text = body[body.index(after: open)...].dropLast("</li>".count).trimmingCharacters(in: .whitespaces)
            items.append(SourceLine(indent + (ordered ? "1. " : "- ") + text, line: lines[end].line))
            end += 1
        }
        return nil
    }

    /// `<iframe src=…>` (a video, mostly): our pages embed no frame, so it becomes a link to
    /// what it showed, and is reported.
    private static func frame(_ lines: [SourceLine], at index: Int, in conversion: inout ArticleConversion) -> (lines: [SourceLine], next: Int) {
        var end = index
        var text = lines[index].text
        while !text.contains("</iframe>"), !text.contains("/>"), end + 1 < lines.count, !lines[end + 1].isBlank {
            end += 1
            text += " " + lines[end].text
        }
        let tags = HTMLTag.all(in: text)
        let frame = tags.first(where: { $0.name == "iframe" && !$0.isClosing })
        let source = frame?.attributes["src"] ?? ""
        let title = frame?.attributes["title"].flatMap { $0.isEmpty ? nil : $0 } ?? "Watch the video"
        conversion.report("<iframe> '\(source)' cannot be embedded (our pages load nothing from other sites); replaced by a link to it", line: lines[index].line)
        var written = [SourceLine("", line: lines[index].line)]
        if let frame {
            let before = String(text[..<frame.range.lowerBound]).trimmingCharacters(in: .whitespaces)
            if !before.isEmpty { written.append(SourceLine(before, line: lines[index].line)) }
        }
        written.append(SourceLine("[\(title)](\(source))", line: lines[index].line, isFinal: true))
        written.append(SourceLine("", line: lines[index].line))
        return (written, end + 1)
    }

    /// `:::note Title` … `:::` (Docusaurus, and some MkDocs plugins).
    private static func admonition(_ lines: [SourceLine], at index: Int, type: String, in conversion: inout ArticleConversion) -> (lines: [SourceLine], next: Int)? {
        guard let close = lines[(index + 1)...].firstIndex(where: { $0.trimmed.trimmingCharacters(in: .whitespaces) == ":::" }) else { return nil }
        let title = lines[index].trimmed.dropFirst(3 + type.count).trimmingCharacters(in: .whitespaces)
        let kind = NoteBlock.kind(of: type, what: "admonition", line: lines[index].line, in: &conversion)
        let inner = BodyConverter.convert(Array(lines[(index + 1)..<close]), in: &conversion)
        return (NoteBlock.lines(kind: kind, title: title.isEmpty ? nil : title, content: inner, at: lines[index].line), close + 1)
    }
}
