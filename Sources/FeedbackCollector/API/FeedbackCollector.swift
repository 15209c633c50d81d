internal import Foundation
public import Hummingbird
internal import Logging

/// Receives the votes of the generated site's "was this page helpful" form and keeps them in
/// SQLite or PostgreSQL (``VoteStorage``; only ``StorageOpener`` knows which). It knows the site only through `SITE/.helpcenter-articles.json`, re-read when it
/// changes; `helpcenter feedback serve` runs it alone, the preview server adds its routes to
/// its own router.
public final class FeedbackCollector: Sendable {
    public let options: FeedbackOptions
    let catalog: CatalogFile
    let store: any VoteStorage
    let limiter: (any ClientLimiter)?
    /// ``FeedbackOptions/allowedOrigins`` as browsers write them; empty: the catalog's origin.
    let configuredOrigins: [String]

    /// Opens (or creates, or migrates) the database and reads the site's article list.
    /// - Parameters:
    ///   - site: the built site's folder, where the generator writes `.helpcenter-articles.json`.
    ///     A missing list is not an error: the collector starts, logs a warning and refuses
    ///     every vote until the list appears.
    /// - Throws: when the database cannot be opened or migrated (a PostgreSQL error names what
    ///   to fix: host, password, database), or an option is invalid.
    public static func open(site: String, options: FeedbackOptions) async throws -> FeedbackCollector {
        let address = try DatabaseAddress(parsing: options.database)
        guard options.poolSize >= 1 else { throw InvalidOption.poolSize }
        let store = try await StorageOpener.open(
            address, poolSize: options.poolSize, deadline: options.storageDeadline, logger: options.logger)
        do {
            return try FeedbackCollector(site: site, options: options, store: store)
        } catch {
            await store.close()
            throw error
        }
    }

    private init(site: String, options: FeedbackOptions, store: any VoteStorage) throws {
        configuredOrigins = try options.allowedOrigins.map { origin in
            guard let normalized = Origin.normalized(origin) else { throw InvalidOption.origin(origin) }
            return normalized
        }
        guard options.path.hasPrefix("/") else { throw InvalidOption.path(options.path) }
        guard options.maxBodyBytes > 0, options.maxCommentCharacters > 0 else { throw InvalidOption.limits }
        self.options = options
        self.store = store
        catalog = CatalogFile(site: site, logger: options.logger)
        if let perMinute = options.votesPerMinute, perMinute > 0 {
            limiter = store.makeLimiter(perMinute: perMinute, scope: options.rateLimitScope, clock: options.clock)
        } else {
            limiter = nil
        }
    }

    /// Votes and comments per article and locale, with the titles of the current article list.
    public func report() async throws -> FeedbackReport {
        FeedbackReport(try await store.votes(), catalog: catalog.current())
    }

    /// Closes the database's connections; the collector takes no vote afterwards.
    public func close() async {
        await store.close()
    }

    /// The collector alone as an HTTP application on `host:port` (port 0 picks a free one);
    /// `onListening` receives the URL once the socket is bound.
    public func application(
        host: String = "127.0.0.1", port: Int, onListening: @escaping @Sendable (String) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: FeedbackRequestContext.self)
        addRoutes(to: router)
        var logger = options.logger
        logger.logLevel = .warning
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "helpcenter-feedback"),
            onServerRunning: { channel in onListening("http://\(host):\(channel.localAddress?.port ?? port)") },
            logger: logger
        )
    }

    enum InvalidOption: Error, CustomStringConvertible {
        case origin(String)
        case path(String)
        case limits
        case poolSize

        var description: String {
            switch self {
            case .origin(let text): "allowed origin '\(text)' is not scheme://host[:port]"
            case .path(let text): "feedback path '\(text)' does not start with /"
            case .limits: "body and comment limits must be positive"
            case .poolSize: "the pool size must be at least 1"
            }
        }
    }
}
