internal import ArgumentParser

/// The options every content-reading subcommand shares.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: helpcenter.yml and one folder per locale.", valueName: "dir"))
    var content: String = "content"
}
