internal import Foundation
internal import GRDB

/// The rights an invitation gives on one property once it is accepted.
struct Grant: Sendable, Equatable {
    var propertyID: Int64
    var rights: Set<AccessRight>
}

/// Why an invitation of an existing user was not sent.
enum ExistingInvitationOutcome: Sendable, Equatable {
    case invited(UserRecord)
    case unknownProperty
    case unknownUser
    case alreadyMember
}

/// An invitation link as its page shows it.
struct PendingInvitation: Sendable {
    var user: UserRecord
    var properties: [PropertyRecord]
}

extension EngineStore {
    /// Whether any user, in any account, signs in with this e-mail address already.
    func emailInUse(_ email: String) async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM users WHERE email = ? OR username = ?", arguments: [email, email]
            ) ?? false
        }
    }

    /// Creates a user who has not accepted yet (no password, cannot sign in), their username
    /// being their e-mail address, and the invitation with its e-mail.
    /// - Returns: `nil` when the address is taken by then.
    func inviteNewUser(
        accountID: Int64, name: String, email: String, grants: [Grant], tokenHash: Data,
        lifetime: TimeInterval, mail: OutgoingMail
    ) async throws -> Int64? {
        try await write { [self] db in
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM users WHERE email = ? OR username = ?", arguments: [email, email]) ?? false
            {
                return nil
            }
            try db.execute(
                sql: "INSERT INTO users(account_id, username, name, email, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [accountID, email, name, email, now]
            )
            let userID = db.lastInsertedRowID
            try insertInvitation(userID: userID, grants: grants, tokenHash: tokenHash, lifetime: lifetime, in: db)
            try queue(mail, in: db)
            return userID
        }
    }

    /// Invites a user of the same account to one more of its properties.
    func inviteExistingUser(
        accountID: Int64, email: String, grant: Grant, tokenHash: Data, lifetime: TimeInterval,
        mail: @escaping @Sendable (UserRecord) -> OutgoingMail
    ) async throws -> ExistingInvitationOutcome {
        try await write { [self] db in
            guard
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM properties WHERE id = ? AND account_id = ?",
                    arguments: [grant.propertyID, accountID]) ?? false
            else { return .unknownProperty }
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(UserRecord.columns) FROM users WHERE email = ? AND account_id = ?",
                    arguments: [email, accountID])
            else { return .unknownUser }
            let user = UserRecord(row: row)
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM memberships WHERE user_id = ? AND property_id = ?",
                arguments: [user.id, grant.propertyID]) ?? false
            {
                return .alreadyMember
            }
            try insertInvitation(userID: user.id, grants: [grant], tokenHash: tokenHash, lifetime: lifetime, in: db)
            try queue(mail(user), in: db)
            return .invited(user)
        }
    }

    func insertInvitation(
        userID: Int64, grants: [Grant], tokenHash: Data, lifetime: TimeInterval, in db: Database
    ) throws {
        try db.execute(
            sql: "INSERT INTO invitations(token_hash, user_id, expires_at) VALUES (?, ?, ?)",
            arguments: [tokenHash, userID, now(for: userID) + lifetime]
        )
        let invitationID = db.lastInsertedRowID
        for grant in grants {
            try db.execute(
                sql: "INSERT INTO invitation_grants(invitation_id, property_id, rights) VALUES (?, ?, ?)",
                arguments: [invitationID, grant.propertyID, AccessRight.list(grant.rights)]
            )
        }
    }

    /// The invitation a link stands for, if it is unused and unexpired.
    func pendingInvitation(tokenHash: Data) async throws -> PendingInvitation? {
        try await read { [self] db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, user_id FROM invitations
                        WHERE token_hash = ? AND used_at IS NULL AND expires_at > clock_now(user_id)
                        """,
                    arguments: [tokenHash]),
                let userRow = try Row.fetchOne(
                    db, sql: "SELECT \(UserRecord.columns) FROM users WHERE id = ?", arguments: [row["user_id"] as Int64])
            else { return nil }
            let properties = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.* FROM invitation_grants g JOIN properties p ON p.id = g.property_id
                    WHERE g.invitation_id = ? ORDER BY p.id
                    """,
                arguments: [row["id"] as Int64]
            ).map { PropertyRecord(id: $0["id"], accountID: $0["account_id"], name: $0["name"]) }
            return PendingInvitation(user: UserRecord(row: userRow), properties: properties)
        }
    }

    /// Accepts an invitation once: the token is spent and the memberships made in one IMMEDIATE
    /// transaction, so 20 simultaneous acceptances make one membership. A user who has no
    /// password yet must choose one here (`newHash`).
    /// - Returns: the user, or `nil` for a void link (or a missing password).
    func acceptInvitation(tokenHash: Data, newHash: String?) async throws -> UserRecord? {
        try await write { [self] db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        UPDATE invitations SET used_at = ?
                        WHERE token_hash = ? AND used_at IS NULL AND expires_at > clock_now(user_id)
                        RETURNING id, user_id
                        """,
                    arguments: [now, tokenHash])
            else { return nil }
            let invitationID: Int64 = row["id"]
            let userID: Int64 = row["user_id"]
            guard
                let userRow = try Row.fetchOne(
                    db, sql: "SELECT \(UserRecord.columns) FROM users WHERE id = ?", arguments: [userID])
            else { return nil }
            var user = UserRecord(row: userRow)
            if user.isPending {
                guard let newHash else {
                    throw AcceptanceNeedsPassword()
                }
                try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [newHash, userID])
                user.passwordHash = newHash
            }
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO memberships(user_id, property_id, rights)
                    SELECT ?, property_id, rights FROM invitation_grants WHERE invitation_id = ?
                    """,
                arguments: [userID, invitationID]
            )
            return user
        }
    }
}

/// Thrown inside the acceptance transaction to roll it back when a new user sent no password.
struct AcceptanceNeedsPassword: Error {}
