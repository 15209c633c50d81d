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

        public init(file: String, location: SourceLocation, message: String) {
            self.file = file
            self.location = location
            self.message = message
        }
    }

    public var severity: Severity
    /// The path as the writer would type it (relative to the working directory when possible).
    public var file: String
    public var location: SourceLocation
    public var message: String
    public var notes: [Note]

    public init(
        _ severity: Severity,
        file: String,
        at location: SourceLocation,
        _ message: String,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
        self.notes = notes
    }

    public static func error(
        _ message: String, file: String, at location: SourceLocation, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, file: file, at: location, message, notes: notes)
    }

    public static func warning(
        _ message: String, file: String, at location: SourceLocation, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.warning, file: file, at: location, message, notes: notes)
    }

    /// The compiler-style lines: the finding, then one `note:` line per note.
    public var formatted: String {
        var lines = ["\(file):\(location): \(severity.rawValue): \(message)"]
        for note in notes {
            lines.append("\(note.file):\(note.location): note: \(note.message)")
        }
        return lines.joined(separator: "\n")
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
