internal import HelpModel

/// Finds the claims of an article: every place where a claim pattern of the locale's phrasebook
/// reads a paragraph (notes and list items included), with the range of the number.
struct ClaimFinder {
    let patterns: [ClaimPattern]

    func claims(in article: Article) -> [Claim] {
        guard !patterns.isEmpty else { return [] }
        var claims: [Claim] = []
        var blocks = article.intro + article.sections.flatMap(\.blocks)
        blocks.reverse()
        // Depth first in reading order, without recursion.
        while let block = blocks.popLast() {
            switch block {
            case .paragraph(let paragraph): claims += find(in: paragraph.content)
            case .note(let note): blocks += note.blocks.reversed()
            case .list(let list): blocks += list.items.flatMap { $0 }.reversed()
            case .procedure(let procedure):
                blocks += procedure.steps.flatMap(\.details).reversed()
            case .code, .table: break
            }
        }
        return claims
    }

    /// The folded text of a paragraph, one scalar per source position.
    private struct Text {
        var folded: [UInt32] = []
        var original: [Unicode.Scalar] = []
        var locations: [SourceLocation] = []

        mutating func append(_ text: String, at start: SourceLocation) {
            var column = start.column
            for scalar in text.unicodeScalars {
                add(scalar, at: SourceLocation(line: start.line, column: column))
                column += 1
            }
        }

        mutating func add(_ scalar: Unicode.Scalar, at location: SourceLocation) {
            let value = PhraseText.fold(scalar.value)
            if value == 0x20, folded.last == 0x20 { return }
            folded.append(value)
            original.append(scalar)
            locations.append(location)
        }

        mutating func append(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline.kind {
                case .text(let text), .code(let text): append(text, at: inline.range.start)
                case .strong(let children), .emphasis(let children), .link(_, _, let children): append(children)
                case .image: break
                case .softBreak, .lineBreak: add(" ", at: inline.range.start)
                }
            }
        }
    }

    private func find(in inlines: [Inline]) -> [Claim] {
        // Most paragraphs state no number: skip them before building the folded text.
        guard Self.holdsDigit(inlines) else { return [] }
        var text = Text()
        text.append(inlines)
        var claims: [Claim] = []
        var index = 0
        let folded = text.folded
        while index < folded.count {
            guard isDigit(folded[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < folded.count, isDigit(folded[end]) { end += 1 }
            defer { index = end }
            // A number inside a word or a longer number is not a claim's number.
            if index > 0, isDigit(folded[index - 1]) { continue }
            for pattern in patterns {
                let start = index - pattern.prefix.count
                let stop = end + pattern.suffix.count
                guard start >= 0, stop <= folded.count,
                    folded[start..<index].elementsEqual(pattern.prefix),
                    folded[end..<stop].elementsEqual(pattern.suffix),
                    let value = Int(String(String.UnicodeScalarView(text.original[index..<end])))
                else { continue }
                let phrase = String(String.UnicodeScalarView(text.original[start..<stop]))
                claims.append(Claim(
                    kind: pattern.kind, value: value,
                    range: SourceRange(start: text.locations[index], end: text.locations[end - 1]), text: phrase))
            }
        }
        return claims
    }

    private func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    private static func holdsDigit(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline.kind {
            case .text(let text), .code(let text):
                var text = text
                return text.withUTF8 { bytes in bytes.contains { $0 &- 0x30 < 10 } }
            case .strong(let children), .emphasis(let children), .link(_, _, let children): return holdsDigit(children)
            case .image, .softBreak, .lineBreak: return false
            }
        }
    }
}
