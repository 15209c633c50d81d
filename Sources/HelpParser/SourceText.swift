internal import HelpModel

/// The bytes of one source file with a line table, to turn byte offsets into locations.
///
/// cmark reports columns in UTF-8 bytes; writers see characters. Every position the parser
/// reports goes through here so that all stages agree on columns (Unicode scalars, 1-based).
struct SourceText {
    let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    private let lineStarts: [Int]
    /// Whether each line is pure ASCII, where byte columns are character columns already.
    private let lineIsASCII: [Bool]
    /// The last column converted: cmark's nodes come in reading order, so the next one on the
    /// same line is counted on from there rather than from the start of the line.
    private let cursor = ColumnCursor()

    private final class ColumnCursor {
        var line = 0
        var byteColumn = 0
        var scalarColumn = 0
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var ascii: [Bool] = []
        starts.reserveCapacity(bytes.count / 40 + 1)
        ascii.reserveCapacity(bytes.count / 40 + 1)
        var lineASCII = true
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") {
                starts.append(offset + 1)
                ascii.append(lineASCII)
                lineASCII = true
            } else if byte >= 0x80 {
                lineASCII = false
            }
        }
        ascii.append(lineASCII)
        lineStarts = starts
        lineIsASCII = ascii
    }

    var lineCount: Int { lineStarts.count }

    /// The byte offset of the first byte of a 1-based line.
    func offset(ofLine line: Int) -> Int {
        lineStarts[min(max(line, 1), lineStarts.count) - 1]
    }

    /// The location of a byte offset.
    func location(ofOffset offset: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(line: low + 1, column: scalarColumn(line: low + 1, byteColumn: offset - lineStarts[low] + 1))
    }

    /// Converts a 1-based UTF-8 byte column of a line into a 1-based Unicode scalar column.
    func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1, !lineIsASCII[line - 1] else { return max(byteColumn, 1) }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        var column = 1
        var index = start
        if cursor.line == line, cursor.byteColumn <= byteColumn, start + cursor.byteColumn - 1 <= end {
            column = cursor.scalarColumn
            index = start + cursor.byteColumn - 1
        }
        while index < end {
            // Count lead bytes only: continuation bytes are 0b10xxxxxx.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        if end == start + byteColumn - 1 {
            cursor.line = line
            cursor.byteColumn = byteColumn
            cursor.scalarColumn = column
        }
        return column + max(0, start + byteColumn - 1 - end)
    }

    /// The text of a 1-based line without its line break, for hints.
    func lineText(_ line: Int) -> String {
        let start = offset(ofLine: line)
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}

extension SourceText {
    /// The offset of the first byte that is not valid UTF-8, or nil when all of it is.
    func firstInvalidUTF8Offset() -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
