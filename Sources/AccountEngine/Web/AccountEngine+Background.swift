internal import Hummingbird
internal import Logging
internal import ServiceLifecycle

/// An engine serving in the background of the current process, until ``stop()``.
///
/// `helpcenter check` and the checker's tests start one on port 0, run the procedures against
/// its URL over real HTTP, and stop it.
public final class RunningEngine: Sendable {
    /// `http://HOST:PORT`, where it listens.
    public let url: String
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(url: String, group: ServiceGroup, task: Task<Void, any Error>) {
        self.url = url
        self.group = group
        self.task = task
    }

    /// Stops serving gracefully (requests under way finish) and waits until the socket is closed.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}

/// The server stopped before it listened (the port is taken, the address is wrong).
public struct EngineStartError: Error, CustomStringConvertible {
    public let description: String
}

extension AccountEngine {
    /// Starts serving on `host:port` (0 picks a free port) and returns once it listens.
    /// - Throws: the server's error when it cannot listen.
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> RunningEngine {
        let (urls, continuation) = AsyncStream<String>.makeStream()
        let application = application(host: host, port: port) { url in
            continuation.yield(url)
            continuation.finish()
        }
        let group = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [], logger: Logger(label: "helpcenter.engine")))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        for await url in urls { return RunningEngine(url: url, group: group, task: task) }
        if case .failure(let error) = await task.result { throw error }
        throw EngineStartError(description: "the engine stopped before listening on \(host):\(port)")
    }
}
