internal import ArgumentParser

/// How a command prints its findings: for people, or for the CI that runs it.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    /// Compiler style, grouped by file, then a one-line summary.
    case human
    /// One JSON document on standard output.
    case json
    /// JUnit XML on standard output, for CI test reports.
    case junit
    /// GitHub Actions workflow commands (`::error file=…`), which annotate the pull request.
    case github
}

/// Which findings make the command exit 1.
enum FailureThreshold: String, ExpressibleByArgument, CaseIterable {
    /// Any finding, warnings included.
    case warning
    /// Errors only; warnings are printed but pass.
    case error
}
