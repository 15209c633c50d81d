internal import ArgumentParser
internal import FeedbackCollector
internal import Foundation
internal import Logging

/// `helpcenter feedback report`: what readers said, per article and locale.
struct FeedbackReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the votes and comments per article and locale.",
        discussion: """
            table is for a terminal, csv for a spreadsheet (formulas defused), json for programs. \
            Without --database it reads what `helpcenter serve` stored in this folder \
            (\(Self.serveDatabase)), or else what `helpcenter feedback serve` stored (\(Self.collectorDatabase)); \
            standard error says which database was read.
            """
    )

    /// `helpcenter serve`'s default `--feedback-database`.
    static let serveDatabase = ".build/feedback.sqlite"
    /// `helpcenter feedback serve`'s default `--database`.
    static let collectorDatabase = "feedback.sqlite"

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @Option(
        help: ArgumentHelp(
            "The collector's database, read only: a SQLite PATH, sqlite:PATH or postgres://user@host:port/database.",
            valueName: "database"))
    var database: String?

    @Option(help: "The built site, for the articles' titles (ids are shown without it).")
    var site: String?

    @Option(help: "table, csv or json.")
    var format: Format = .table

    @Flag(help: "List the searches that found nothing, per locale, most frequent first: the articles to write.")
    var searches = false

    @Option(help: "With --searches: the most frequent queries shown per locale.")
    var limit: Int = 20

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1.") }
        if let database {
            do { _ = try DatabaseAddress(parsing: database) } catch { throw ValidationError("--database: \(error)") }
        }
    }

    func run() throws {
        let chosen = database ?? defaultDatabase()
        let shown = (try? DatabaseAddress(parsing: chosen).description) ?? chosen
        if searches { return try reportSearches(chosen, shown: shown) }
        let site = site
        let report = try read("feedback", of: shown) { logger in
            try await FeedbackReport.read(database: chosen, site: site, logger: logger)
        }
        let votes = report.articles.reduce(0) { $0 + $1.yes + $1.no + $1.comments.count }
        DiagnosticReport.printError("feedback report: read \(shown) (\(DiagnosticReport.count(votes, "vote")))\n")
        write(report.table, report.csv, report.json)
    }

    /// The report on standard output in the chosen format.
    private func write(_ table: () -> String, _ csv: () -> String, _ json: () -> String) {
        let text =
            switch format {
            case .table: table()
            case .csv: csv()
            case .json: json()
            }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Runs a report's read with the collector's logging quiet; a missing database or a read
    /// that fails is a usage error naming what could not be read.
    private func read<Report: Sendable>(
        _ what: String, of shown: String, _ body: @escaping @Sendable (Logger) async throws -> Report
    ) throws -> Report {
        do {
            var logger = Logger(label: "helpcenter.feedback") { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = .error
            return try BlockingTask.run { [logger] in try await body(logger) }
        } catch let error as MissingDatabase {
            DiagnosticReport.printError("error: \(error)\n")
            throw ExitStatus.usage.exitCode
        } catch {
            DiagnosticReport.printError("error: cannot read the \(what) of \(shown): \(error)\n")
            throw ExitStatus.usage.exitCode
        }
    }

    private func reportSearches(_ chosen: String, shown: String) throws {
        let limit = limit
        let report = try read("searches", of: shown) { logger in
            try await SearchMissReport.read(database: chosen, limit: limit, logger: logger)
        }
        let total = report.misses.reduce(0) { $0 + $1.count }
        DiagnosticReport.printError("feedback report: read \(shown) (\(DiagnosticReport.count(total, "search")) without results)\n")
        write(report.table, report.csv, report.json)
    }

    /// `helpcenter serve`'s database when it exists, else `feedback serve`'s (the error then
    /// names the path that was looked for).
    private func defaultDatabase() -> String {
        let serve = FileManager.default.fileExists(atPath: Self.serveDatabase)
        let collector = FileManager.default.fileExists(atPath: Self.collectorDatabase)
        if serve, collector {
            DiagnosticReport.printError(
                "note: \(Self.collectorDatabase) exists too; pass --database \(Self.collectorDatabase) to read it\n")
        }
        if serve || !collector { return Self.serveDatabase }
        return Self.collectorDatabase
    }
}
