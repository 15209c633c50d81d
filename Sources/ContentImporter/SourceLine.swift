internal import Foundation

/// One line of a source article's body, remembering the source line it came from, so that
/// whatever the import reports about it names the writer's own file and line.
struct SourceLine: Sendable, Hashable {
    var text: String
    var line: Int
    /// Already in our format (a converted note, a code block's line): later passes leave it.
    var isFinal = false

    init(_ text: String, line: Int, isFinal: Bool = false) {
        self.text = text
        self.line = line
        self.isFinal = isFinal
    }

    /// Leading spaces (a tab counts as four), the indentation MkDocs blocks are measured in.
    var indentation: Int {
        var count = 0
        for character in text {
            if character == " " { count += 1 } else if character == "\t" { count += 4 } else { break }
        }
        return count
    }

    var isBlank: Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }

    var trimmed: Substring {
        text.drop(while: { $0 == " " || $0 == "\t" })
    }

    /// The text with `count` columns of indentation taken off (fewer when it has fewer).
    func dedented(by count: Int) -> SourceLine {
        var removed = 0
        var index = text.startIndex
        while index < text.endIndex, removed < count, text[index] == " " || text[index] == "\t" {
            removed += text[index] == "\t" ? 4 : 1
            index = text.index(after: index)
        }
        return SourceLine(String(text[index...]), line: line, isFinal: isFinal)
    }

    /// The ATX heading level of the line (`### x` → 3), nil when it is no heading.
    var headingLevel: Int? {
        let body = trimmed
        let hashes = body.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = body.dropFirst(hashes)
        return rest.isEmpty || rest.first == " " ? hashes : nil
    }
}

/// Which lines are inside a fenced code block (```` ``` ```` or `~~~`), whose text no
/// conversion may touch.
struct FenceTracker {
    private var fence: (character: Character, length: Int)?

    var isInside: Bool { fence != nil }

    /// Feeds one line; true when that line is part of a code block (its fences included).
    mutating func isCode(_ line: SourceLine) -> Bool {
        let body = line.trimmed
        guard let first = body.first, first == "`" || first == "~" else { return fence != nil }
        let length = body.prefix(while: { $0 == first }).count
        guard length >= 3 else { return fence != nil }
        if let open = fence {
            if first == open.character, length >= open.length, body.dropFirst(length).allSatisfy({ $0 == " " }) { fence = nil }
            return true
        }
        // An opening backtick fence may not hold a backtick in its info string.
        if first == "`", body.dropFirst(length).contains("`") { return false }
        fence = (first, length)
        return true
    }
}
