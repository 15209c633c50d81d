/// A titled part of an article (a Markdown `##` to `######` heading and what follows it).
///
/// The table of contents links to `anchor`, so it is unique within the article and stable
/// while the heading text stays the same. Sections are flat, in reading order: a `####` to
/// `######` section parts the `##` or `###` one before it, has an anchor like any other, and is
/// not listed in the table of contents (``isInTableOfContents``).
public struct Section: Sendable, Hashable, Codable {
    /// The deepest heading level the table of contents lists (`###`).
    public static let deepestTableOfContentsLevel = 3

    /// 2 for `##`, 3 for `###`, up to 6 for `######`.
    public var level: Int
    public var anchor: String
    public var title: [Inline]
    public var blocks: [Block]
    /// The heading's range.
    public var headingRange: SourceRange
    public var range: SourceRange

    public init(
        level: Int, anchor: String, title: [Inline], blocks: [Block], headingRange: SourceRange,
        range: SourceRange
    ) {
        self.level = level
        self.anchor = anchor
        self.title = title
        self.blocks = blocks
        self.headingRange = headingRange
        self.range = range
    }

    /// Whether the table of contents lists the section: `##` and `###`, not deeper.
    public var isInTableOfContents: Bool { level <= Self.deepestTableOfContentsLevel }

    /// The procedures of the section, in order.
    public var procedures: [Procedure] {
        blocks.compactMap {
            if case .procedure(let procedure) = $0 { procedure } else { nil }
        }
    }
}
