internal import ArgumentParser
internal import FeedbackCollector
internal import Foundation

/// `helpcenter feedback report`: what readers said, per article and locale.
struct FeedbackReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the votes and comments per article and locale.",
        discussion: "table is for a terminal, csv for a spreadsheet (formulas defused), json for programs."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @Option(help: "The collector's SQLite database (read only).")
    var database: String = "feedback.sqlite"

    @Option(help: "The built site, for the articles' titles (ids are shown without it).")
    var site: String?

    @Option(help: "table, csv or json.")
    var format: Format = .table

    func run() throws {
        guard FileManager.default.fileExists(atPath: database) else {
            FileHandle.standardError.write(
                Data("error: no feedback database at \(database) (helpcenter feedback serve creates it)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        let report: FeedbackReport
        do {
            report = try FeedbackReport(databasePath: database, site: site)
        } catch {
            FileHandle.standardError.write(Data("error: cannot read the feedback of \(database): \(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        let text =
            switch format {
            case .table: report.table()
            case .csv: report.csv()
            case .json: report.json()
            }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
