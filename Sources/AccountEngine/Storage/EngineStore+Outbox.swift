internal import Foundation
internal import GRDB

extension EngineStore {
    /// Queues `mail` inside the caller's transaction.
    func queue(_ mail: OutgoingMail, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO outbox(recipient, subject, body, created_at) VALUES (?, ?, ?, ?)",
            arguments: [mail.to, mail.subject, mail.body, now]
        )
    }

    /// The e-mails sent to `address` (any case), oldest first.
    func mailbox(_ address: String) async throws -> [MailMessage] {
        try await read { [self] db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM outbox WHERE recipient = ? ORDER BY id", arguments: [address]
            ).map(Self.message)
        }
    }

    /// The latest e-mails of every recipient, newest first, for the outbox page.
    func recentMail(limit: Int) async throws -> [MailMessage] {
        try await read { [self] db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(Self.message)
        }
    }

    private static func message(_ row: Row) -> MailMessage {
        MailMessage(
            id: row["id"], to: row["recipient"], subject: row["subject"], body: row["body"],
            sentAt: Date(timeIntervalSince1970: row["created_at"])
        )
    }
}
