/// A GitHub-flavoured pipe table: a header row, a delimiter row that sets each column's
/// alignment, and body rows, each cell holding inline Markdown.
///
/// Every row has exactly ``columns`` cells, as cmark-gfm makes them: a short row was padded
/// with empty cells and a long one cut (the parser warns about both at the row's line).
public struct Table: Sendable, Hashable, Codable {
    public enum Alignment: String, Sendable, Hashable, Codable {
        /// No colon in the delimiter cell (`---`).
        case none
        /// `:--`
        case left
        /// `:-:`
        case center
        /// `--:`
        case right
    }

    public struct Cell: Sendable, Hashable, Codable {
        public var content: [Inline]
        /// Where the cell's text starts (after the pipe and spaces).
        public var range: SourceRange

        public init(content: [Inline], range: SourceRange) {
            self.content = content
            self.range = range
        }
    }

    /// One per column, from the delimiter row.
    public var alignments: [Alignment]
    public var header: [Cell]
    public var rows: [[Cell]]
    public var range: SourceRange

    public init(alignments: [Alignment], header: [Cell], rows: [[Cell]], range: SourceRange) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
        self.range = range
    }

    public var columns: Int { alignments.count }

    /// The header, then the body rows.
    public var allRows: [[Cell]] { [header] + rows }
}
