internal import ArgumentParser

/// `helpcenter feedback`: the collector of the site's "was this page helpful" votes, and the
/// report of what readers said.
struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Collect the site's feedback votes, or report them.",
        discussion: "See docs/feedback-collector.md for the endpoint, its rules and the database.",
        subcommands: [FeedbackServeCommand.self, FeedbackReportCommand.self]
    )
}
