/// One finding about the content, placed where a writer must look to fix it.
///
/// Every stage reports through this one type so that the CLI prints parser, validator and
/// checker findings the same way, compiler style: `path:line:column: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    /// A secondary place that explains the finding: the first duplicate, the nearest phrase.
    public struct Note: Sendable, Hashable, Codable {
        public var file: String
        public var location: SourceLocation
        public var message: String
        /// What a tool may do about it without a person, when the note proposes an edit
        /// (`plain-list`: the line `<!-- list -->` before the list at ``location``); printed
        /// after the message as `[code]`, like a diagnostic's.
        public var code: String?

        public init(file: String, location: SourceLocation, message: String, code: String? = nil) {
            self.file = file
            self.location = location
            self.message = Diagnostic.oneLine(message)
            self.code = code
        }
    }

    public var severity: Severity
    /// The path as the writer would type it (relative to the working directory when possible).
    public var file: String
    public var location: SourceLocation
    /// One line: a line break in the text given (a quoted multi-line source) becomes a space.
    public var message: String
    public var notes: [Note]
    /// The diagnostic's code, for the findings a writer may look up in the README's table of
    /// codes (`kramdown-attribute-list`, `liquid`…); printed after the message as `[code]`.
    public var code: String?

    public init(
        _ severity: Severity,
        file: String,
        at location: SourceLocation,
        _ message: String,
        notes: [Note] = [],
        code: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = Self.oneLine(message)
        self.notes = notes
        self.code = code
    }

    public static func error(
        _ message: String, file: String, at location: SourceLocation, notes: [Note] = [], code: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, file: file, at: location, message, notes: notes, code: code)
    }

    public static func warning(
        _ message: String, file: String, at location: SourceLocation, notes: [Note] = [], code: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, file: file, at: location, message, notes: notes, code: code)
    }

    /// The compiler-style lines: the finding, then one `note:` line per note. Each is one line
    /// whatever the message quotes, so that editors and CI read one finding per line.
    public var formatted: String {
        var first = "\(file):\(location): \(severity.rawValue): \(message)"
        if let code { first += " [\(code)]" }
        var lines = [first]
        for note in notes {
            lines.append("\(note.file):\(note.location): note: \(note.message)" + (note.code.map { " [\($0)]" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    /// The text on one line: each run of white space that holds a line break (`\n`, `\r`, a
    /// vertical tab, form feed, U+0085, U+2028, U+2029) becomes one space. Every message and
    /// note goes through it, so no quoted source can split a finding over two lines.
    public static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isLineBreak) else { return text }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        var run = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isLineBreak(scalar) {
                pendingSpace = true
                run.removeAll()
                continue
            }
            if scalar == " " || scalar == "\t" {
                run.append(scalar)
                continue
            }
            if pendingSpace {
                // Spaces around a break fold into the one space that stands for it.
                if !result.isEmpty { result.append(" ") }
                pendingSpace = false
                run.removeAll()
            } else if !run.isEmpty {
                result.append(contentsOf: run)
                run.removeAll()
            }
            result.append(scalar)
        }
        if !pendingSpace { result.append(contentsOf: run) }
        return String(result)
    }

    /// A piece of source to quote in a message: white space folded to single spaces, trimmed,
    /// and cut at `limit` characters with "…" (a whole raw HTML block or a long tag would drown
    /// the message, and its lines would break the one-line format).
    public static func quote(_ source: some StringProtocol, limit: Int = 60) -> String {
        var folded = ""
        var space = false
        for character in source {
            if character.isWhitespace {
                space = !folded.isEmpty
                continue
            }
            if space { folded.append(" ") }
            space = false
            folded.append(character)
        }
        guard folded.count > limit else { return folded }
        var cut = String(folded.prefix(limit))
        while cut.last == " " { cut.removeLast() }
        return cut + "…"
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}

extension Array where Element == Diagnostic {
    /// Errors first, then warnings, each group in file and position order: how a writer fixes them.
    public func sortedForReport() -> [Diagnostic] {
        sorted { lhs, rhs in
            (lhs.severity, lhs.file, lhs.location, lhs.message) < (rhs.severity, rhs.file, rhs.location, rhs.message)
        }
    }

    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
}
