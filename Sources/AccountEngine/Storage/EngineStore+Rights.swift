internal import Foundation
internal import GRDB

/// Why a user's rights were not saved.
enum RightsChangeOutcome: Sendable, Equatable {
    case saved(UserRecord, [Membership])
    /// No such user in the actor's account (another account's id is a 404 too).
    case notFound
    /// A property of the user would be left without any right; remove the user instead.
    case noRights
    /// The change would leave the account without an administrator who can sign in.
    case lastAdministrator
}

extension EngineStore {
    /// Replaces a user's rights on each property they belong to, in one IMMEDIATE transaction:
    /// the target is looked up within the actor's account, every property keeps at least one
    /// right, and the account keeps an administrator, so two administrators saving at once
    /// cannot both take the last administration right away. Properties the user does not
    /// belong to are ignored (the form never offers them).
    func setRights(userID: Int64, accountID: Int64, rights: [Int64: Set<AccessRight>]) async throws -> RightsChangeOutcome {
        try await write { [self] db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(UserRecord.columns) FROM users WHERE id = ? AND account_id = ?",
                    arguments: [userID, accountID])
            else { return .notFound }
            let current = try memberships(of: userID, in: db)
            let wanted = current.map { membership in (membership, rights[membership.property.id] ?? []) }
            if wanted.contains(where: { $0.1.isEmpty }) { return .noRights }
            let losesAdministration = current.contains { $0.rights.contains(.administration) }
                && !wanted.contains { $0.1.contains(.administration) }
            if losesAdministration, try administratorCount(accountID: accountID, excluding: userID, in: db) == 0 {
                return .lastAdministrator
            }
            for (membership, new) in wanted {
                try db.execute(
                    sql: "UPDATE memberships SET rights = ? WHERE user_id = ? AND property_id = ?",
                    arguments: [AccessRight.list(new), userID, membership.property.id])
            }
            return .saved(UserRecord(row: row), try memberships(of: userID, in: db))
        }
    }
}
