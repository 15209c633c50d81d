internal import HelpModel

/// Limits checked before cmark sees a file, so that hostile or broken input fails fast.
///
/// cmark 0.30.2 is quadratic on some inputs: `">"*100000 + "a*"*100000` keeps it busy for
/// about 52 s. Help articles are a few kilobytes with lists two or three levels deep, so these
/// limits are far above real content and far below what hurts.
public struct InputLimits: Sendable, Hashable {
    /// The largest article file accepted.
    public var maximumBytes: Int
    /// The most block containers (`>` quotes, list items) opened on one line.
    public var maximumNesting: Int
    /// The deepest indentation of a line, in columns.
    public var maximumIndentation: Int

    public init(maximumBytes: Int = 1 << 20, maximumNesting: Int = 16, maximumIndentation: Int = 64) {
        self.maximumBytes = maximumBytes
        self.maximumNesting = maximumNesting
        self.maximumIndentation = maximumIndentation
    }

    public static let standard = InputLimits()
}

extension InputLimits {
    /// The first limit a file breaks, as (byte offset, message); nil when it is within them all.
    func violation(in source: SourceText) -> (offset: Int, message: String)? {
        let bytes = source.bytes
        if bytes.count > maximumBytes {
            return (0, "file is \(bytes.count) bytes, over the limit of \(maximumBytes); split the article into several")
        }
        // Line by line from the source's line table: no second scan for the line ends.
        for line in 1...source.lineCount {
            let start = source.offset(ofLine: line)
            guard start < bytes.count else { break }
            if let problem = lineViolation(in: bytes, lineStart: start) { return problem }
        }
        return nil
    }

    /// Checks one line's indentation and how many containers it opens.
    private func lineViolation(in bytes: [UInt8], lineStart: Int) -> (offset: Int, message: String)? {
        var index = lineStart
        var depth = 0
        var leading = true
        var indentation = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "):
                if leading { indentation += 1 }
                index += 1
                continue
            case UInt8(ascii: "\t"):
                if leading { indentation += 4 - indentation % 4 }
                index += 1
                continue
            default:
                break
            }
            if leading, indentation > maximumIndentation {
                return (index, "line is indented \(indentation) columns, over the limit of \(maximumIndentation); nest lists and quotes less deeply")
            }
            leading = false
            guard let width = containerMarkerWidth(in: bytes, at: index) else { return nil }
            depth += 1
            if depth > maximumNesting {
                return (index, "more than \(maximumNesting) nested quotes or lists on one line; nest less deeply")
            }
            index += width
        }
        return nil
    }

    /// The width of a block quote or list marker at `index`, or nil when there is none.
    private func containerMarkerWidth(in bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        let next = index + 1 < bytes.count ? bytes[index + 1] : UInt8(ascii: "\n")
        let followedBySpace = next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
        if byte == UInt8(ascii: ">") { return 1 }
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            return followedBySpace ? 1 : nil
        }
        var end = index
        while end < bytes.count, end - index < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
            end += 1
        }
        guard end > index, end < bytes.count,
            bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")"),
            end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: " ") || bytes[end + 1] == UInt8(ascii: "\t")
        else { return nil }
        return end - index + 1
    }
}
