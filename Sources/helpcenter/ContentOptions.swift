internal import ArgumentParser
internal import HelpParser

/// The options every content-reading subcommand shares.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: helpcenter.yml and one folder per locale.", valueName: "dir"))
    var content: String = "content"

    /// Loads the content folder; unreadable input is printed and ends the command with exit 2.
    func load() throws -> ContentLoadResult {
        try Self.load(content)
    }

    static func load(_ root: String, with loader: ContentLoader = ContentLoader()) throws -> ContentLoadResult {
        do {
            return try loader.load(root: root)
        } catch {
            DiagnosticReport.printError("error: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
    }
}
