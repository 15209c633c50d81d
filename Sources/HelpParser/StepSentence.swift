internal import HelpModel

/// A step sentence as the phrasebook sees it: folded characters with each bold and italic span
/// standing as a single token.
enum StepSentence {
    static func tokens(of sentence: [Inline]) -> ([PhraseText.Token], Phrasebook.Spans) {
        var tokens: [PhraseText.Token] = []
        var spans = Phrasebook.Spans()
        append(sentence, to: &tokens, spans: &spans)
        return (PhraseText.normalize(tokens), spans)
    }

    /// The sentence written back with pattern slots (`Cliquez sur **{1}**.`), for messages.
    static func patternForm(of sentence: [Inline]) -> String {
        func render(_ inlines: [Inline]) -> String {
            inlines.map { inline in
                switch inline.kind {
                case .strong(let children): return "**\(children.plainText)**"
                case .emphasis(let children): return "*\(children.plainText)*"
                case .link(_, _, let children): return render(children)
                default: return inline.plainText
                }
            }.joined()
        }
        return render(sentence).trimmingSpaces
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
