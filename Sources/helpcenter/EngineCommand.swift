internal import AccountEngine
internal import ArgumentParser
internal import Dispatch
internal import Foundation

/// `helpcenter engine`: the reference account engine on loopback, the extranet the articles'
/// procedures are checked against.
struct EngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Run the reference account engine (the partner extranet) on loopback.",
        discussion: """
            The first line on standard output is "listening on http://HOST:PORT", so another \
            process can start the engine on --port 0 and find it. Pages are under /fr/, /en/, /de/ \
            and /es/; the test API is described in docs/engine-test-api.md.
            """
    )

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8080

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The SQLite database file (created with its schema when missing).")
    var database: String = "engine.sqlite"

    @Option(help: "Consecutive failed sign-ins that lock an account.")
    var lockoutLimit: Int = 5

    @Option(help: "How long a session lasts after sign-in, in hours.")
    var sessionHours: Int = 12

    @Option(help: "How long a password-reset link works, in minutes.")
    var resetLinkMinutes: Int = 60

    @Option(help: "Reset e-mails one user can be sent per hour.")
    var resetMailsPerHour: Int = 3

    @Option(help: "How long an invitation link works, in days.")
    var invitationDays: Int = 7

    @Option(help: "The fewest characters a new password may have.")
    var passwordMinLength: Int = PasswordPolicy.minimumLength

    @Option(help: "The most characters a new password may have.")
    var passwordMaxLength: Int = PasswordPolicy.maximumLength

    @Flag(help: "Accept common passwords (drift tests of the checker only).")
    var allowCommonPasswords = false

    @Option(help: "bcrypt cost (4–31); 12 by default, 4 in --test-mode unless given.")
    var bcryptCost: Int?

    @Flag(help: "Enable the JSON test API under /_test/ (fixtures, mailboxes).")
    var testMode = false

    @Flag(help: "Enable the outbox page /_dev/outbox for people.")
    var dev = false

    @Flag(help: "Mark cookies Secure (when served behind https).")
    var secureCookies = false

    @Option(help: "The origin written into e-mail links; the listening address by default.")
    var publicURL: String?

    @Option(
        name: .customLong("rename-label"),
        help: ArgumentHelp(
            "Replace a UI label in one locale, as 'fr:Compte=Mon compte' (repeatable).", valueName: "locale:old=new")
    )
    var renames: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard lockoutLimit >= 1 else { throw ValidationError("--lockout-limit must be at least 1.") }
        for (name, value) in [
            ("session-hours", sessionHours), ("reset-link-minutes", resetLinkMinutes),
            ("reset-mails-per-hour", resetMailsPerHour), ("invitation-days", invitationDays),
            ("password-min-length", passwordMinLength),
        ] where value < 1 {
            throw ValidationError("--\(name) must be at least 1.")
        }
        guard passwordMaxLength >= passwordMinLength else {
            throw ValidationError("--password-max-length must be at least --password-min-length (\(passwordMinLength)).")
        }
        if let bcryptCost, !(4...31).contains(bcryptCost) {
            throw ValidationError("--bcrypt-cost must be between 4 and 31.")
        }
        for rename in renames where LabelRename(argument: rename) == nil {
            throw ValidationError("--rename-label '\(rename)' is not 'locale:old text=new text' with locale fr, en, de or es.")
        }
    }

    func run() throws {
        var options = EngineOptions(databasePath: database)
        options.lockoutLimit = lockoutLimit
        options.sessionLifetime = TimeInterval(sessionHours) * 3600
        options.resetTokenLifetime = TimeInterval(resetLinkMinutes) * 60
        options.resetMailsPerHour = resetMailsPerHour
        options.invitationLifetime = TimeInterval(invitationDays) * 24 * 3600
        options.passwordPolicy.length = passwordMinLength...passwordMaxLength
        options.passwordPolicy.refusesCommon = !allowCommonPasswords
        options.bcryptCost = bcryptCost ?? (testMode ? 4 : 12)
        options.testMode = testMode
        options.devMode = dev
        options.secureCookies = secureCookies
        options.publicURL = publicURL
        options.labelRenames = renames.compactMap(LabelRename.init(argument:))
        let engine: AccountEngine
        do {
            engine = try AccountEngine(options: options)
        } catch {
            FileHandle.standardError.write(Data("error: cannot open \(database): \(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        for rename in options.labelRenames where !engine.hasLabel(rename.from, in: rename.locale) {
            FileHandle.standardError.write(
                Data("warning: no \(rename.locale.rawValue) label reads '\(rename.from)'; --rename-label changes nothing\n".utf8))
        }
        let (host, port) = (host, port)
        do {
            try BlockingTask.run {
                try await engine.run(host: host, port: port) { url in
                    FileHandle.standardOutput.write(Data("listening on \(url)\n".utf8))
                }
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
    }
}
