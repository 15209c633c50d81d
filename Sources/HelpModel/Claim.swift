/// A fact the prose of an article states about the product, such as "5 fois sans succès":
/// the checker verifies it against the engine and, when it no longer holds, points at the number.
///
/// Claims are found by the claim patterns of the locale's phrasebook (`claims:`), in paragraphs
/// and notes.
public struct Claim: Sendable, Hashable, Codable {
    /// What the number means. A closed set: each case has a check in `ProcedureChecker/Claims`.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Consecutive failed sign-ins that lock an account.
        case lockoutThreshold = "lockout-threshold"
        /// From how many properties an account's e-mail change goes through the support team.
        case supportThreshold = "support-threshold"
    }

    public var kind: Kind
    public var value: Int
    /// The range of the number in the article.
    public var range: SourceRange
    /// The sentence the claim was read from, for reports.
    public var text: String

    public init(kind: Kind, value: Int, range: SourceRange, text: String) {
        self.kind = kind
        self.value = value
        self.range = range
        self.text = text
    }
}
