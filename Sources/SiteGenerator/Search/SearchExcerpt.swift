/// The text a search result shows for a document: its paragraphs, steps and tables as the
/// reader sees them, joined by spaces and cut at a byte limit with "…". Taken from the inline
/// text's bytes while the tokenizer reads them, not from a plain-text string per paragraph
/// (making those was most of what reading an article for search did besides tokenizing).
struct SearchExcerpt {
    private(set) var bytes: [UInt8] = []
    let limit: Int
    /// Whether the text of the current piece is taken: a piece starts only while there is room.
    private var accepting = false
    /// Cut: nothing more is taken.
    private var full = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Starts a piece (a paragraph, a step, a table), a space after the one before.
    mutating func startPiece() {
        accepting = !full && bytes.count < limit
        if accepting, !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
    }

    mutating func endPiece() {
        accepting = false
    }

    /// Takes a run of the piece's UTF-8 (a whole number of scalars), cutting at the limit on a
    /// scalar boundary.
    mutating func take(_ fragment: UnsafeBufferPointer<UInt8>) {
        guard accepting else { return }
        if bytes.count + fragment.count <= limit {
            bytes.append(contentsOf: fragment)
            return
        }
        var cut = limit - bytes.count
        while cut > 0, fragment[cut] & 0xC0 == 0x80 { cut -= 1 }  // back off continuation bytes
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: fragment[..<cut]))
        bytes.append(contentsOf: "…".utf8)
        full = true
        accepting = false
    }

    /// A space within a piece: a line break, or between two cells of a table.
    mutating func takeSpace() {
        var space = UInt8(ascii: " ")
        withUnsafePointer(to: &space) { take(UnsafeBufferPointer(start: $0, count: 1)) }
    }
}
