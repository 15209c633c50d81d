/// A position in a source file, as a person finds it in an editor.
///
/// Lines and columns start at 1. Columns count Unicode scalars (as libyaml does and as most
/// editors show), not UTF-8 bytes, so "Étape" moves the next column by one.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    // Stored as 32-bit numbers: every node of every article carries two of these, and a
    // 20,000-article model is millions of nodes.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    private enum CodingKeys: String, CodingKey {
        case line
        case column
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    /// `line:column`, the form compilers print.
    public var description: String { "\(line):\(column)" }
}

/// The span of a model node in its source file, both ends inclusive (as cmark reports them).
public struct SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// A range that covers a single position.
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    /// `line:column-line:column`.
    public var description: String { "\(start)-\(end)" }
}
