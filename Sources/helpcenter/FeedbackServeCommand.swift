internal import ArgumentParser
internal import Dispatch
internal import FeedbackCollector
internal import Foundation
internal import Hummingbird

/// `helpcenter feedback serve`: the collector alone, for a deployed site whose web server
/// forwards the feedback path to it.
struct FeedbackServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Receive the votes of a built site's feedback form into SQLite or PostgreSQL.",
        discussion: """
            The first line on standard output is "listening on http://HOST:PORT", so another \
            process can start the collector on --port 0 and find it. Votes are accepted for the \
            articles listed in SITE/.helpcenter-articles.json, re-read when it changes. Only pages \
            of the allowed origins may post (the origin of the site's base-url by default). \
            Several collectors may share one PostgreSQL database (--database postgres://…): \
            every vote is stored once and the rate limit is counted in the database, across them. \
            A PostgreSQL password may come from PGPASSWORD instead of the address.
            """
    )

    @Option(help: "The built site (its .helpcenter-articles.json names the articles).")
    var site: String = "site"

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8090

    @Option(
        help: ArgumentHelp(
            "A SQLite file (PATH or sqlite:PATH, created when missing) or postgres://user[:password]@host[:port]/database.",
            valueName: "database"))
    var database: String = "feedback.sqlite"

    @Option(help: "PostgreSQL connections per pool (votes and rate limit have one each).")
    var poolSize: Int = 4

    @Option(help: "Votes per minute (and burst) from one address; 0 turns the limit off.")
    var votesPerMinute: Int = 30

    @Option(
        help: ArgumentHelp(
            "instance: each collector counts on its own (a client gets at most votes-per-minute × instances); shared: one count in PostgreSQL for every collector on the database (exact, slower).",
            valueName: "instance|shared"))
    var rateLimitScope: String = RateLimitScope.instance.rawValue

    @Option(
        name: .customLong("allow-origin"),
        help: ArgumentHelp("An origin whose pages may post, as scheme://host[:port] (repeatable).", valueName: "URL"))
    var allowedOrigins: [String] = []

    @Option(
        help: "Where a form post is sent back to, before the article's path; the base-url by default, '' for /fr/….")
    var redirectBase: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard poolSize >= 1 else { throw ValidationError("--pool-size must be at least 1.") }
        do { _ = try DatabaseAddress(parsing: database) } catch { throw ValidationError("--database: \(error)") }
        guard votesPerMinute >= 0 else { throw ValidationError("--votes-per-minute must be 0 (no limit) or more.") }
        guard RateLimitScope(rawValue: rateLimitScope) != nil else {
            throw ValidationError("--rate-limit-scope must be instance or shared, not '\(rateLimitScope)'.")
        }
        if let redirectBase, !redirectBase.isEmpty, !redirectBase.hasPrefix("http://"),
            !redirectBase.hasPrefix("https://")
        {
            throw ValidationError("--redirect-base must be '' or an http(s) URL.")
        }
    }

    func run() throws {
        var options = FeedbackOptions(database: database)
        options.poolSize = poolSize
        options.votesPerMinute = votesPerMinute
        options.rateLimitScope = RateLimitScope(rawValue: rateLimitScope) ?? .instance
        options.allowedOrigins = allowedOrigins
        options.redirectBase = redirectBase
        let collector: FeedbackCollector
        do {
            let site = site
            collector = try BlockingTask.run { [options] in try await FeedbackCollector.open(site: site, options: options) }
        } catch {
            FileHandle.standardError.write(Data("error: cannot start the feedback collector: \(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        let (host, port) = (host, port)
        do {
            try BlockingTask.run {
                try await collector.application(host: host, port: port) { url in
                    FileHandle.standardOutput.write(Data("listening on \(url)\n".utf8))
                }.runService()
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
    }
}
