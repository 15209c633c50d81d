internal import HelpModel

/// Finds the claims of an article: every place where a claim pattern of the locale's phrasebook
/// reads a paragraph (notes, list items and table cells included), with the range of the number
/// or of the quoted example.
struct ClaimFinder {
    let numberPatterns: [ClaimPattern]
    let passwordPatterns: [ClaimPattern]
    /// The closing quotes of the `{password}` patterns, as UTF-8; `nil` when one has none to
    /// look for.
    private let passwordTriggers: [[UInt8]]?
    /// Which bytes start one of ``passwordTriggers``: most texts hold none, and are skipped on
    /// bytes (a `Set` of scalars asked for every scalar of every paragraph was a seventh of the
    /// build).
    private let triggerLeads: [Bool]

    init(patterns: [ClaimPattern]) {
        numberPatterns = patterns.filter { $0.kind.slot == .number }
        passwordPatterns = patterns.filter { $0.kind.slot == .password }
        let triggers = passwordPatterns.map(\.passwordTrigger)
        let sequences = Set(triggers.compactMap { $0 }).map { Array(String($0).utf8) }
        passwordTriggers = triggers.contains(nil) ? nil : sequences
        var leads = [Bool](repeating: false, count: 256)
        for sequence in sequences { if let first = sequence.first { leads[Int(first)] = true } }
        triggerLeads = leads
    }

    var patterns: [ClaimPattern] { numberPatterns + passwordPatterns }

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
            case .table(let table):
                for cell in table.header + table.rows.joined() { claims += find(in: cell.content) }
            case .code: break
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
        // Most paragraphs state no number and quote no example: skip them before folding.
        let numbers = !numberPatterns.isEmpty && Self.anyText(inlines) { $0.contains { $0 &- 0x30 < 10 } }
        let passwords =
            !passwordPatterns.isEmpty
            && (passwordTriggers.map { triggers in Self.anyText(inlines) { Self.holds($0, triggers, leads: triggerLeads) } } ?? true)
        guard numbers || passwords else { return [] }
        var text = Text()
        text.append(inlines)
        return (numbers ? findNumbers(in: text) : []) + (passwords ? findPasswords(in: text) : [])
    }

    /// `{password}`: after the words before the slot, one word (no space) up to the words after it.
    private func findPasswords(in text: Text) -> [Claim] {
        let folded = text.folded
        var claims: [Claim] = []
        for pattern in passwordPatterns where pattern.prefix.count < folded.count {
            for start in 0...(folded.count - pattern.prefix.count)
            where folded[start..<(start + pattern.prefix.count)].elementsEqual(pattern.prefix) {
                let wordStart = start + pattern.prefix.count
                var end = wordStart
                while end < folded.count {
                    if end > wordStart, end + pattern.suffix.count <= folded.count,
                        folded[end..<(end + pattern.suffix.count)].elementsEqual(pattern.suffix)
                    {
                        let word = String(String.UnicodeScalarView(text.original[wordStart..<end]))
                        let phrase = String(String.UnicodeScalarView(text.original[start..<(end + pattern.suffix.count)]))
                        claims.append(Claim(
                            kind: pattern.kind, value: .password(word),
                            range: SourceRange(start: text.locations[wordStart], end: text.locations[end - 1]), text: phrase))
                        break
                    }
                    if folded[end] == 0x20 { break }
                    end += 1
                }
            }
        }
        return claims
    }

    private func findNumbers(in text: Text) -> [Claim] {
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
            for pattern in numberPatterns {
                let start = index - pattern.prefix.count
                let stop = end + pattern.suffix.count
                guard start >= 0, stop <= folded.count,
                    folded[start..<index].elementsEqual(pattern.prefix),
                    folded[end..<stop].elementsEqual(pattern.suffix),
                    let value = Int(String(String.UnicodeScalarView(text.original[index..<end])))
                else { continue }
                let phrase = String(String.UnicodeScalarView(text.original[start..<stop]))
                claims.append(Claim(
                    kind: pattern.kind, value: .number(value),
                    range: SourceRange(start: text.locations[index], end: text.locations[end - 1]), text: phrase))
            }
        }
        return claims
    }

    private func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    /// Whether some text of `inlines` (bold, italic and link text included) passes `test`, on
    /// its UTF-8 bytes: the skips before folding a paragraph.
    private static func anyText(_ inlines: [Inline], _ test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        inlines.contains { inline in
            switch inline.kind {
            case .text(let text), .code(let text):
                var text = text
                return text.withUTF8(test)
            case .strong(let children), .emphasis(let children), .link(_, _, let children): return anyText(children, test)
            case .image, .softBreak, .lineBreak: return false
            }
        }
    }

    /// Whether `bytes` hold one of the UTF-8 `sequences`, whose first bytes `leads` marks.
    private static func holds(_ bytes: UnsafeBufferPointer<UInt8>, _ sequences: [[UInt8]], leads: [Bool]) -> Bool {
        for index in bytes.indices where leads[Int(bytes[index])] {
            for sequence in sequences
            where index + sequence.count <= bytes.count && sequence.indices.allSatisfy({ bytes[index + $0] == sequence[$0] }) {
                return true
            }
        }
        return false
    }
}
