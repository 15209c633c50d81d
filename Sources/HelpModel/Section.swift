/// A titled part of an article (a Markdown `##` or `###` heading and what follows it).
///
/// The table of contents links to `anchor`, so it is unique within the article and stable
/// while the heading text stays the same.
public struct Section: Sendable, Hashable, Codable {
    /// 2 for `##`, 3 for `###`.
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

    /// The procedures of the section, in order.
    public var procedures: [Procedure] {
        blocks.compactMap {
            if case .procedure(let procedure) = $0 { procedure } else { nil }
        }
    }
}
