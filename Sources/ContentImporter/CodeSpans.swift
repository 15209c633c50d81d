internal import Foundation
/// A line cut into code spans and the text between them: conversions touch only the text.
enum CodeSpans {
    struct Segment: Sendable, Hashable {
        var text: String
        var isCode: Bool
    }

    /// A backtick run opens a span only when a run of the same length closes it, as in CommonMark.
    static func segments(of text: String) -> [Segment] {
        guard text.contains("`") else { return [Segment(text: text, isCode: false)] }
        var segments: [Segment] = []
        var plain = ""
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "`" else {
                plain.append(text[index])
                index = text.index(after: index)
                continue
            }
            let run = text[index...].prefix(while: { $0 == "`" })
            if let close = closingRun(of: run.count, in: text, after: run.endIndex) {
                if !plain.isEmpty { segments.append(Segment(text: plain, isCode: false)) }
                plain = ""
                segments.append(Segment(text: String(text[index..<close]), isCode: true))
                index = close
            } else {
                plain += run
                index = run.endIndex
            }
        }
        if !plain.isEmpty { segments.append(Segment(text: plain, isCode: false)) }
        return segments
    }

    /// The end of the first run of exactly `length` backticks after `start`.
    private static func closingRun(of length: Int, in text: String, after start: String.Index) -> String.Index? {
        var index = start
        while let tick = text[index...].firstIndex(of: "`") {
            let run = text[tick...].prefix(while: { $0 == "`" })
            if run.count == length { return run.endIndex }
            index = run.endIndex
        }
        return nil
    }
}

/// kramdown attribute lists (`{:target="_blank"}`, `{: .note}`) and the attr_list of MkDocs
/// (`{ .md-button }`, `{ target=_blank }`): presentation our pages decide themselves, removed.
/// A heading's `{#id}` is our own anchor syntax and stays.
enum AttributeLists {
    static func removed(from text: String, report: (String) -> Void) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "{") {
            result += text[index..<open]
            guard let close = text[open...].firstIndex(of: "}") else {
                result += text[open...]
                return result
            }
            let inner = text[text.index(after: open)..<close]
            index = text.index(after: close)
            if inner.hasPrefix(":") {
                if inner.hasPrefix("::") { report("kramdown extension '{\(inner)}' has no equivalent; removed, check what it did") }
                if result.hasSuffix(" "), index == text.endIndex || text[index] == " " { result.removeLast() }
                continue
            }
            let body = inner.trimmingPrefixSpaces()
            let isAttributeList = (body.hasPrefix(".") && body.dropFirst().first?.isLetter == true)
                || (body.contains("=") && !body.contains(" = ") && body.first?.isLetter == true && !body.contains("{"))
            if isAttributeList, inner.first == " " || body.hasPrefix(".") {
                if result.hasSuffix(" "), index == text.endIndex || text[index] == " " { result.removeLast() }
                continue
            }
            result += text[open..<index]
        }
        return result + text[index...]
    }
}

extension Substring {
    func trimmingPrefixSpaces() -> Substring { drop(while: { $0 == " " }) }
}

/// `<br>` markers turned into CommonMark hard breaks: a backslash at the end of the line, the
/// rest on a line of its own that stays in the same block (same quote marks, list indent).
enum LineBreaks {
    static func resolved(_ lines: [SourceLine]) -> [SourceLine] {
        var result: [SourceLine] = []
        for (offset, line) in lines.enumerated() {
            guard line.text.contains(InlineRewriter.lineBreakMarker) else {
                result.append(line)
                continue
            }
            let body = line.trimmed
            // A heading or a table row is one line: its breaks become spaces.
            if body.hasPrefix("#") || body.hasPrefix("|") {
                result.append(SourceLine(line.text.replacingMarkers(with: " "), line: line.line, isFinal: line.isFinal))
                continue
            }
            if line.text.allSatisfy({ $0 == " " || $0 == InlineRewriter.lineBreakMarker }) {
                // A break alone on its line parts what is around it.
                result.append(SourceLine("", line: line.line, isFinal: line.isFinal))
                continue
            }
            var pieces = line.text.split(separator: InlineRewriter.lineBreakMarker, omittingEmptySubsequences: false).map(String.init)
            while pieces.count > 1, pieces.last?.allSatisfy({ $0 == " " }) == true { pieces.removeLast() }
            let continues = offset + 1 < lines.count && !lines[offset + 1].isBlank
            let prefix = continuationPrefix(of: line.text)
            for (index, piece) in pieces.enumerated() {
                let isLast = index == pieces.count - 1
                let text = (index == 0 ? piece : prefix + piece.drop(while: { $0 == " " }))
                let trailing = !isLast || (continues && line.text.hasSuffix(String(InlineRewriter.lineBreakMarker))) ? "\\" : ""
                if text.allSatisfy({ $0 == " " || $0 == ">" }) { continue }
                result.append(SourceLine(text + trailing, line: line.line, isFinal: line.isFinal))
            }
        }
        return result
    }

    /// What a line after a break must start with to stay in the block: its quote marks, and
    /// spaces as wide as its list marker.
    private static func continuationPrefix(of text: String) -> String {
        var prefix = ""
        var rest = Substring(text)
        while let first = rest.first, first == ">" || first == " " {
            prefix.append(first)
            rest = rest.dropFirst()
        }
        let bullet = rest.prefix(while: { $0.isNumber })
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") || rest.hasPrefix("+ ") {
            prefix += "  "
        } else if !bullet.isEmpty, rest.dropFirst(bullet.count).hasPrefix(". ") || rest.dropFirst(bullet.count).hasPrefix(") ") {
            prefix += String(repeating: " ", count: bullet.count + 2)
        }
        return prefix
    }
}

extension String {
    func replacingMarkers(with replacement: String) -> String {
        split(separator: InlineRewriter.lineBreakMarker, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
