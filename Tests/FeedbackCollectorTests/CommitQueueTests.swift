import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import FeedbackCollector

/// The batching under both stores' votes and PostgreSQL's rate limit, with a writer that the
/// test holds: what is answered when, and how many batches are in flight.
@Suite("batched commits")
struct CommitQueueTests {
    @Test("an item is answered only once its batch's write has returned (201 only after commit)")
    func answeredAfterWrite() async throws {
        let gate = Gate()
        let queue = CommitQueue<Int, Int>(deadline: .seconds(30)) { items in
            await gate.wait()
            return items.map { $0 * 10 }
        }
        let answered = NIOLockedValueBox<[Int]>([])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for item in 1...5 {
                group.addTask {
                    let answer = try await queue.submit(item)
                    answered.withLockedValue { $0.append(answer) }
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(answered.withLockedValue { $0 }.isEmpty, "answered before the write returned")
            await gate.open()
            try await group.waitForAll()
        }
        #expect(answered.withLockedValue { $0 }.sorted() == [10, 20, 30, 40, 50])
    }

    @Test("up to `writers` batches are written at once; what arrives meanwhile waits for the next free writer, in one batch")
    func concurrentWriters() async throws {
        let gate = Gate()
        let inFlight = NIOLockedValueBox((now: 0, most: 0, batches: [Int]()))
        let queue = CommitQueue<Int, Void>(deadline: .seconds(30), writers: 3) { items in
            inFlight.withLockedValue { $0.now += 1; $0.most = max($0.most, $0.now); $0.batches.append(items.count) }
            await gate.wait()
            inFlight.withLockedValue { $0.now -= 1 }
            return items.map { _ in () }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for item in 0..<3 {
                group.addTask { try await queue.insert(item) }
                try await Task.sleep(for: .milliseconds(50))
            }
            // Three writers are busy: these wait together.
            for item in 3..<20 { group.addTask { try await queue.insert(item) } }
            try await Task.sleep(for: .milliseconds(300))
            #expect(inFlight.withLockedValue { $0.batches } == [1, 1, 1])
            await gate.open()
            try await group.waitForAll()
        }
        let seen = inFlight.withLockedValue { $0 }
        #expect(seen.most == 3)
        #expect(seen.batches.reduce(0, +) == 20)
        #expect(seen.batches.count <= 6, "the 17 late items were split into \(seen.batches)")
    }

    @Test("one writer (SQLite) never writes two batches at once")
    func oneWriter() async throws {
        let inFlight = NIOLockedValueBox((now: 0, most: 0))
        let queue = CommitQueue<Int, Void>(deadline: .seconds(30), writers: 1) { items in
            inFlight.withLockedValue { $0.now += 1; $0.most = max($0.most, $0.now) }
            try await Task.sleep(for: .milliseconds(5))
            inFlight.withLockedValue { $0.now -= 1 }
            return items.map { _ in () }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for item in 0..<100 { group.addTask { try await queue.insert(item) } }
            try await group.waitForAll()
        }
        #expect(inFlight.withLockedValue { $0.most } == 1)
    }

    @Test("an item still waiting at its deadline is 503 and never written")
    func deadline() async throws {
        let gate = Gate()
        let written = NIOLockedValueBox<[Int]>([])
        let queue = CommitQueue<Int, Void>(deadline: .milliseconds(200), writers: 1) { items in
            await gate.wait()
            written.withLockedValue { $0 += items }
            return items.map { _ in () }
        }
        let first = Task { try await queue.insert(1) }
        try await Task.sleep(for: .milliseconds(50))
        let second = Task { try await queue.insert(2) }
        await #expect(throws: StorageUnavailable.self) { try await first.value }
        await #expect(throws: StorageUnavailable.self) { try await second.value }
        await gate.open()
        try await Task.sleep(for: .milliseconds(100))
        #expect(written.withLockedValue { $0 } == [1], "the queued item was written after its 503")
    }
}

/// Holds writers until the test opens it.
private actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }
}
