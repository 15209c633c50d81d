/// A position in a source file, as a person finds it in an editor.
///
/// Lines and columns start at 1. Columns count Unicode scalars (as libyaml does and as most
/// editors show), not UTF-8 bytes, so "Étape" moves the next column by one.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
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
