public import Foundation

/// Everything that can differ between two runs of the engine: the command's options, and the
/// clock and public address that tests replace.
public struct EngineOptions: Sendable {
    /// The SQLite file; created with its schema when missing.
    public var databasePath: String
    /// Consecutive failed sign-ins that lock an account (the articles say 5).
    public var lockoutLimit: Int = 5
    /// bcrypt's log2 work factor: 12 in production, 4 (the minimum) makes tests fast.
    public var bcryptCost: Int = 12
    /// Enables the JSON test API under `/_test/`; without it those paths answer 404.
    public var testMode: Bool = false
    /// Enables the outbox page for people at `/_dev/outbox`.
    public var devMode: Bool = false
    /// Marks cookies `Secure`, for an engine served behind https.
    public var secureCookies: Bool = false
    /// Labels replaced per locale (drift tests of the checker).
    public var labelRenames: [LabelRename] = []
    /// The origin written into e-mail links; the listening address when `nil`.
    public var publicURL: String?
    /// How long a write may wait for SQLite's lock (held by another process, or by writes
    /// queued before it) before the page answers 503.
    public var writeWait: TimeInterval = 1
    /// Reset e-mails one user can be sent per hour; further requests get the same page and
    /// send nothing.
    public var resetMailsPerHour: Int = 3
    /// How long a password-reset link works.
    public var resetTokenLifetime: TimeInterval = 3600
    /// How long an invitation link works.
    public var invitationLifetime: TimeInterval = 7 * 24 * 3600
    /// How long a session lasts after sign-in.
    public var sessionLifetime: TimeInterval = 12 * 3600
    /// What a new password must be. The pages' texts keep the shipped numbers: only drift tests
    /// of the checker change it, to see the claims fail.
    public var passwordPolicy = PasswordPolicy()
    /// The time; tests move it forward to expire tokens.
    public var clock: @Sendable () -> Date = { Date() }

    public init(databasePath: String) {
        self.databasePath = databasePath
    }
}
