internal import ArgumentParser
internal import Foundation
internal import HelpModel
internal import HelpParser

/// `helpcenter model`: show what the parser understood, as a tree or as JSON.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Print the typed procedure model of articles: a tree with source ranges, or JSON.",
        discussion: """
            With no PATH, prints every article of the content folder. A PATH that is a file is \
            parsed with the phrasebook of the locale folder it is in; a PATH that is a folder is \
            read as a content folder. Exits 1 when an article has errors.
            """
    )

    @Flag(help: "Print JSON (the Codable model) instead of a tree.")
    var json = false

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("Article files or content folders.", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        var articles: [Article] = []
        var diagnostics: [Diagnostic] = []
        do {
            let loader = ContentLoader()
            let targets = paths.isEmpty ? [options.content] : paths
            var files: [String] = []
            for target in targets {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
                    throw UnreadableInputError(path: target, reason: "no such file or folder")
                }
                if isDirectory.boolValue {
                    let result = try loader.load(root: target)
                    articles += result.articles
                    diagnostics += result.diagnostics
                } else {
                    files.append(target)
                }
            }
            if !files.isEmpty {
                let result = try loader.load(files: files)
                articles += result.articles
                diagnostics += result.diagnostics
            }
        } catch {
            DiagnosticReport.printError("error: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(articles)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(articles.map(\.treeDump).joined(separator: "\n\n"))
        }
        DiagnosticReport.print(diagnostics)
        if diagnostics.errorCount > 0 { throw ExitStatus.findings.exitCode }
    }
}
