/// Running text as the writer marked it up, kept so the generator can render it faithfully.
///
/// By the house style, **strong** text is a UI label exactly as the product shows it, so the
/// generator marks it up as such and the checker looks for it on the product's pages.
public struct Inline: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        case text(String)
        /// A UI label (Markdown `**…**`).
        case strong([Inline])
        case emphasis([Inline])
        case code(String)
        case link(destination: String, title: String, [Inline])
        case image(source: String, title: String, alt: [Inline])
        case softBreak
        case lineBreak
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The text a reader sees, without markup: what search indexes and phrase matching read.
    public var plainText: String {
        if case .text(let text) = kind { return text }
        var text = ""
        appendPlainText(to: &text)
        return text
    }

    /// One string grown in place: step sentences, headings and excerpts of every article are
    /// read this way, and a string per inline joined at the end cost a third of the search index.
    func appendPlainText(to text: inout String) {
        switch kind {
        case .text(let run), .code(let run): text += run
        case .strong(let children), .emphasis(let children), .link(_, _, let children):
            for child in children { child.appendPlainText(to: &text) }
        case .image(_, _, let alt):
            for child in alt { child.appendPlainText(to: &text) }
        case .softBreak, .lineBreak: text += " "
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of a run of inlines.
    public var plainText: String {
        if count == 1 { return self[0].plainText }
        var text = ""
        for inline in self { inline.appendPlainText(to: &text) }
        return text
    }
}
