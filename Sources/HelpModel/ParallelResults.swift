import Foundation

/// One slot per job of a `DispatchQueue.concurrentPerform`, written from any thread.
///
/// Parsing, rendering and validating all fan out over the cores the same way; this lives in the
/// model because every stage imports it, so the stages share one lock-guarded store instead of
/// each keeping its own copy.
public final class ParallelResults<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    public func store(_ value: Value, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The stored values in job order; jobs that stored nothing are left out.
    public var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
