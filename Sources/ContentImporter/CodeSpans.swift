internal import Foundation

/// A line cut into code spans and the text between them: conversions touch only the text.
enum CodeSpans {
    struct Segment: Sendable, Hashable {
        var text: String
        var isCode: Bool
    }

    /// A backtick run opens a span only when a run of the same length closes it, as in CommonMark.
    static func segments(of text: String) -> [Segment] {
        guard text.contains("`") else { return [Segment(text: text, isCode: false)] }
        var segments: [Segment] = []
        var plain = ""
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "`" else {
                plain.append(text[index])
                index = text.index(after: index)
                continue
            }
            let run = text[index...].prefix(while: { $0 == "`" })
            if let close = closingRun(of: run.count, in: text, after: run.endIndex) {
                if !plain.isEmpty { segments.append(Segment(text: plain, isCode: false)) }
                plain = ""
                segments.append(Segment(text: String(text[index..<close]), isCode: true))
                index = close
            } else {
                plain += run
                index = run.endIndex
            }
        }
        if !plain.isEmpty { segments.append(Segment(text: plain, isCode: false)) }
        return segments
    }

    /// The end of the first run of exactly `length` backticks after `start`.
    private static func closingRun(of length: Int, in text: String, after start: String.Index) -> String.Index? {
        var index = start
        while let tick = text[index...].firstIndex(of: "`") {
            let run = text[tick...].prefix(while: { $0 == "`" })
            if run.count == length { return run.endIndex }
            index = run.endIndex
        }
        return nil
    }
}
