internal import Foundation
internal import HelpModel

/// Prints diagnostics compiler style on standard error: errors first, then warnings, then a count.
enum DiagnosticReport {
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var text = diagnostics.sortedForReport().map(\.formatted).joined(separator: "\n")
        text += "\n\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning"))\n"
        printError(text)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
