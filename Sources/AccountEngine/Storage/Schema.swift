internal import GRDB

/// The database schema, as GRDB migrations: a database made by an older engine is brought up
/// to date when it opens, and a migration once shipped is never edited (add a new one).
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: accounts, users, tokens, outbox") { db in
            try db.execute(
                sql: """
                    CREATE TABLE settings(key TEXT PRIMARY KEY, value BLOB NOT NULL);
                    CREATE TABLE accounts(id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                    CREATE TABLE properties(
                        id INTEGER PRIMARY KEY,
                        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                        name TEXT NOT NULL);
                    CREATE INDEX properties_account ON properties(account_id);
                    CREATE TABLE users(
                        id INTEGER PRIMARY KEY,
                        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        name TEXT NOT NULL,
                        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        password_hash TEXT,
                        failed_attempts INTEGER NOT NULL DEFAULT 0,
                        locked INTEGER NOT NULL DEFAULT 0,
                        created_at REAL NOT NULL);
                    CREATE INDEX users_account ON users(account_id);
                    CREATE TABLE memberships(
                        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        property_id INTEGER NOT NULL REFERENCES properties(id) ON DELETE CASCADE,
                        rights TEXT NOT NULL,
                        PRIMARY KEY(user_id, property_id));
                    CREATE INDEX memberships_property ON memberships(property_id);
                    CREATE TABLE sessions(
                        id_hash BLOB PRIMARY KEY,
                        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        expires_at REAL NOT NULL);
                    CREATE INDEX sessions_user ON sessions(user_id);
                    CREATE TABLE reset_tokens(
                        token_hash BLOB PRIMARY KEY,
                        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        expires_at REAL NOT NULL,
                        used_at REAL);
                    CREATE INDEX reset_tokens_user ON reset_tokens(user_id);
                    CREATE TABLE invitations(
                        id INTEGER PRIMARY KEY,
                        token_hash BLOB NOT NULL UNIQUE,
                        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        expires_at REAL NOT NULL,
                        used_at REAL);
                    CREATE INDEX invitations_user ON invitations(user_id);
                    CREATE TABLE invitation_grants(
                        invitation_id INTEGER NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
                        property_id INTEGER NOT NULL REFERENCES properties(id) ON DELETE CASCADE,
                        rights TEXT NOT NULL,
                        PRIMARY KEY(invitation_id, property_id));
                    CREATE TABLE outbox(
                        id INTEGER PRIMARY KEY,
                        recipient TEXT NOT NULL COLLATE NOCASE,
                        subject TEXT NOT NULL,
                        body TEXT NOT NULL,
                        created_at REAL NOT NULL);
                    CREATE INDEX outbox_recipient ON outbox(recipient);
                    """
            )
        }
        migrator.registerMigration("v2: reset requests") { db in
            // One row per forgotten-password request of the last hour, known username or not
            // (`user_id` NULL), so every request does the same write; `mailed` rows count
            // against the per-account limit of reset e-mails.
            try db.execute(
                sql: """
                    CREATE TABLE reset_requests(
                        id INTEGER PRIMARY KEY,
                        user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
                        requested_at REAL NOT NULL,
                        mailed INTEGER NOT NULL);
                    CREATE INDEX reset_requests_user ON reset_requests(user_id, requested_at);
                    CREATE INDEX reset_requests_time ON reset_requests(requested_at);
                    """
            )
        }
        return migrator
    }
}
