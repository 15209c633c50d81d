internal import Foundation
internal import NIOConcurrencyHelpers

/// Batched commits with a deadline per vote, for both stores.
///
/// Concurrent inserts share one transaction: while a commit is under way new rows queue up,
/// and the next commit takes them all, then resumes every waiting request. One commit (and
/// its `fsync`) per batch rather than per vote is what lets the collector take thousands of
/// votes a second.
///
/// Each insert waits at most `deadline`: a row still queued then is dropped (it is never
/// written, so its 503 changes nothing), and a row already in a transaction is answered
/// 503 too — it may still commit, which stores a vote the reader was told to send again, but
/// never answers 201 for a row that is not committed.
final class CommitQueue: Sendable {
    typealias Write = @Sendable ([VoteRow]) async throws -> Void

    private let write: Write
    private let deadline: Duration
    private let maxBatch: Int
    private let state = NIOLockedValueBox(State())

    private struct Entry {
        let row: VoteRow
        let done: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var pending: [(id: Int, entry: Entry)] = []
        /// Rows taken by the writer, answered when their transaction ends (unless expired).
        var writing: [Int: Entry] = [:]
        var writerRunning = false
        var nextID = 0
    }

    /// - Parameters:
    ///   - deadline: the longest a vote waits for its commit before it is answered 503.
    ///   - maxBatch: the most rows in one transaction (PostgreSQL binds at most 65,535 values).
    init(deadline: Duration, maxBatch: Int = 2000, write: @escaping Write) {
        self.deadline = deadline
        self.maxBatch = maxBatch
        self.write = write
    }

    /// Queues `row`; returns when its transaction committed.
    func insert(_ row: VoteRow) async throws {
        let deadline = deadline
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            let (id, startWriter) = state.withLockedValue { state in
                let id = state.nextID
                state.nextID += 1
                state.pending.append((id, Entry(row: row, done: done)))
                let idle = !state.writerRunning
                state.writerRunning = true
                return (id, idle)
            }
            if startWriter { Task { await self.drain() } }
            Task {
                try? await Task.sleep(for: deadline)
                self.expire(id)
            }
        }
    }

    /// Answers 503 to a vote that waited `deadline`, whether queued or being written.
    private func expire(_ id: Int) {
        let entry = state.withLockedValue { state -> Entry? in
            if let index = state.pending.firstIndex(where: { $0.id == id }) {
                return state.pending.remove(at: index).entry
            }
            return state.writing.removeValue(forKey: id)
        }
        entry?.done.resume(throwing: StorageUnavailable(reason: "no commit within \(deadline)"))
    }

    /// Commits batches until no row waits.
    private func drain() async {
        while true {
            let batch = state.withLockedValue { state -> [(id: Int, row: VoteRow)] in
                let taken = state.pending.prefix(maxBatch)
                state.pending.removeFirst(taken.count)
                if taken.isEmpty { state.writerRunning = false }
                for (id, entry) in taken { state.writing[id] = entry }
                return taken.map { ($0.id, $0.entry.row) }
            }
            if batch.isEmpty { return }
            do {
                try await write(batch.map(\.row))
                finish(batch.map(\.id), with: nil)
            } catch let error as StorageUnavailable {
                finish(batch.map(\.id), with: error)
            } catch where batch.count > 1 {
                // One bad row must not cost the others theirs: retry each on its own.
                for (id, row) in batch {
                    do {
                        try await write([row])
                        finish([id], with: nil)
                    } catch {
                        finish([id], with: error)
                    }
                }
            } catch {
                finish(batch.map(\.id), with: error)
            }
        }
    }

    private func finish(_ ids: [Int], with error: (any Error)?) {
        let entries = state.withLockedValue { state in ids.compactMap { state.writing.removeValue(forKey: $0) } }
        for entry in entries {
            if let error { entry.done.resume(throwing: error) } else { entry.done.resume() }
        }
    }
}
