internal import Hummingbird
internal import Logging
internal import ServiceLifecycle

extension PreviewServer {
    /// Starts serving on `host:port` (0 picks a free port) and returns the URL once it listens;
    /// it serves until the process ends.
    /// - Throws: the server's error when it cannot listen (the port is taken).
    public func start(host: String = "127.0.0.1", port: Int) async throws -> String {
        let (urls, continuation) = AsyncStream<String>.makeStream()
        let application = application(host: host, port: port) { url in
            continuation.yield(url)
            continuation.finish()
        }
        let group = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [], logger: Logger(label: "helpcenter.serve")))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        for await url in urls { return url }
        if case .failure(let error) = await task.result { throw error }
        throw PreviewStartError(description: "the preview stopped before listening on \(host):\(port)")
    }
}

/// The preview stopped before it listened.
public struct PreviewStartError: Error, CustomStringConvertible {
    public let description: String
}
