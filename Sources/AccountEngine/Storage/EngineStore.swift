internal import Foundation
internal import GRDB
internal import NIOConcurrencyHelpers

/// The engine's SQLite database: one `DatabasePool` (WAL, so pages read while a write runs),
/// migrated when opened. Every read-then-write runs in `pool.write`, which GRDB opens with
/// `BEGIN IMMEDIATE` on a writable connection: the write lock is taken before the first read,
/// so two requests can never both read "unused" and both use one token.
///
/// Signed-in page views skip the database: sessions are cached in memory, stamped with a
/// generation that every write transaction bumps (this process is the database's only writer),
/// so a deletion, sign-out or password change is seen by the very next request.
final class EngineStore: Sendable {
    let pool: DatabasePool
    let clock: @Sendable () -> Date
    let generation = NIOLockedValueBox<UInt64>(0)
    let sessionCache = NIOLockedValueBox<[Data: CachedSession]>([:])

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    init(path: String, clock: @escaping @Sendable () -> Date, trace: (@Sendable (String) -> Void)? = nil) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            if let trace { db.trace { trace($0.expandedDescription) } }
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        self.clock = clock
        try Schema.migrator.migrate(pool)
    }

    var now: Double { clock().timeIntervalSince1970 }

    /// A write transaction (`BEGIN IMMEDIATE`), after which every cached session is stale.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        defer { generation.withLockedValue { $0 &+= 1 } }
        return try pool.write(updates)
    }

    /// The key that signs CSRF tokens and e-mail confirmations; made once per database, so it
    /// survives a restart like the sessions do.
    func signingKey() throws -> Data {
        try write { db in
            if let key = try Data.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'signing-key'") {
                return key
            }
            var generator = SystemRandomNumberGenerator()
            let key = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('signing-key', ?)", arguments: [key])
            return key
        }
    }
}
