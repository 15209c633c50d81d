internal import Foundation

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
