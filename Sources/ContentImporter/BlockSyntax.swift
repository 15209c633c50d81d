/// One format's block constructs (Jekyll's callouts and tabs, MkDocs' admonitions), read by
/// one shared loop: code blocks pass untouched, the format's own blocks first, then the blocks
/// every format may hold (``SharedBlocks``), then the line as it is.
protocol BlockSyntax {
    /// - Parameter outerLevel: the heading level the lines are under (tabs go one deeper).
    init(outerLevel: Int?)
    /// The lines written so far.
    var output: [SourceLine] { get }
    /// Converts the format's block starting at `index`: the index after it, or nil when the
    /// line starts none.
    mutating func block(_ lines: [SourceLine], at index: Int, in conversion: inout ArticleConversion) -> Int?
    /// Writes one line (a format may add what its blocks need before it, such as a heading).
    mutating func append(_ line: SourceLine)
}

extension BlockSyntax {
    static func convert(_ lines: [SourceLine], in conversion: inout ArticleConversion, outerLevel: Int?) -> [SourceLine] {
        var syntax = Self(outerLevel: outerLevel)
        var fence = FenceTracker()
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if fence.isCode(line) {
                syntax.append(SourceLine(line.text, line: line.line, isFinal: true))
                index += 1
            } else if let next = syntax.block(lines, at: index, in: &conversion) {
                index = next
            } else if let shared = SharedBlocks.convert(lines, at: index, in: &conversion) {
                shared.lines.forEach { syntax.append($0) }
                index = shared.next
            } else {
                syntax.append(line)
                index += 1
            }
        }
        return syntax.output
    }
}
