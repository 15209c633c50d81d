internal import Foundation

/// An e-mail about to be written to the outbox, in the same transaction as the change it
/// announces: a reset link is never stored without its e-mail, nor an e-mail without its link.
struct OutgoingMail: Sendable {
    var to: String
    var subject: String
    var body: String
    /// The token its link carries, never written to the database (see ``MailDrop``).
    var secret: String?

    /// What the outbox row keeps: the body with the token replaced, a link that opens the
    /// "this link no longer works" page.
    var storedBody: String {
        guard let secret, !secret.isEmpty else { return body }
        return body.replacingOccurrences(of: secret, with: Self.redacted)
    }

    static let redacted = "removed-from-stored-copy"
}
