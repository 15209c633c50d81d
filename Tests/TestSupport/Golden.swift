public import Foundation

/// Stored expected outputs ("golden" files) beside the tests, re-recordable on purpose.
///
/// With `HELPCENTER_RECORD` set, `compare` writes the actual text over the stored file and
/// reports a failure, so that a recording is always looked at before it is committed.
public enum Golden {
    public enum Outcome: Equatable {
        case matches
        case differs(expected: String)
        case recorded(path: String)
    }

    /// Compares `actual` with the file at `relativePath` (from the repository root).
    public static func compare(_ actual: String, storedAt relativePath: String) throws -> Outcome {
        let url = repositoryRoot.appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["HELPCENTER_RECORD"] != nil {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return .recorded(path: url.path)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        return expected == actual ? .matches : .differs(expected: expected)
    }
}
