internal import Foundation
internal import GRDB
internal import NIOConcurrencyHelpers

/// The engine's SQLite database: one `DatabasePool` (WAL, so pages read while a write runs),
/// migrated when opened. Every read-then-write runs in ``write(_:)``, which opens its transaction
/// with `BEGIN IMMEDIATE`: the write lock is taken before the first read, so two requests can
/// never both read "unused" and both use one token.
///
/// Every access is GRDB's async one: the work runs on GRDB's own queues and the request's task
/// is suspended meanwhile, so a write waiting for SQLite's lock never holds a thread that
/// serves other requests. A write waits at most `writeWait` from the moment it is asked for
/// (queued behind other writes or waiting for the lock), then throws ``StoreBusy``, which the
/// pages answer with a 503.
///
/// Signed-in page views skip the database: sessions are cached in memory, stamped with a
/// generation that every write transaction bumps (this process is the database's only writer),
/// so a deletion, sign-out or password change is seen by the very next request.
final class EngineStore: Sendable {
    let pool: DatabasePool
    /// The time, per user (see ``UserClock``).
    let clock: UserClock
    let generation = NIOLockedValueBox<UInt64>(0)
    let sessionCache = NIOLockedValueBox<[Data: CachedSession]>([:])
    /// The e-mails' full texts, links included, kept in memory only (see ``MailDrop``).
    let mailDrop: MailDrop
    private let writeWait: Duration
    /// Until when the write running now may wait for SQLite's lock; read by the busy handler.
    private let lockDeadline: NIOLockedValueBox<ContinuousClock.Instant?>

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    /// - Parameters:
    ///   - writeWait: how long a write may wait for the lock before it gives up with ``StoreBusy``.
    ///   - keepsMail: whether e-mails with their links are kept in memory for a reader (the test
    ///     API, the outbox page); without one they are never kept whole anywhere.
    init(
        path: String, clock: @escaping @Sendable () -> Date, writeWait: TimeInterval = 1, keepsMail: Bool = true,
        trace: (@Sendable (String) -> Void)? = nil
    ) throws {
        let lockDeadline = NIOLockedValueBox<ContinuousClock.Instant?>(nil)
        let userClock = UserClock(clock: clock)
        var configuration = Configuration()
        // Retries every 2 ms while the current write's deadline allows (10 s for migrations).
        configuration.busyMode = .callback { tries in
            let deadline = lockDeadline.withLockedValue { $0 }
            if let deadline { guard ContinuousClock.now < deadline else { return false } } else if tries > 5_000 {
                return false
            }
            usleep(2_000)
            return true
        }
        configuration.prepareDatabase { db in
            db.add(function: userClock.sqlFunction)
            if let trace { db.trace { trace($0.expandedDescription) } }
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        self.clock = userClock
        self.lockDeadline = lockDeadline
        self.writeWait = .milliseconds(Int64(writeWait * 1000))
        mailDrop = MailDrop(keeps: keepsMail)
        try Schema.migrator.migrate(pool)
    }

    /// The injected clock, for what concerns no user in particular.
    var now: Double { clock.now }

    /// The time as `userID` sees it (the test API may have advanced it).
    func now(for userID: Int64?) -> Double { clock.now(for: userID) }

    /// A write transaction (`BEGIN IMMEDIATE`), after which every cached session is stale.
    /// - Throws: ``StoreBusy`` when the lock could not be had within `writeWait` of this call.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let deadline = ContinuousClock.now + writeWait
        defer { generation.withLockedValue { $0 &+= 1 } }
        do {
            return try await pool.writeWithoutTransaction { [lockDeadline] db in
                // Queued behind writes that waited for the lock: no time left to wait for it.
                guard ContinuousClock.now < deadline else { throw StoreBusy() }
                lockDeadline.withLockedValue { $0 = deadline }
                defer { lockDeadline.withLockedValue { $0 = nil } }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try updates(db)
                    return .commit
                }
                guard let result else { throw StoreBusy() }
                return result
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw StoreBusy()
        }
    }

    /// A read on one of the pool's reader connections (WAL: it never waits for a writer).
    func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(value)
    }

    /// The key that signs CSRF tokens and e-mail confirmations; made once per database, so it
    /// survives a restart like the sessions do. Read when the engine starts, before it serves.
    func signingKey() throws -> Data {
        try pool.write { db in
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

/// SQLite's write lock could not be had in time (another process holds it, or writes queued
/// before this one waited for it): the page answers 503 rather than hold the request longer.
struct StoreBusy: Error {}
