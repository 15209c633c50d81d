/// A fact the prose of an article states about the product, such as "5 fois sans succès":
/// the checker verifies it against the engine and, when it no longer holds, points at the
/// number (or at the example the sentence quotes).
///
/// Claims are found by the claim patterns of the locale's phrasebook (`claims:`), in paragraphs,
/// notes, list items and table cells.
public struct Claim: Sendable, Hashable, Codable {
    /// What the number means. A closed set: each case has a check in `ProcedureChecker/Claims`.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Consecutive failed sign-ins that lock an account.
        case lockoutThreshold = "lockout-threshold"
        /// From how many properties an account's e-mail change goes through the support team.
        case supportThreshold = "support-threshold"
        /// The fewest characters a new password may have.
        case passwordMinLength = "password-min-length"
        /// The most characters a new password may have.
        case passwordMaxLength = "password-max-length"
        /// A common password, such as the one the sentence quotes, is refused whatever its case.
        case commonPasswordRefused = "common-password-refused"
        /// How many hours a password-reset link works.
        case resetLinkHours = "reset-link-hours"
        /// How many reset e-mails one user can receive per hour.
        case resetEmailsPerHour = "reset-emails-per-hour"
        /// How many days an invitation link works.
        case invitationDays = "invitation-days"
        /// How many hours a session lasts after sign-in.
        case sessionHours = "session-hours"

        /// What the kind's patterns hold in their slot.
        public var slot: Slot { self == .commonPasswordRefused ? .password : .number }
    }

    /// The place in a claim pattern where the sentence states the fact.
    public enum Slot: String, Sendable, Hashable, Codable {
        /// A number (`{n}`).
        case number = "{n}"
        /// A password the sentence quotes as an example (`{password}`): one word, up to the words
        /// that follow the slot in the pattern.
        case password = "{password}"
    }

    /// What the slot read.
    public enum Value: Sendable, Hashable, Codable, CustomStringConvertible {
        case number(Int)
        case password(String)

        public var description: String {
            switch self {
            case .number(let number): String(number)
            case .password(let password): password
            }
        }
    }

    public var kind: Kind
    public var value: Value
    /// The range of the number (or of the quoted example) in the article.
    public var range: SourceRange
    /// The sentence the claim was read from, for reports.
    public var text: String

    public init(kind: Kind, value: Value, range: SourceRange, text: String) {
        self.kind = kind
        self.value = value
        self.range = range
        self.text = text
    }

    /// The number a `{n}` claim states; `nil` for a `{password}` one.
    public var number: Int? {
        if case .number(let number) = value { number } else { nil }
    }
}
