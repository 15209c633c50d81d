internal import Foundation
public import Hummingbird
internal import Logging
internal import NIOConcurrencyHelpers
internal import NIOCore

/// The reference partner extranet: server-rendered pages in four locales over one SQLite
/// database. `helpcenter engine` runs it; tests build it in-process with ``application(host:port:onListening:)``.
public final class AccountEngine: Sendable {
    public let options: EngineOptions
    let store: EngineStore
    let hasher: PasswordHasher
    let signer: Signer
    let catalogs: Catalogs
    /// Warnings and errors to stderr: what a visitor is never shown (an e-mail retried).
    let logger: Logger
    private let origin: NIOLockedValueBox<String>
    private let checks = NIOLockedValueBox(0)
    /// Reset e-mails waiting for the database to take them (see `retryResetIssue`).
    let pendingResets = NIOLockedValueBox(0)
    static let maxPendingResets = 1_000

    /// Opens (or creates) the database and prepares catalogs and keys.
    /// - Throws: when the database cannot be opened or migrated.
    public init(options: EngineOptions) throws {
        self.options = options
        store = try EngineStore(
            path: options.databasePath, clock: options.clock, writeWait: options.writeWait,
            keepsMail: options.testMode || options.devMode
        )
        hasher = PasswordHasher(cost: options.bcryptCost)
        signer = Signer(key: try store.signingKey())
        catalogs = Catalogs(renames: options.labelRenames)
        origin = NIOLockedValueBox(options.publicURL ?? "http://localhost")
        var logger = Logger(label: "helpcenter.engine") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        self.logger = logger
    }

    /// How many passwords were checked against a stored hash since start: the lockout tests
    /// count that 50 simultaneous wrong passwords cost exactly `lockoutLimit` checks.
    public var passwordChecks: Int { checks.withLockedValue { $0 } }

    func countCheck() {
        checks.withLockedValue { $0 += 1 }
    }

    /// The origin written into e-mail links (`--public-url`, or where the server listens).
    var publicOrigin: String { origin.withLockedValue { $0 } }

    /// The e-mails sent to `address`, oldest first (what the test API's mailbox returns).
    public func mailbox(_ address: String) async throws -> [MailMessage] {
        try await store.mailbox(address)
    }

    /// The routes of every page, plus the test API (`testMode`) and the outbox page (`devMode`).
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware(engine: self))
        addSignInRoutes(to: router)
        addPasswordResetRoutes(to: router)
        addAccountRoutes(to: router)
        addUserRoutes(to: router)
        addUserRightsRoutes(to: router)
        addInvitationRoutes(to: router)
        if options.testMode { addTestAPIRoutes(to: router) }
        if options.devMode { addOutboxRoutes(to: router) }
        router.get("/") { _, _ in Response.redirect(to: "/\(EngineLocale.fallback.rawValue)/sign-in", type: .found) }
        router.get("/assets/engine.css") { _, _ in Stylesheet.response }
        return router
    }

    /// The HTTP application on `host:port` (port 0 picks a free one). `onListening` receives the
    /// URL once the socket is bound; e-mail links use it unless `publicURL` was set.
    public func application(
        host: String = "127.0.0.1", port: Int, onListening: @escaping @Sendable (String) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "helpcenter-engine"),
            onServerRunning: { [self] channel in
                let bound = channel.localAddress?.port ?? port
                let url = "http://\(host):\(bound)"
                if options.publicURL == nil { origin.withLockedValue { $0 = url } }
                onListening(url)
            },
            logger: logger
        )
    }
}

extension AccountEngine {
    /// Whether a page of `locale` shows `text` as a label, so `--rename-label` can warn about a
    /// rename that would change nothing.
    public func hasLabel(_ text: String, in locale: EngineLocale) -> Bool {
        Catalog.contains(text, in: locale)
    }
}

extension AccountEngine {
    /// Serves until SIGINT or SIGTERM (what `helpcenter engine` calls).
    public func run(host: String, port: Int, onListening: @escaping @Sendable (String) -> Void) async throws {
        try await application(host: host, port: port, onListening: onListening).runService()
    }
}
