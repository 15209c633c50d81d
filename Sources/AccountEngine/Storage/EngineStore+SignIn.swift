internal import Foundation
internal import GRDB

/// What the first half of a sign-in decided, before any password is checked.
enum SignInReservation: Sendable {
    /// No such username (or a user who has not accepted their invitation yet).
    case unknown
    /// Locked, or as many attempts in flight as the limit allows: no password check.
    case refused
    /// One attempt counted against the user; the password may now be checked.
    case reserved(UserRecord)
}

extension EngineStore {
    /// Counts one failed attempt *before* the password is checked, in one IMMEDIATE
    /// transaction, so that 50 simultaneous wrong passwords reserve at most `limit` checks.
    func reserveSignIn(username: String, limit: Int) async throws -> SignInReservation {
        try await write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(UserRecord.columns) FROM users WHERE username = ?", arguments: [username]
                )
            else { return .unknown }
            let user = UserRecord(row: row)
            if user.isPending { return .unknown }
            if user.locked || user.failedAttempts >= limit { return .refused }
            try db.execute(sql: "UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = ?", arguments: [user.id])
            return .reserved(user)
        }
    }

    /// The same reservation for a signed-in user who re-types their password (the change
    /// form's current password): the guesses of a stolen session count like sign-in failures.
    func reserveAttempt(userID: Int64, limit: Int) async throws -> SignInReservation {
        try await write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(UserRecord.columns) FROM users WHERE id = ?", arguments: [userID]
                )
            else { return .unknown }
            let user = UserRecord(row: row)
            if user.locked || user.failedAttempts >= limit { return .refused }
            try db.execute(
                sql: "UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = ?", arguments: [userID]
            )
            return .reserved(user)
        }
    }

    /// The re-typed password was right: its reserved attempt is given back.
    func clearAttempts(userID: Int64) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE users SET failed_attempts = 0 WHERE id = ? AND locked = 0", arguments: [userID])
        }
    }

    /// The account is locked: every session of the user ends (a stolen one included).
    func endSessions(userID: Int64) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID])
        }
    }

    /// The password was right: the counter goes back to zero and a session starts. Returns
    /// `false` when the account was locked meanwhile by concurrent failures.
    func completeSignIn(userID: Int64, sessionHash: Data, lifetime: TimeInterval) async throws -> Bool {
        try await write { [self] db in
            try db.execute(
                sql: "UPDATE users SET failed_attempts = 0 WHERE id = ? AND locked = 0", arguments: [userID]
            )
            guard db.changesCount == 1 else { return false }
            try insertSession(hash: sessionHash, userID: userID, lifetime: lifetime, in: db)
            return true
        }
    }

    /// The password was wrong: the reserved attempt stays counted, and the account locks when
    /// the count has reached the limit.
    /// - Returns: whether the account is locked now.
    @discardableResult
    func failSignIn(userID: Int64, limit: Int) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE users SET locked = 1 WHERE id = ? AND failed_attempts >= ?", arguments: [userID, limit]
            )
            return db.changesCount == 1
        }
    }
}
