internal import Foundation
internal import NIOConcurrencyHelpers

/// Batched commits with a deadline per item: the votes of both stores, and PostgreSQL's
/// rate-limit takes.
///
/// Concurrent items share one transaction: while the writers are busy new items queue up, and
/// the next writer free takes them all, then resumes every waiting request with its answer.
/// One commit (and its `fsync`) per batch rather than per vote is what lets the collector take
/// thousands of votes a second. Up to `writers` batches are in flight at once: SQLite has one
/// writer, so one; PostgreSQL commits several transactions at a time (one per pooled
/// connection), and one `fsync` of its log serves all that end together.
///
/// Each item waits at most `deadline`: one still queued then is dropped (it is never
/// written, so its 503 changes nothing), and one already in a transaction is answered
/// 503 too — it may still commit, which stores a vote the reader was told to send again, but
/// never answers 201 for a row that is not committed. One watchdog task keeps the deadlines
/// while items wait, waking every tenth of the deadline, rather than a sleeping task per item.
final class CommitQueue<Item: Sendable, Answer: Sendable>: Sendable {
    /// Writes a batch in one transaction and returns once it committed: one answer per item, in
    /// order.
    typealias Write = @Sendable ([Item]) async throws -> [Answer]

    private let write: Write
    private let deadline: Duration
    private let tick: Duration
    private let maxBatch: Int
    private let writers: Int
    private let state = NIOLockedValueBox(State())

    private struct Entry {
        let item: Item
        let done: CheckedContinuation<Answer, any Error>
    }

    private struct State {
        /// Items no writer took yet: always the newest ids, `firstPending` up to `nextID`.
        var pending = FIFO<Entry>()
        var firstPending = 0
        /// Items taken by a writer, answered when their transaction ends (unless expired).
        var writing: [Int: Entry] = [:]
        /// The items not known to be answered, oldest first, with the time each is due.
        var dues = FIFO<(id: Int, due: ContinuousClock.Instant)>()
        var runningWriters = 0
        var watching = false
        var nextID = 0

        func isOpen(_ id: Int) -> Bool { id >= firstPending || writing[id] != nil }
    }

    /// - Parameters:
    ///   - deadline: the longest an item waits for its commit before it is answered 503.
    ///   - maxBatch: the most items in one transaction.
    ///   - writers: the most transactions in flight at once.
    init(deadline: Duration, maxBatch: Int = 2000, writers: Int = 1, write: @escaping Write) {
        self.deadline = deadline
        tick = deadline / 10
        self.maxBatch = maxBatch
        self.writers = max(1, writers)
        self.write = write
    }

    /// Queues `item`; returns its answer when its transaction committed.
    func submit(_ item: Item) async throws -> Answer {
        // Due a tick early: the watchdog, waking every tick, answers it within `deadline`.
        let due = ContinuousClock.now + deadline - tick
        return try await withCheckedThrowingContinuation { (done: CheckedContinuation<Answer, any Error>) in
            let (startWriter, startWatchdog) = state.withLockedValue { state in
                let id = state.nextID
                state.nextID += 1
                state.pending.append(Entry(item: item, done: done))
                state.dues.append((id, due))
                let watchdog = !state.watching
                state.watching = true
                guard state.runningWriters < writers else { return (false, watchdog) }
                state.runningWriters += 1
                return (true, watchdog)
            }
            if startWriter { Task { await self.drain() } }
            if startWatchdog { Task { await self.watch() } }
        }
    }

    /// Answers 503 to the items whose deadline passed, whether queued or being written, until
    /// no item waits.
    private func watch() async {
        while true {
            let now = ContinuousClock.now
            let (expired, more) = state.withLockedValue { state -> ([Entry], Bool) in
                var expired: [Entry] = []
                while let (id, due) = state.dues.first, due <= now || !state.isOpen(id) {
                    state.dues.removeFirst()
                    if id >= state.firstPending, let entry = state.pending.removeFirst() {
                        // The oldest item due is the oldest queued one.
                        state.firstPending += 1
                        expired.append(entry)
                    } else if let entry = state.writing.removeValue(forKey: id) {
                        expired.append(entry)
                    }
                }
                if state.dues.isEmpty { state.watching = false }
                return (expired, state.watching)
            }
            for entry in expired {
                entry.done.resume(throwing: StorageUnavailable(reason: "no commit within \(deadline)"))
            }
            if !more { return }
            try? await Task.sleep(for: tick)
        }
    }

    /// One writer: commits batches until no item waits.
    private func drain() async {
        while true {
            let batch = state.withLockedValue { state -> [(id: Int, item: Item)] in
                var taken: [(id: Int, item: Item)] = []
                taken.reserveCapacity(min(state.pending.count, maxBatch))
                while taken.count < maxBatch, let entry = state.pending.removeFirst() {
                    let id = state.firstPending
                    state.firstPending += 1
                    state.writing[id] = entry
                    taken.append((id, entry.item))
                }
                if taken.isEmpty { state.runningWriters -= 1 }
                return taken
            }
            if batch.isEmpty { return }
            do {
                let answers = try await write(batch.map(\.item))
                finish(batch.map(\.id), with: .success(answers))
            } catch let error as StorageUnavailable {
                finish(batch.map(\.id), with: .failure(error))
            } catch where batch.count > 1 {
                // One bad item must not cost the others theirs: retry each on its own.
                for (id, item) in batch {
                    do {
                        finish([id], with: .success(try await write([item])))
                    } catch {
                        finish([id], with: .failure(error))
                    }
                }
            } catch {
                finish(batch.map(\.id), with: .failure(error))
            }
        }
    }

    private func finish(_ ids: [Int], with result: Result<[Answer], any Error>) {
        let entries = state.withLockedValue { state in ids.map { state.writing.removeValue(forKey: $0) } }
        for (index, entry) in entries.enumerated() {
            guard let entry else { continue }  // answered 503 already
            switch result {
            case .success(let answers) where answers.count == ids.count: entry.done.resume(returning: answers[index])
            case .success(let answers):
                entry.done.resume(
                    throwing: BatchMismatch(description: "\(answers.count) answers for a batch of \(ids.count)"))
            case .failure(let error): entry.done.resume(throwing: error)
            }
        }
    }
}

extension CommitQueue where Answer == Void {
    /// Queues `item`; returns when its transaction committed.
    func insert(_ item: Item) async throws {
        try await submit(item)
    }
}

/// A writer returned a different number of answers than it was given items: a bug.
struct BatchMismatch: Error, CustomStringConvertible {
    let description: String
}

/// A first-in first-out queue on an array: taking from the front moves an index, and the
/// array is compacted once half of it is taken.
private struct FIFO<Element> {
    private var elements: [Element] = []
    private var start = 0

    var isEmpty: Bool { start == elements.count }
    var count: Int { elements.count - start }
    var first: Element? { isEmpty ? nil : elements[start] }

    mutating func append(_ element: Element) {
        elements.append(element)
    }

    @discardableResult
    mutating func removeFirst() -> Element? {
        guard !isEmpty else { return nil }
        let element = elements[start]
        start += 1
        if start == elements.count {
            elements.removeAll(keepingCapacity: true)
            start = 0
        } else if start >= 256, start * 2 >= elements.count {
            elements.removeFirst(start)
            start = 0
        }
        return element
    }
}

extension FIFO: Sendable where Element: Sendable {}
