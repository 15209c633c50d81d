internal import Foundation

/// A reset link about to be issued: the token's hash and the e-mail that carries the token,
/// stored together or not at all (``EngineStore/recordResetRequest(_:limit:)``).
struct ResetIssue: Sendable {
    var userID: Int64
    var tokenHash: Data
    var lifetime: TimeInterval
    var mail: OutgoingMail
}
