internal import Foundation
internal import GRDB
internal import NIOConcurrencyHelpers

/// Who is signed in on a request, read in one go: the user, the account's properties and the
/// user's rights on each.
struct SessionContext: Sendable {
    var sessionHash: Data
    var user: UserRecord
    var memberships: [Membership]

    /// Administrators hold the account-administration right on at least one property.
    var isAdministrator: Bool { memberships.contains { $0.rights.contains(.administration) } }
}

extension EngineStore {
    /// The session whose id hashes to `hash`, if it has not expired and its user still exists.
    /// Served from the cache when no write happened since it was read.
    func session(hash: Data) async throws -> SessionContext? {
        let stamp = generation.withLockedValue { $0 }
        if let hit = sessionCache.withLockedValue({ $0[hash] }), hit.generation == stamp {
            return hit.expiresAt > now(for: hit.context.user.id) ? hit.context : nil
        }
        let found: (SessionContext, Double)? = try await read { [self] db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT \(UserRecord.columns), sessions.expires_at FROM sessions
                    JOIN users ON users.id = sessions.user_id WHERE sessions.id_hash = ?
                    """
            )
            guard let row = try Row.fetchOne(statement, arguments: [hash]) else { return nil }
            let user = UserRecord(row: row)
            let context = SessionContext(sessionHash: hash, user: user, memberships: try memberships(of: user.id, in: db))
            return (context, row["expires_at"])
        }
        guard let (context, expiresAt) = found else { return nil }
        sessionCache.withLockedValue { cache in
            if cache.count >= 10_000 { cache.removeAll(keepingCapacity: true) }
            cache[hash] = CachedSession(generation: stamp, expiresAt: expiresAt, context: context)
        }
        return expiresAt > now(for: context.user.id) ? context : nil
    }

    /// The user's rights per property, properties in ID order.
    func memberships(of userID: Int64, in db: Database) throws -> [Membership] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT p.id, p.account_id, p.name, m.rights FROM memberships m
                    JOIN properties p ON p.id = m.property_id WHERE m.user_id = ? ORDER BY p.id
                    """
            ),
            arguments: [userID]
        ).map { row in
            Membership(
                property: PropertyRecord(id: row["id"], accountID: row["account_id"], name: row["name"]),
                rights: AccessRight.parseList(row["rights"])
            )
        }
    }

    /// Starts a session for `userID` inside the caller's transaction.
    func insertSession(hash: Data, userID: Int64, lifetime: TimeInterval, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO sessions(id_hash, user_id, expires_at) VALUES (?, ?, ?)",
            arguments: [hash, userID, now(for: userID) + lifetime]
        )
    }

    /// Ends one session (sign-out).
    func deleteSession(hash: Data) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE id_hash = ?", arguments: [hash])
        }
    }
}

/// A session read from the database, valid while no write has happened since (`generation`).
struct CachedSession: Sendable {
    var generation: UInt64
    var expiresAt: Double
    var context: SessionContext
}
