internal import GRDB

/// The SQLite schema, as GRDB migrations: a database made by an older collector is brought
/// up to date when it opens. A migration once shipped is never edited; add a new one.
///
/// No IP address, user agent or cookie is stored: a vote is an article, a locale, the answer,
/// an optional comment and the time, so the database holds nothing that identifies a reader.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: votes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE vote(
                        id INTEGER PRIMARY KEY,
                        article TEXT NOT NULL,
                        locale TEXT NOT NULL,
                        vote TEXT NOT NULL CHECK (vote IN ('yes','no','comment')),
                        comment TEXT,
                        created_at TEXT NOT NULL);
                    """
            )
        }
        migrator.registerMigration("v2: searches that found nothing") { db in
            try db.execute(
                sql: """
                    CREATE TABLE search_miss(
                        id INTEGER PRIMARY KEY,
                        locale TEXT NOT NULL,
                        query TEXT NOT NULL,
                        created_at TEXT NOT NULL);
                    CREATE INDEX search_miss_locale_query ON search_miss(locale, query);
                    """
            )
        }
        return migrator
    }
}
