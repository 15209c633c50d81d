internal import HelpModel

/// GitHub Actions workflow commands: each finding becomes an annotation on its file and line.
enum GitHubAnnotations {
    static func render(_ diagnostics: [Diagnostic], title: (Diagnostic) -> String) -> String {
        diagnostics.sortedForReport().map { diagnostic in
            let notes = diagnostic.notes.map { "\n\($0.file):\($0.location): note: \($0.message)" }.joined()
            return "::\(diagnostic.severity.rawValue) file=\(property(diagnostic.file)),line=\(diagnostic.location.line),"
                + "col=\(diagnostic.location.column),title=\(property(title(diagnostic)))::\(data(diagnostic.message + notes))"
        }.map { $0 + "\n" }.joined()
    }

    /// A notice: shown on the file and line without failing the run (a manual step).
    static func notice(file: String, location: SourceLocation, title: String, message: String) -> String {
        "::notice file=\(property(file)),line=\(location.line),col=\(location.column),title=\(property(title))::\(data(message))\n"
    }

    /// The escaping GitHub's runner expects in a command's message.
    static func data(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// The stricter escaping of a property value (`file=`, `title=`).
    static func property(_ text: String) -> String {
        data(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
