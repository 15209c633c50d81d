internal import ArgumentParser
internal import Foundation
internal import Glibc

/// The `helpcenter` command: parse, check and (later) build the help center.
///
/// Exit codes are the same for every subcommand: 0 clean, 1 findings in the content, 2 usage
/// error or unreadable input. ArgumentParser's own usage errors (64) are mapped to 2.
@main
struct HelpCenterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpcenter",
        abstract: "Generate and verify a localized help center from Markdown articles.",
        discussion: """
            Exit codes: 0 clean, 1 findings (errors in the content, or warnings for lint), \
            2 usage error or unreadable input. Diagnostics go to standard error as \
            path:line:column: error|warning: message.
            """,
        subcommands: [
            BuildCommand.self, LintCommand.self, ModelCommand.self, ValidateCommand.self, CheckCommand.self,
            EngineCommand.self, ServeCommand.self, FeedbackCommand.self, ExplainCommand.self, NewCommand.self, ImportCommand.self,
        ]
    )

    static func main() {
        acceptTerminationSignals()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }
}

extension HelpCenterCommand {
    /// A process inherits its parent's blocked signals: started by a test runner or a service
    /// manager that blocks them, `serve`, `engine` and `build --watch` would never hear SIGTERM
    /// or Ctrl-C. Unblocked here, before any thread exists (threads inherit the mask).
    static func acceptTerminationSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}

/// The process exit statuses every subcommand uses.
enum ExitStatus: Int32 {
    case clean = 0
    case findings = 1
    case usage = 2

    var exitCode: ExitCode { ExitCode(rawValue) }
}
