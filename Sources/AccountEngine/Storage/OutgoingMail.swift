/// An e-mail about to be written to the outbox, in the same transaction as the change it
/// announces: a reset link is never stored without its e-mail, nor an e-mail without its link.
struct OutgoingMail: Sendable {
    var to: String
    var subject: String
    var body: String
}
