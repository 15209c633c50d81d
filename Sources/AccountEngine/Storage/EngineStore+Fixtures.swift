internal import Foundation
internal import GRDB

/// A user to create in a fixture account, with hashed password and final state.
struct FixtureUser: Sendable {
    var username: String
    var name: String
    var email: String
    var passwordHash: String?
    /// Indexes into the fixture's properties, with the rights on each.
    var grants: [(index: Int, rights: Set<AccessRight>)]
    var failedAttempts: Int
    var locked: Bool
}

/// What a fixture creation made, for the test API's answer.
struct FixtureIDs: Sendable {
    var accountID: Int64
    var propertyIDs: [Int64]
    var userIDs: [Int64]
}

extension EngineStore {
    /// Creates an account, its properties and users in one transaction (test API only).
    /// Property IDs are public numbers from 1000001 up, like the extranet's.
    func createFixture(name: String, propertyNames: [String], users: [FixtureUser]) async throws -> FixtureIDs {
        try await write { [self] db in
            try db.execute(sql: "INSERT INTO accounts(name) VALUES (?)", arguments: [name])
            let accountID = db.lastInsertedRowID
            var propertyIDs: [Int64] = []
            for propertyName in propertyNames {
                let next = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM properties") ?? 1_000_000) + 1
                try db.execute(
                    sql: "INSERT INTO properties(id, account_id, name) VALUES (?, ?, ?)",
                    arguments: [next, accountID, propertyName]
                )
                propertyIDs.append(next)
            }
            var userIDs: [Int64] = []
            for user in users {
                try db.execute(
                    sql: """
                        INSERT INTO users(account_id, username, name, email, password_hash, failed_attempts, locked, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        accountID, user.username, user.name, user.email, user.passwordHash, user.failedAttempts,
                        user.locked, now,
                    ]
                )
                let userID = db.lastInsertedRowID
                userIDs.append(userID)
                for grant in user.grants where propertyIDs.indices.contains(grant.index) {
                    try db.execute(
                        sql: "INSERT INTO memberships(user_id, property_id, rights) VALUES (?, ?, ?)",
                        arguments: [userID, propertyIDs[grant.index], AccessRight.list(grant.rights)]
                    )
                }
            }
            return FixtureIDs(accountID: accountID, propertyIDs: propertyIDs, userIDs: userIDs)
        }
    }
}

extension EngineStore {
    /// An invitation of a fixture user to some properties, with its e-mail, as the users pages
    /// would send it (test API only): the checker's `state: invited` starts from it.
    func inviteFixtureUser(userID: Int64, grants: [Grant], tokenHash: Data, lifetime: TimeInterval, mail: OutgoingMail) async throws {
        try await write { [self] db in
            try insertInvitation(userID: userID, grants: grants, tokenHash: tokenHash, lifetime: lifetime, in: db)
            try queue(mail, in: db)
        }
    }
}
