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
        switch kind {
        case .text(let text), .code(let text): text
        case .strong(let children), .emphasis(let children), .link(_, _, let children):
            children.plainText
        case .image(_, _, let alt): alt.plainText
        case .softBreak, .lineBreak: " "
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of a run of inlines.
    public var plainText: String { map(\.plainText).joined() }
}
