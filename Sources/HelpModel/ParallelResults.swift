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

extension ParallelResults {
    /// `transform(0..<count)` on every core, in order. Jobs go in chunks of `chunk` so that
    /// cheap per-item work (an article's images, say) is not dominated by one lock per item.
    public static func map(count: Int, chunk: Int = 64, _ transform: @Sendable (Int) -> Value) -> [Value] {
        let chunkCount = (count + chunk - 1) / chunk
        let chunks = ParallelResults<[Value]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { position in
            let range = position * chunk..<min(count, (position + 1) * chunk)
            chunks.store(range.map(transform), at: position)
        }
        var values: [Value] = []
        values.reserveCapacity(count)
        for part in chunks.values { values += part }
        return values
    }
}
