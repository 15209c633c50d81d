internal import Dispatch
internal import Foundation

/// Runs async work (a server starting, or serving until it stops) from a synchronous command
/// and waits for its result: the command's own thread stays free for blocking work such as
/// the watch loop, and errors come back as thrown errors.
enum BlockingTask {
    static func run<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
        let box = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.set(.success(try await work())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return try box.result.get()
    }
}

/// A background task's result, handed to the waiting thread.
private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<Value, any Error> = .failure(CancellationError())

    var result: Result<Value, any Error> { lock.withLock { stored } }

    func set(_ result: Result<Value, any Error>) {
        lock.withLock { stored = result }
    }
}
