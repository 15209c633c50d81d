internal import HelpModel

/// Finds GitHub-flavoured pipe tables in paragraphs, on top of libcmark, which has no table
/// extension: cmark gives a table as a paragraph of lines, so its source lines are read again
/// here as cmark-gfm's table extension reads them.
///
/// A table starts at the first line of the paragraph that is a delimiter row (cells of
/// `:?-+:?`) below a header row with as many cells; the lines before the header stay a
/// paragraph, every line after the delimiter row is a body row. Cells are split at each `|`
/// not preceded by a backslash (code spans included, as in cmark-gfm), trimmed, and `\|`
/// becomes `|` before the cell's inline Markdown is read.
struct TableReader {
    let source: SourceText

    /// A cell's text and where it starts in the file.
    struct RawCell {
        var text: [UInt8]
        var line: Int
        var byteColumn: Int
    }

    /// A line of the paragraph without the container markers (`>`, indentation) before it.
    struct Line {
        var bytes: [UInt8]
        var number: Int
        /// The 1-based byte column of `bytes[0]` in the file line.
        var byteColumn: Int
    }

    struct Found {
        /// The lines before the header row, a paragraph of their own; empty when none.
        var leading: [Line]
        var header: [RawCell]
        var alignments: [Table.Alignment]
        var rows: [(line: Line, cells: [RawCell])]
        var headerLine: Line
    }

    enum Outcome {
        case table(Found)
        case paragraph
        /// A delimiter row under a header row with another number of cells: not a table.
        case mismatch(line: Line, header: Int, delimiter: Int)
    }

    /// Reads the paragraph at `range` (file lines) as a table, if it holds one.
    func read(_ range: SourceRange) -> Outcome {
        guard range.end.line > range.start.line else { return .paragraph }
        let lines = self.lines(of: range)
        var mismatch: Outcome = .paragraph
        for index in 1..<lines.count {
            guard let alignments = Self.delimiterRow(lines[index]) else { continue }
            guard let header = Self.cells(of: lines[index - 1]) else { continue }
            guard header.count == alignments.count else {
                let hasPipe = lines[index].bytes.contains(Self.pipe) || lines[index - 1].bytes.contains(Self.pipe)
                if hasPipe, case .paragraph = mismatch {
                    mismatch = .mismatch(line: lines[index], header: header.count, delimiter: alignments.count)
                }
                continue
            }
            let rows = lines[(index + 1)...].map { (line: $0, cells: Self.cells(of: $0) ?? []) }
            return .table(Found(
                leading: Array(lines[..<(index - 1)]), header: header, alignments: alignments, rows: rows,
                headerLine: lines[index - 1]))
        }
        return mismatch
    }

    /// The paragraph's lines, each without what its containers put before it: the first line
    /// starts at the paragraph's column, later ones lose as many leading spaces and `>`.
    private func lines(of range: SourceRange) -> [Line] {
        let first = Array(source.lineText(range.start.line).utf8)
        var prefix = 0
        var scalars = 1
        while prefix < first.count, scalars < range.start.column {
            prefix += 1
            while prefix < first.count, first[prefix] & 0xC0 == 0x80 { prefix += 1 }
            scalars += 1
        }
        var lines = [Line(bytes: Array(first[prefix...]), number: range.start.line, byteColumn: prefix + 1)]
        for number in (range.start.line + 1)...range.end.line {
            let bytes = Array(source.lineText(number).utf8)
            var skip = 0
            while skip < min(prefix, bytes.count), [0x20, 0x09, UInt8(ascii: ">")].contains(bytes[skip]) { skip += 1 }
            lines.append(Line(bytes: Array(bytes[skip...]), number: number, byteColumn: skip + 1))
        }
        return lines
    }

    static let pipe = UInt8(ascii: "|")
    private static let backslash = UInt8(ascii: "\\")

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The cells of a row; nil for a line with nothing on it.
    static func cells(of line: Line) -> [RawCell]? {
        let bytes = line.bytes
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        if bytes[start] == pipe { start += 1 }
        if end > start, bytes[end - 1] == pipe, !(end - 2 >= start && bytes[end - 2] == backslash) { end -= 1 }
        var cells: [RawCell] = []
        var cellStart = start
        func cut(_ from: Int, _ to: Int) {
            var low = from
            var high = to
            while low < high, isSpace(bytes[low]) { low += 1 }
            while high > low, isSpace(bytes[high - 1]) { high -= 1 }
            var text: [UInt8] = []
            var index = low
            while index < high {
                // `\|` is a pipe in the cell; any other backslash is left to the inline parser.
                if bytes[index] == backslash, index + 1 < high, bytes[index + 1] == pipe {
                    index += 1
                    continue
                }
                text.append(bytes[index])
                index += 1
            }
            cells.append(RawCell(text: text, line: line.number, byteColumn: line.byteColumn + low))
        }
        var index = start
        while index < end {
            if bytes[index] == pipe, !(index > 0 && bytes[index - 1] == backslash) {
                cut(cellStart, index)
                cellStart = index + 1
            }
            index += 1
        }
        cut(cellStart, end)
        return cells
    }

    /// Columns of leading white space (a tab to the next multiple of 4): a delimiter row
    /// indented 4 or more is a paragraph's continuation to cmark-gfm too, not a table.
    private static func indentation(of bytes: [UInt8]) -> Int {
        var columns = 0
        for byte in bytes {
            if byte == 0x20 { columns += 1 } else if byte == 0x09 { columns += 4 - columns % 4 } else { break }
        }
        return columns
    }

    /// The alignments of a delimiter row (`| :-- | :-: | --: |`); nil when it is not one.
    static func delimiterRow(_ line: Line) -> [Table.Alignment]? {
        // Most lines are prose: refuse them before splitting anything.
        let allowed: Set<UInt8> = [0x20, 0x09, pipe, UInt8(ascii: ":"), UInt8(ascii: "-")]
        guard line.bytes.contains(UInt8(ascii: "-")), line.bytes.allSatisfy({ allowed.contains($0) }),
            indentation(of: line.bytes) < 4, let cells = cells(of: line)
        else { return nil }
        var alignments: [Table.Alignment] = []
        for cell in cells {
            var text = cell.text[...]
            let left = text.first == UInt8(ascii: ":")
            if left { text = text.dropFirst() }
            let right = text.last == UInt8(ascii: ":")
            if right { text = text.dropLast() }
            guard !text.isEmpty, text.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }
}
