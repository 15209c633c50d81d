internal import Foundation
internal import GRDB

extension EngineStore {
    /// The user a forgotten-password request names, if one can receive a reset link.
    func activeUser(username: String) async throws -> UserRecord? {
        try await user(username: username).flatMap { $0.isPending ? nil : $0 }
    }

    /// Any user, invited ones included (the test API's clock).
    func user(username: String) async throws -> UserRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(UserRecord.columns) FROM users WHERE username = ?", arguments: [username])
                .map(UserRecord.init(row:))
        }
    }

    func user(id: Int64) async throws -> UserRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(UserRecord.columns) FROM users WHERE id = ?", arguments: [id])
                .map(UserRecord.init(row:))
        }
    }

    /// Records a forgotten-password request and, for a user who has had fewer than
    /// `limit` reset e-mails in the last hour, stores the token's hash and queues its e-mail, all
    /// in one IMMEDIATE transaction (so 50 simultaneous requests send exactly `limit`). A request
    /// for no user (`reset == nil`) makes the same write, so both take the same time.
    /// - Returns: whether an e-mail was queued.
    func recordResetRequest(_ reset: ResetIssue?, limit: Int) async throws -> Bool {
        try await write { [self] db in
            let now = self.now
            try db.execute(sql: "DELETE FROM reset_requests WHERE requested_at <= ?", arguments: [now - 3600])
            // The user's own time decides their hour; the cleanup above uses the clock, which
            // is never ahead of a user's time, so it removes no request that hour still counts.
            let userNow = self.now(for: reset?.userID)
            var mailed = false
            if let reset {
                let sent =
                    try Int.fetchOne(
                        db,
                        sql: "SELECT COUNT(*) FROM reset_requests WHERE user_id = ? AND mailed = 1 AND requested_at > ?",
                        arguments: [reset.userID, userNow - 3600]) ?? 0
                mailed = sent < limit
                if mailed {
                    try db.execute(
                        sql: "INSERT INTO reset_tokens(token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                        arguments: [reset.tokenHash, reset.userID, userNow + reset.lifetime]
                    )
                    try queue(reset.mail, in: db)
                }
            }
            try db.execute(
                sql: "INSERT INTO reset_requests(user_id, requested_at, mailed) VALUES (?, ?, ?)",
                arguments: [reset?.userID, userNow, mailed]
            )
            return mailed
        }
    }

    /// Whether a reset link still works (unused, unexpired), to show its form or say it is void.
    func resetTokenIsUsable(_ tokenHash: Data) async throws -> Bool {
        try await read { [self] db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM reset_tokens
                    WHERE token_hash = ? AND used_at IS NULL AND expires_at > clock_now(user_id)
                    """,
                arguments: [tokenHash]
            ) ?? false
        }
    }

    /// Uses a reset token once: the first of any number of simultaneous requests sets the
    /// password, unlocks the account and zeroes its counter, and queues `notice` to the user;
    /// the others find it used.
    /// - Returns: the user whose password changed, or `nil` for a void token.
    func resetPassword(
        tokenHash: Data, newHash: String, notice: @escaping @Sendable (UserRecord) -> OutgoingMail
    ) async throws -> UserRecord? {
        try await write { [self] db in
            guard
                let userID = try Int64.fetchOne(
                    db,
                    sql: """
                        UPDATE reset_tokens SET used_at = ?
                        WHERE token_hash = ? AND used_at IS NULL AND expires_at > clock_now(user_id) RETURNING user_id
                        """,
                    arguments: [now, tokenHash]
                )
            else { return nil }
            try db.execute(
                sql: "UPDATE users SET password_hash = ?, failed_attempts = 0, locked = 0 WHERE id = ?",
                arguments: [newHash, userID]
            )
            try voidCredentials(of: userID, in: db)
            let user = try Row.fetchOne(
                db, sql: "SELECT \(UserRecord.columns) FROM users WHERE id = ?", arguments: [userID]
            ).map(UserRecord.init(row:))
            if let user { try queue(notice(user), in: db) }
            return user
        }
    }

    /// Sets a signed-in user's new password and swaps their session for a new one; every other
    /// session and every outstanding link of the user ends, and `notice` goes to the user.
    func changePassword(
        userID: Int64, newHash: String, newSessionHash: Data, lifetime: TimeInterval, notice: OutgoingMail
    ) async throws {
        try await write { [self] db in
            try db.execute(
                sql: "UPDATE users SET password_hash = ?, failed_attempts = 0 WHERE id = ?",
                arguments: [newHash, userID]
            )
            try voidCredentials(of: userID, in: db)
            try insertSession(hash: newSessionHash, userID: userID, lifetime: lifetime, in: db)
            try queue(notice, in: db)
        }
    }

    /// After any password change: sessions end, and reset and invitation links are spent.
    private func voidCredentials(of userID: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID])
        try db.execute(
            sql: "UPDATE reset_tokens SET used_at = ? WHERE user_id = ? AND used_at IS NULL", arguments: [now, userID]
        )
        try db.execute(
            sql: "UPDATE invitations SET used_at = ? WHERE user_id = ? AND used_at IS NULL", arguments: [now, userID]
        )
    }
}
