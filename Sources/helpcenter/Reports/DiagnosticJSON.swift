internal import Foundation
internal import HelpModel

/// A diagnostic as every `--format json` report writes it, so that CI scripts read findings of
/// `validate` and failures of `check` the same way.
struct DiagnosticJSON: Codable, Equatable {
    struct Note: Codable, Equatable {
        var file: String
        var line: Int
        var column: Int
        var message: String
    }

    /// The validator's rule; absent for the checker.
    var rule: String?
    /// The diagnostic's own code (the README's table of codes), when it has one.
    var code: String?
    var severity: String
    var file: String
    var line: Int
    var column: Int
    var message: String
    var notes: [Note]

    init(_ diagnostic: Diagnostic, rule: String? = nil) {
        self.rule = rule
        code = diagnostic.code
        severity = diagnostic.severity.rawValue
        file = diagnostic.file
        line = diagnostic.location.line
        column = diagnostic.location.column
        message = diagnostic.message
        notes = diagnostic.notes.map { Note(file: $0.file, line: $0.location.line, column: $0.location.column, message: $0.message) }
    }

    /// Pretty, key-sorted JSON without escaped slashes (paths stay readable).
    static func encode(_ document: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
