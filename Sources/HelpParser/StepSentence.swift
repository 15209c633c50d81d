internal import HelpModel

/// A step sentence as the phrasebook sees it: folded characters with each bold and italic span
/// standing as a single token.
///
/// Only the first sentence of the step's paragraph is the instruction; what follows ("La page
/// **Compte** s'affiche.") explains it, is rendered with it and is not read.
struct StepSentence {
    /// The instruction, folded and spaced as phrases are (``PhraseText/normalize(_:)``).
    let tokens: [PhraseText.Token]
    let spans: Phrasebook.Spans
    /// The instruction before folding, for messages.
    private let raw: ArraySlice<PhraseText.Token>

    init(_ paragraph: [Inline]) {
        var raw: [PhraseText.Token] = []
        raw.reserveCapacity(96)
        var spans = Phrasebook.Spans()
        Self.append(paragraph, to: &raw, spans: &spans)
        self.raw = raw[..<Self.endOfFirstSentence(raw)]
        tokens = PhraseText.normalize(self.raw)
        self.spans = spans
    }

    /// The instruction as written, with its labels in `**…**` and `*…*` (only errors need it).
    var written: String { Self.render(raw, spans).trimmingSpaces }

    /// Where the first sentence ends: after `.`, `!` or `?` followed by a space and a capital
    /// letter or a label. A one-letter word before the point ("z. B.") is an abbreviation.
    private static func endOfFirstSentence(_ tokens: [PhraseText.Token]) -> Int {
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            let token = tokens[index]
            guard token.isScalar, [0x2E, 0x21, 0x3F].contains(token.raw) else { continue }
            var next = index + 1
            guard next < tokens.count, PhraseText.fold(tokens[next].raw) == 0x20 else { continue }
            while next < tokens.count, tokens[next].isScalar, PhraseText.fold(tokens[next].raw) == 0x20 { next += 1 }
            guard next < tokens.count else { continue }
            let startsSentence = !tokens[next].isScalar || (Unicode.Scalar(tokens[next].raw)?.properties.isUppercase ?? false)
            guard startsSentence else { continue }
            if token.raw == 0x2E, index >= 1, PhraseText.isWordScalar(tokens[index - 1]),
                index < 2 || !PhraseText.isWordScalar(tokens[index - 2])
            {
                continue  // "z. B.", "p. ex."
            }
            return index + 1
        }
        return tokens.count
    }

    /// Tokens written back, labels in `**…**` and `*…*`: the instruction as a writer reads it.
    static func render(_ tokens: ArraySlice<PhraseText.Token>, _ spans: Phrasebook.Spans) -> String {
        var text = ""
        for token in tokens {
            if let index = token.labelIndex {
                text += "**\(spans.labels[index].text)**"
            } else if let index = token.emphasisIndex {
                text += "*\(spans.emphases[index].text)*"
            } else if let scalar = Unicode.Scalar(token.raw) {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    private static func append(_ inlines: [Inline], to tokens: inout [PhraseText.Token], spans: inout Phrasebook.Spans) {
        for inline in inlines {
            switch inline.kind {
            case .strong(let children):
                tokens.append(.label(spans.labels.count))
                spans.labels.append(Label(children.plainText.trimmingSpaces, origin: .article(innerRange(of: inline, children))))
            case .emphasis(let children):
                tokens.append(.emphasis(spans.emphases.count))
                spans.emphases.append(Label(children.plainText.trimmingSpaces, origin: .article(innerRange(of: inline, children))))
            case .link(_, _, let children):
                append(children, to: &tokens, spans: &spans)
            default:
                PhraseText.append(inline.plainText, to: &tokens)
            }
        }
    }

    /// The range of a span's text without its `**` or `*` delimiters.
    private static func innerRange(of inline: Inline, _ children: [Inline]) -> SourceRange {
        guard let first = children.first, let last = children.last else { return inline.range }
        return SourceRange(start: first.range.start, end: last.range.end)
    }
}
