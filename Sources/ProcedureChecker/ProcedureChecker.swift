internal import Foundation
internal import HelpModel
internal import NIOCore
internal import NIOHTTP1

/// Runs documented procedures and claims against an account engine in test mode, as a person
/// would, concurrently: each job has its own fixture and its own browser.
public struct ProcedureChecker: Sendable {
    public let transport: HTTPTransport
    /// How many jobs run at once.
    public var width: Int

    public init(transport: HTTPTransport, width: Int = 8) {
        self.transport = transport
        self.width = max(1, width)
    }

    /// Why the target cannot be checked at all (exit 2, not a finding).
    public struct TargetProblem: Error, CustomStringConvertible {
        public var description: String
    }

    /// Checks that the target answers and has its test API (`--test-mode`).
    public func verifyTarget() async throws(TargetProblem) {
        let exchange: HTTPExchange
        do {
            // AsyncHTTPClient retries a refused connection until the deadline: keep it short here.
            exchange = try await transport.send(.GET, "/_test/users?username=helpcenter-check-probe", timeout: .seconds(1))
        } catch {
            let text = "\(error)"
            let reason = text.contains("refused") ? "connection refused" : text.contains("deadline") ? "no answer within 1 s" : text
            throw TargetProblem(
                description: "cannot reach the engine at \(transport.base): \(reason); start one with "
                    + "'helpcenter engine --test-mode --port N' or leave out --target to use the embedded engine")
        }
        let body = String(decoding: exchange.body, as: UTF8.self)
        guard exchange.status == 404 && body.contains("\"error\"") || exchange.status == 200 else {
            throw TargetProblem(
                description: "\(transport.base) answers, but not with the test API (GET /_test/users → \(exchange.status)); "
                    + "start the engine with --test-mode")
        }
    }

    /// Runs every job `repetitions` times, `width` at a time.
    /// - Parameter progress: called after each job with the number done and the total.
    public func run(
        _ jobs: [CheckJob], repetitions: Int = 1, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async -> [CheckResult] {
        let runTag = Secret.runTag()
        let total = jobs.count * max(1, repetitions)
        let runner = JobRunner(transport: transport)
        var results = [CheckResult?](repeating: nil, count: total)
        await withTaskGroup(of: (Int, CheckResult).self) { group in
            var next = 0
            func startNext() {
                guard next < total else { return }
                let index = next
                next += 1
                group.addTask {
                    (index, await runner.run(jobs[index % jobs.count], tag: "\(runTag)\(String(index, radix: 36))"))
                }
            }
            for _ in 0..<min(width, total) { startNext() }
            var done = 0
            while let (index, result) = await group.next() {
                results[index] = result
                done += 1
                progress(done, total)
                startNext()
            }
        }
        return results.compactMap { $0 }
    }
}
