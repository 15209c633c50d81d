internal import Foundation
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
    /// For each line with non-ASCII bytes that was asked about, the scalar column of every byte
    /// column: cmark asks about a node's start and end, parents before children, so counting
    /// from the line start each time was 3 % of a parse.
    private let scalarColumns = ScalarColumns()

    private final class ScalarColumns {
        var line = 0
        var columns: [Int32] = []
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var ascii: [Bool] = []
        starts.reserveCapacity(bytes.count / 40 + 1)
        ascii.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while true {
                // memchr finds each line end; the line is ASCII when no byte has its top bit set.
                let end = memchr(base + start, 0x0A, buffer.count - start).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base }
                var high: UInt8 = 0
                for offset in start..<(end ?? buffer.count) { high |= buffer[offset] }
                ascii.append(high < 0x80)
                guard let end else { break }
                start = end + 1
                starts.append(start)
            }
        }
        if ascii.isEmpty { ascii.append(true) }
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
        let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
        if scalarColumns.line != line {
            // Scalar column of each byte column (1-based) of the line, and one past its end.
            var columns = [Int32](repeating: 0, count: lineEnd - start + 2)
            var column: Int32 = 1
            for offset in 0..<(lineEnd - start) {
                columns[offset + 1] = column
                if bytes[start + offset] & 0xC0 != 0x80 { column += 1 }
            }
            columns[lineEnd - start + 1] = column
            scalarColumns.line = line
            scalarColumns.columns = columns
        }
        let columns = scalarColumns.columns
        if byteColumn < columns.count - 1 {
            // The column of a byte is counted before it: lead bytes before it, plus one.
            return Int(columns[byteColumn])
        }
        return Int(columns[columns.count - 1]) + (byteColumn - (columns.count - 1))
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
