public import HelpModel

/// Earlier versions of source articles, so that an outdated translation can be told what
/// changed in its source since the version it translates.
///
/// ``GitSourceHistory`` reads them from the git checkout the content lives in; tests may supply
/// their own.
public protocol SourceHistory: Sendable {
    /// The source article as it was when its front matter said `version: version`.
    /// - Parameters:
    ///   - source: the source article as it is now (its file, locale and current version).
    ///   - version: the version a translation records in `translates:`.
    /// - Throws: ``SourceHistoryUnavailable`` saying why that version cannot be had.
    func article(_ source: Article, atVersion version: Int) throws(SourceHistoryUnavailable) -> Article
}

/// Why an earlier version of a source article cannot be had: not a git checkout, never
/// committed at that version, no longer parses.
public struct SourceHistoryUnavailable: Error, Sendable, Hashable, CustomStringConvertible {
    /// Completes "history unavailable: …" in the outdated-translation warning.
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
