internal import AccountEngine
internal import ArgumentParser
internal import Dispatch
internal import Foundation
internal import HelpModel
internal import HelpParser
internal import ProcedureChecker

/// `helpcenter check`: run every documented procedure and claim of every locale against the
/// reference account engine, as a person would, and report the line that drifted.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every procedure and claim of the articles against the account engine.",
        discussion: """
            By default the engine is started in this process (test mode, a temporary database, a \
            free loopback port) and stopped afterwards; --target checks a running engine started \
            with --test-mode instead. Exits 0 when everything passes, 1 on any failure, 2 on a \
            usage error, unreadable content or an unreachable target. --shard I/N runs the I-th \
            of N parts of the jobs (the same split on every machine), for a CI matrix; \
            `helpcenter check merge` joins the shards' JSON reports.
            """,
        subcommands: [CheckMergeCommand.self]
    )

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("A running engine in test mode, e.g. http://127.0.0.1:8080.", valueName: "url"))
    var target: String?

    @Option(help: "How to print results: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .human

    @Option(help: "How many procedures run at once.")
    var jobs: Int = 8

    @Option(name: .customLong("repeat"), help: "Run every procedure and claim N times (benchmarks).")
    var repetitions: Int = 1

    @Option(name: .customLong("locale"), help: "Check only these locales (repeatable); all by default.")
    var locales: [String] = []

    @Flag(help: "Fail (exit 1) when a procedure has no check: the shipped help center is fully checked.")
    var requireChecks = false

    @Option(help: ArgumentHelp("Run only the I-th of N parts of the jobs, e.g. 2/4 (a CI matrix).", valueName: "I/N"))
    var shard: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1.") }
        if let shard {
            do { _ = try CheckShard(parsing: shard) } catch { throw ValidationError("\(error)") }
        }
        if let target {
            guard let url = URL(string: target), url.scheme == "http", url.host != nil else {
                throw ValidationError("--target must be an http:// URL such as http://127.0.0.1:8080 (got '\(target)').")
            }
        }
    }

    func run() throws {
        let loaded = try options.load()
        defer { ProcessLifetime.keep(loaded) }
        guard loaded.content != nil else {
            DiagnosticReport.print(loaded.diagnostics)
            throw ExitStatus.usage.exitCode
        }
        let contentErrors = loaded.diagnostics.filter { $0.severity == .error }
        var plan = CheckPlan.make(loaded.articles, locales: locales.isEmpty ? nil : Set(locales))
        let part = try shard.map { try CheckShard(parsing: $0) }
        let selected = part.map { $0.select(plan.jobs) } ?? plan.jobs.enumerated().map { ($0.offset, $0.element) }
        plan.jobs = selected.map(\.job)
        let started = ContinuousClock.now
        let outcome = try runBlocking { [self, plan] in try await check(plan) }
        var report = CheckReport(
            results: outcome, problems: contentErrors + plan.problems, unchecked: plan.uncheckedProcedures,
            procedureCount: plan.procedureCount, requireChecks: requireChecks, manualSteps: plan.manualSteps,
            seconds: (ContinuousClock.now - started).seconds, repetitions: repetitions)
        report.shard = part
        report.offsets = selected.isEmpty ? [] : outcome.indices.map { selected[$0 % selected.count].offset }
        report.print(as: format)
        if !report.passes { throw ExitStatus.findings.exitCode }
    }

    /// Starts or reaches the engine, runs the plan, stops the engine.
    private func check(_ plan: CheckPlan.Plan) async throws -> [CheckResult] {
        var engine: (running: RunningEngine, folder: URL)?
        let base: String
        if let target {
            base = target
        } else {
            let started = try await Self.startEngine()
            engine = started
            base = started.running.url
        }
        let transport = HTTPTransport(base: base, connections: max(jobs, 8))
        let progress = ProgressLine.forStandardError(noun: "procedures and claims", minimumTotal: 1)
        do {
            let checker = ProcedureChecker(transport: transport, width: jobs)
            try await checker.verifyTarget()
            let results = await checker.run(plan.jobs, repetitions: repetitions) { done, total in
                progress?.update(done: done, total: total)
            }
            progress?.finish()
            await transport.shutdown()
            await Self.stop(engine)
            return results
        } catch {
            progress?.finish()
            await transport.shutdown()
            await Self.stop(engine)
            DiagnosticReport.printError("error: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
    }

    /// The embedded engine: test mode, bcrypt at its minimum cost, a database in a fresh
    /// temporary folder, a free loopback port.
    private static func startEngine() async throws -> (running: RunningEngine, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-check-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var options = EngineOptions(databasePath: folder.appendingPathComponent("engine.sqlite").path)
            options.testMode = true
            options.bcryptCost = 4
            let running = try await AccountEngine(options: options).start(host: "127.0.0.1", port: 0)
            return (running, folder)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            DiagnosticReport.printError("error: cannot start the embedded engine: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
    }

    private static func stop(_ engine: (running: RunningEngine, folder: URL)?) async {
        guard let engine else { return }
        await engine.running.stop()
        try? FileManager.default.removeItem(at: engine.folder)
    }

    /// Runs async work from this synchronous command and waits for it.
    private func runBlocking<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
        let box = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.set(.success(try await work())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        guard let result = box.result else { throw ExitStatus.usage.exitCode }
        return try result.get()
    }
}

/// The result of a task, handed to the thread that waits for it.
private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<Value, any Error>?

    var result: Result<Value, any Error>? { lock.withLock { stored } }

    func set(_ result: Result<Value, any Error>) {
        lock.withLock { stored = result }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
