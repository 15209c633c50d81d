internal import Foundation
internal import GRDB

extension EngineStore {
    /// Queues `mail` inside the caller's transaction: the row without the link's token, the
    /// whole text in ``MailDrop`` once the transaction has committed.
    func queue(_ mail: OutgoingMail, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO outbox(recipient, subject, body, created_at) VALUES (?, ?, ?, ?)",
            arguments: [mail.to, mail.subject, mail.storedBody, now]
        )
        let id = db.lastInsertedRowID
        if mailDrop.keeps {
            db.afterNextTransaction(onCommit: { [mailDrop] _ in mailDrop.keep(id, body: mail.body) })
        }
    }

    /// The e-mails sent to `address` (any case), oldest first.
    func mailbox(_ address: String) async throws -> [MailMessage] {
        try await read { [self] db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM outbox WHERE recipient = ? ORDER BY id", arguments: [address]
            ).map(message)
        }
    }

    /// The latest e-mails of every recipient, newest first, for the outbox page.
    func recentMail(limit: Int) async throws -> [MailMessage] {
        try await read { [self] db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(message)
        }
    }

    private func message(_ row: Row) -> MailMessage {
        let id: Int64 = row["id"]
        return MailMessage(
            id: id, to: row["recipient"], subject: row["subject"], body: mailDrop.body(id) ?? row["body"],
            sentAt: Date(timeIntervalSince1970: row["created_at"])
        )
    }
}
