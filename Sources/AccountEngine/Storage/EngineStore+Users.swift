internal import Foundation
internal import GRDB

/// Why a user could not be deleted.
enum DeletionOutcome: Sendable, Equatable {
    case deleted(UserRecord)
    case notFound
    case isSelf
    case lastAdministrator
}

extension EngineStore {
    /// The account's properties in ID order.
    func properties(ofAccount accountID: Int64) async throws -> [PropertyRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM properties WHERE account_id = ? ORDER BY id", arguments: [accountID])
                .map { PropertyRecord(id: $0["id"], accountID: $0["account_id"], name: $0["name"]) }
        }
    }

    /// The account's users by name, then username.
    func users(ofAccount accountID: Int64) async throws -> [UserRecord] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(UserRecord.columns) FROM users WHERE account_id = ? ORDER BY name, username",
                arguments: [accountID]
            ).map(UserRecord.init(row:))
        }
    }

    /// A user of this account with their rights; `nil` for another account's user (a 404).
    func user(id: Int64, inAccount accountID: Int64) async throws -> (UserRecord, [Membership])? {
        try await read { [self] db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(UserRecord.columns) FROM users WHERE id = ? AND account_id = ?",
                    arguments: [id, accountID]
                )
            else { return nil }
            let user = UserRecord(row: row)
            return (user, try memberships(of: user.id, in: db))
        }
    }

    /// Deletes a user of the account, never the actor and never the account's last
    /// administrator; the user's sessions go with the row (ON DELETE CASCADE), so they end at once.
    func deleteUser(id: Int64, actorID: Int64, accountID: Int64) async throws -> DeletionOutcome {
        try await write { [self] db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(UserRecord.columns) FROM users WHERE id = ? AND account_id = ?",
                    arguments: [id, accountID]
                )
            else { return .notFound }
            if id == actorID { return .isSelf }
            let target = UserRecord(row: row)
            let isAdministrator = try memberships(of: id, in: db).contains { $0.rights.contains(.administration) }
            if isAdministrator, try administratorCount(accountID: accountID, excluding: id, in: db) == 0 {
                return .lastAdministrator
            }
            try db.execute(sql: "DELETE FROM users WHERE id = ?", arguments: [id])
            return .deleted(target)
        }
    }

    func administratorCount(accountID: Int64, excluding userID: Int64, in db: Database) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(DISTINCT m.user_id) FROM memberships m
                JOIN properties p ON p.id = m.property_id JOIN users u ON u.id = m.user_id
                WHERE p.account_id = ? AND u.account_id = ? AND m.user_id != ? AND u.password_hash IS NOT NULL
                AND (',' || m.rights || ',') LIKE '%,administration,%'
                """,
            arguments: [accountID, accountID, userID]
        ) ?? 0
    }
}
