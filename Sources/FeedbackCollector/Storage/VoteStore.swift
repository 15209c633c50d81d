internal import Foundation
internal import GRDB
internal import NIOConcurrencyHelpers

/// The votes' SQLite database: a `DatabasePool` (WAL, so the report reads while votes are
/// written), migrated when opened.
///
/// ``insert(_:)`` returns only once its row is committed, so a 201 or 303 never promises a
/// vote that a crash could lose. Concurrent inserts share one transaction: while a commit is
/// under way, new rows queue up, and the next commit takes them all and then resumes every
/// waiting request. One commit (and its `fsync`) per batch rather than per vote is what lets
/// the collector take thousands of votes a second.
final class VoteStore: Sendable {
    let pool: DatabasePool
    private let queue = NIOLockedValueBox(Queue())

    private struct Queue {
        var pending: [(row: VoteRow, done: CheckedContinuation<Void, any Error>)] = []
        var writing = false
    }

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB sets NORMAL with WAL; FULL syncs the WAL at each commit, so a vote answered 201
        // survives a power cut too. Batched commits make that affordable.
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        try Schema.migrator.migrate(pool)
    }

    /// Stores `row`; returns when the transaction that holds it has committed.
    func insert(_ row: VoteRow) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            let startWriter = queue.withLockedValue { queue in
                queue.pending.append((row, done))
                let idle = !queue.writing
                queue.writing = true
                return idle
            }
            if startWriter { Task { await self.drain() } }
        }
    }

    /// Commits batches until no row waits.
    private func drain() async {
        while true {
            let batch = queue.withLockedValue { queue in
                let batch = queue.pending
                queue.pending = []
                if batch.isEmpty { queue.writing = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                try await write(batch.map(\.row))
                for entry in batch { entry.done.resume() }
            } catch  where batch.count > 1 {
                // One bad row must not cost the others theirs: retry each on its own.
                for entry in batch {
                    do {
                        try await write([entry.row])
                        entry.done.resume()
                    } catch {
                        entry.done.resume(throwing: error)
                    }
                }
            } catch {
                for entry in batch { entry.done.resume(throwing: error) }
            }
        }
    }

    private func write(_ rows: [VoteRow]) async throws {
        try await pool.write { db in
            let statement = try db.cachedStatement(
                sql: "INSERT INTO vote(article, locale, vote, comment, created_at) VALUES (?, ?, ?, ?, ?)")
            for row in rows {
                try statement.execute(arguments: [row.article, row.locale, row.vote, row.comment, row.createdAt])
            }
        }
    }
}
