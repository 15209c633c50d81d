internal import AccountEngine
internal import ArgumentParser
internal import Dispatch
internal import FeedbackCollector
internal import Foundation
internal import HelpModel
internal import HelpParser
internal import Logging
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
            engine in test mode on its own port (its state in --engine-database). The first \
            line on standard output is "serving http://HOST:PORT/"; "watching …" follows once \
            the first build is done.
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the site to.", valueName: "dir"))
    var output: String = "site"

    @Option(help: "The port to serve the site on; 0 picks a free one.")
    var port: Int = 8000

    @Option(help: "The port of the account engine (test mode); 0 picks a free one.")
    var enginePort: Int = 0

    @Option(help: "Where the feedback votes go: a SQLite file (created when missing), or postgres://user@host:port/database.")
    var feedbackDatabase: String = FeedbackReportCommand.serveDatabase

    @Option(help: "The SQLite file of the account engine's users, sessions and outbox (kept across runs).")
    var engineDatabase: String = ".build/serve-engine.sqlite"

    @Option(help: "Votes one client may send per minute (0: no limit).")
    var votesPerMinute: Int = 30

    func validate() throws {
        for (name, value) in [("--port", port), ("--engine-port", enginePort)] where !(0...65535).contains(value) {
            throw ValidationError("\(name) must be between 0 and 65535.")
        }
        guard votesPerMinute >= 0 else { throw ValidationError("--votes-per-minute must be 0 (no limit) or more.") }
    }

    func run() throws {
        try makeFolder(of: engineDatabase, for: "the engine database")
        var engineOptions = EngineOptions(databasePath: engineDatabase)
        engineOptions.testMode = true
        engineOptions.devMode = true
        engineOptions.bcryptCost = 4
        let services = try ServeServices.start(
            site: output, port: port, engine: engineOptions, enginePort: enginePort, feedback: try feedbackCollector())
        print("serving \(services.siteURL)/")
        print("account engine (test mode): \(services.engineURL)/ (outbox: \(services.engineURL)/_dev/outbox)")
        print("feedback report: \(services.siteURL)\(ServeServices.reportPath) (votes in \(feedbackDatabase))")
        fflush(nil)
        // The preview shows drafts, each with its banner: writers see what they are writing.
        var loop = WatchLoop(content: options.content, output: output, includeDrafts: true)
        let preview = services.preview
        loop.onBuild = { errors in preview.buildFinished(errors: errors.map(\.formatted)) }
        try loop.run()
    }

    /// The collector on the site's own origin, at the path the pages post to
    /// (`feedback-endpoint`, when it is a path; `/feedback` otherwise), redirecting plain form
    /// posts to site-relative addresses.
    private func feedbackCollector() throws -> FeedbackCollector {
        var feedback = FeedbackOptions(database: feedbackDatabase)
        let configuration = try? ContentLoader().loadConfiguration(root: options.content).0
        if let endpoint = configuration?.feedbackEndpoint, endpoint.hasPrefix("/") {
            feedback.path = endpoint
        } else if let endpoint = configuration?.feedbackEndpoint {
            print("note: the pages post their votes to \(endpoint); the preview's collector at /feedback receives none")
        }
        feedback.redirectBase = ""
        // The list of articles is written by the first build, after the collector opens: a
        // missing list is expected here, while one that cannot be read is still an error.
        feedback.logger.logLevel = .error
        feedback.votesPerMinute = votesPerMinute
        if case .sqlite(let path)? = try? DatabaseAddress(parsing: feedbackDatabase) {
            try makeFolder(of: path, for: "the feedback database")
        }
        do {
            let output = output
            return try BlockingTask.run { [feedback] in try await FeedbackCollector.open(site: output, options: feedback) }
        } catch {
            DiagnosticReport.printError("error: cannot open the feedback database \(feedbackDatabase): \(error)\n")
            throw ExitStatus.usage.exitCode
        }
    }
}

extension ServeCommand {
    /// Creates the folder a database goes in (`.build/` in a new clone), or exits 2 saying which.
    fileprivate func makeFolder(of file: String, for what: String) throws {
        let folder = (file as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            DiagnosticReport.printError("error: cannot create \(folder)/ for \(what) \(file): \(error.localizedDescription)\n")
            throw ExitStatus.usage.exitCode
        }
    }
}

/// The servers `serve` runs in the background of the process, started before the first build.
struct ServeServices {
    let preview: PreviewServer
    let siteURL: String
    let engineURL: String

    static let reportPath = "/_serve/feedback"

    static func start(
        site: String, port: Int, engine engineOptions: EngineOptions, enginePort: Int, feedback: FeedbackCollector
    ) throws -> ServeServices {
        let engineURL: String
        do {
            let engine = try AccountEngine(options: engineOptions)
            engineURL = try BlockingTask.run { try await engine.start(port: enginePort).url }
        } catch {
            DiagnosticReport.printError("error: cannot start the account engine on 127.0.0.1:\(enginePort): \(error)\n")
            throw ExitStatus.usage.exitCode
        }
        let report = PreviewServer.ExtraPage(path: reportPath, title: "Feedback: helpfulness per article and locale") {
            "<h1>Feedback</h1>\n" + (try await feedback.report().html())
        }
        let preview = PreviewServer(
            site: site, extraPages: [report],
            links: [("Account engine (test mode)", engineURL + "/"), ("Its outbox", engineURL + "/_dev/outbox")]
        ) { router in
            feedback.addRoutes(to: router)
        }
        do {
            let siteURL = try BlockingTask.run { try await preview.start(port: port) }
            return ServeServices(preview: preview, siteURL: siteURL, engineURL: engineURL)
        } catch {
            DiagnosticReport.printError("error: cannot serve on 127.0.0.1:\(port): \(error)\n")
            throw ExitStatus.usage.exitCode
        }
    }
}
