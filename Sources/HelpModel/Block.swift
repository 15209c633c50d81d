/// A block of an article section, in reading order.
public enum Block: Sendable, Hashable, Codable {
    case paragraph(Paragraph)
    /// A Markdown ordered list: steps to follow, each read into actions.
    case procedure(Procedure)
    /// A Markdown block quote: a remark set apart from the text.
    case note(Note)
    /// A Markdown bullet list, or a numbered list marked `<!-- list -->`: items that are not steps.
    case list(BulletList)
    case code(CodeBlock)
    /// A GitHub-flavoured pipe table.
    case table(Table)

    public var range: SourceRange {
        switch self {
        case .paragraph(let block): block.range
        case .procedure(let block): block.range
        case .note(let block): block.range
        case .list(let block): block.range
        case .code(let block): block.range
        case .table(let block): block.range
        }
    }
}

public struct Paragraph: Sendable, Hashable, Codable {
    public var content: [Inline]
    public var range: SourceRange

    public init(content: [Inline], range: SourceRange) {
        self.content = content
        self.range = range
    }
}

/// A remark set apart from the text; `kind` comes from a GitHub-style `[!NOTE]` marker.
public struct Note: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case note
        case tip
        case important
        case warning
        case caution
    }

    public var kind: Kind
    public var blocks: [Block]
    public var range: SourceRange

    public init(kind: Kind, blocks: [Block], range: SourceRange) {
        self.kind = kind
        self.blocks = blocks
        self.range = range
    }
}

/// Items that are not steps: a bullet list, or a numbered list that the line `<!-- list -->`
/// before it says is not a procedure (facts, options, a ranking). Neither is read nor checked.
public struct BulletList: Sendable, Hashable, Codable {
    public var items: [[Block]]
    public var range: SourceRange
    /// cmark's tightness of the list: no blank line between items nor inside one. The
    /// paragraphs of a tight list's items are rendered without `<p>`, as cmark renders them.
    public var tight: Bool
    /// The first number of a numbered list (rendered `<ol>`); nil for a bullet list (`<ul>`).
    public var start: Int?

    public init(items: [[Block]], range: SourceRange, tight: Bool = false, start: Int? = nil) {
        self.items = items
        self.range = range
        self.tight = tight
        self.start = start
    }

    /// A numbered list (`<!-- list -->` before `1.`), not a bullet list.
    public var isNumbered: Bool { start != nil }
}

public struct CodeBlock: Sendable, Hashable, Codable {
    public var language: String
    public var code: String
    public var range: SourceRange

    public init(language: String, code: String, range: SourceRange) {
        self.language = language
        self.code = code
        self.range = range
    }
}
