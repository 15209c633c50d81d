internal import AccountEngine
internal import ArgumentParser
internal import Dispatch
internal import Foundation
internal import HelpModel
internal import PreviewServer

/// `helpcenter serve`: the whole help center on loopback for the people who write it — the
/// site rebuilt on every save with open pages reloading, the reference engine in test mode and
/// the feedback collector with its report.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the help center: serve site/, rebuild on every save, reload open pages.",
        discussion: """
            Builds the content into the output folder, serves it on loopback, and rebuilds what \
            each saved edit affects. Open pages reload after every build; while a build fails, \
            its errors are printed here and shown at the top of every page over the last site \
            that built. Beside the site: POST /feedback (the feedback collector, votes in \
            --feedback-database), /_serve/feedback (its report) and the reference account \
            engine in test mode on its own port. The first line on standard output is \
            "serving http://HOST:PORT/"; "watching …" follows once the first build is done.
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the site to.", valueName: "dir"))
    var output: String = "site"

    @Option(help: "The port to serve the site on; 0 picks a free one.")
    var port: Int = 8000

    @Option(help: "The port of the account engine (test mode); 0 picks a free one.")
    var enginePort: Int = 0

    @Option(help: "The SQLite file the feedback votes go to (created when missing).")
    var feedbackDatabase: String = ".build/feedback.sqlite"

    func validate() throws {
        for (name, value) in [("--port", port), ("--engine-port", enginePort)] where !(0...65535).contains(value) {
            throw ValidationError("\(name) must be between 0 and 65535.")
        }
    }

    func run() throws {
        let engineDatabase = FileManager.default.temporaryDirectory
            .appendingPathComponent("helpcenter-serve-engine-\(ProcessInfo.processInfo.processIdentifier).sqlite").path
        var engineOptions = EngineOptions(databasePath: engineDatabase)
        engineOptions.testMode = true
        engineOptions.devMode = true
        engineOptions.bcryptCost = 4
        let services = try ServeServices.start(
            site: output, port: port, engine: engineOptions, enginePort: enginePort)
        print("serving \(services.siteURL)/")
        print("account engine (test mode): \(services.engineURL)/ (outbox: \(services.engineURL)/_dev/outbox)")
        print("feedback report: \(services.siteURL)/_serve/feedback")
        fflush(nil)
        var loop = WatchLoop(content: options.content, output: output)
        let preview = services.preview
        loop.onBuild = { errors in preview.buildFinished(errors: errors.map(\.formatted)) }
        try loop.run()
    }
}

/// The servers `serve` runs in the background of the process, started before the first build.
struct ServeServices {
    let preview: PreviewServer
    let siteURL: String
    let engineURL: String

    static func start(site: String, port: Int, engine engineOptions: EngineOptions, enginePort: Int) throws -> ServeServices {
        let engine: AccountEngine
        do {
            engine = try AccountEngine(options: engineOptions)
        } catch {
            DiagnosticReport.printError("error: cannot start the account engine: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
        let preview = PreviewServer(site: site)
        let started = StartedServers()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                let running = try await engine.start(port: enginePort)
                started.set(engineURL: running.url)
                started.set(siteURL: try await preview.start(port: port))
            } catch {
                started.fail(error)
            }
            done.signal()
        }
        done.wait()
        guard let siteURL = started.siteURL, let engineURL = started.engineURL else {
            DiagnosticReport.printError("error: cannot serve on 127.0.0.1:\(port): \(started.error.map { "\($0)" } ?? "the server stopped")\n")
            throw ExitStatus.usage.exitCode
        }
        return ServeServices(preview: preview, siteURL: siteURL, engineURL: engineURL)
    }
}

/// What the server tasks report to the waiting command.
private final class StartedServers: @unchecked Sendable {
    private let lock = NSLock()
    private var values: (site: String?, engine: String?, error: (any Error)?) = (nil, nil, nil)

    var siteURL: String? { lock.withLock { values.site } }
    var engineURL: String? { lock.withLock { values.engine } }
    var error: (any Error)? { lock.withLock { values.error } }

    func set(siteURL: String) { lock.withLock { values.site = siteURL } }
    func set(engineURL: String) { lock.withLock { values.engine = engineURL } }
    func fail(_ error: any Error) { lock.withLock { values.error = values.error ?? error } }
}
