internal import Logging
internal import PostgresNIO

/// The PostgreSQL schema as numbered migrations, like ``SQLiteSchema``'s: a database made by an
/// older collector is brought up to date when a collector opens it. A migration once shipped
/// is never edited; add a new one.
///
/// Several collectors may start at once on one database: each migrates inside one transaction
/// holding an advisory lock, so exactly one applies a migration and the others see it done.
/// The vote table holds what SQLite's does, and nothing that identifies a reader; the rate
/// buckets hold a client key (an IPv4 address or IPv6 /64, hex) only while it is draining.
enum PostgresSchema {
    struct Migration {
        let name: String
        let statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(
            name: "v1: votes",
            statements: [
                """
                CREATE TABLE vote(
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    article TEXT NOT NULL,
                    locale TEXT NOT NULL,
                    vote TEXT NOT NULL CHECK (vote IN ('yes','no','comment')),
                    comment TEXT,
                    created_at TEXT NOT NULL)
                """,
                "CREATE INDEX vote_article_locale ON vote(article, locale)",
            ]),
        Migration(
            name: "v2: shared rate limit",
            statements: [
                """
                CREATE TABLE rate_bucket(
                    client TEXT PRIMARY KEY,
                    tokens DOUBLE PRECISION NOT NULL,
                    updated DOUBLE PRECISION NOT NULL,
                    allowed BOOLEAN NOT NULL)
                """
            ]),
        Migration(
            name: "v3: rate-limit takes in batches",
            statements: [
                // What the last batch took from the bucket (``TakeTokens``); an older collector's
                // single take leaves it at its default, which no newer one reads back.
                "ALTER TABLE rate_bucket ADD COLUMN granted INTEGER NOT NULL DEFAULT 0"
            ]),
        Migration(
            name: "v4: searches that found nothing",
            statements: [
                """
                CREATE TABLE search_miss(
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    locale TEXT NOT NULL,
                    query TEXT NOT NULL,
                    created_at TEXT NOT NULL)
                """,
                "CREATE INDEX search_miss_locale_query ON search_miss(locale, query)",
            ]),
    ]

    /// An arbitrary constant: the advisory lock every collector takes while migrating.
    private static let lockKey: Int64 = 0x6865_6c70_6662_6b31

    /// Applies the migrations not yet applied, up to `last` (all by default; tests stop earlier
    /// to make an older database).
    static func migrate(_ client: PostgresClient, upTo last: Int? = nil, logger: Logger) async throws {
        let wanted = migrations.prefix(last ?? migrations.count)
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS helpcenter_migration(
                    name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM helpcenter_migration", logger: logger)
                .decode(String.self)
            {
                applied.insert(name)
            }
            for migration in wanted where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO helpcenter_migration(name) VALUES (\(migration.name))", logger: logger)
            }
        }
    }
}
