import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import Testing

@testable import FeedbackCollector

/// The two stores every parameterised test runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

/// A collector on a temporary site folder and database (a SQLite file, or a fresh database
/// on the tests' throwaway PostgreSQL cluster), driven in-process through Hummingbird's router
/// test client (every request comes from the same unknown address).
struct CollectorHarness {
    static let origin = "https://help.example.com"
    static let catalogJSON = """
        {"base-url": "https://help.example.com/", "articles": [
          {"id": "login-credentials", "locale": "fr", "path": "fr/modifier-identifiants-connexion/",
           "title": "Comment modifier ou réinitialiser mes identifiants de connexion ?"},
          {"id": "login-credentials", "locale": "en", "path": "en/change-reset-login-credentials/",
           "title": "How do I change or reset my login credentials?"}]}
        """

    let directory: URL
    let clock = TestClock()
    let log = LogRecorder()
    var options: FeedbackOptions
    /// The PostgreSQL cluster and database, for a `.postgres` harness.
    var postgres: (cluster: TestPostgres, database: String)?

    var site: URL { directory.appendingPathComponent("site") }
    var catalogFile: URL { site.appendingPathComponent(".helpcenter-articles.json") }

    init(catalog: String? = Self.catalogJSON, _ configure: (inout FeedbackOptions) -> Void = { _ in }) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("feedback-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("site"), withIntermediateDirectories: true)
        options = FeedbackOptions(database: directory.appendingPathComponent("feedback.sqlite").path)
        options.clock = { [clock] in clock.now }
        options.logger = Logger(label: "test") { [log] _ in log.handler() }
        options.votesPerMinute = nil
        configure(&options)
        if let catalog { try writeCatalog(catalog) }
    }

    /// A harness on `store`; for PostgreSQL, a new database on the shared cluster (or on `cluster`).
    init(
        store: StoreKind, cluster: TestPostgres? = nil, catalog: String? = Self.catalogJSON,
        _ configure: (inout FeedbackOptions) -> Void = { _ in }
    ) async throws {
        try self.init(catalog: catalog, configure)
        if store == .postgres {
            let cluster = if let cluster { cluster } else { try await TestPostgres.shared() }
            let database = try await cluster.createDatabase()
            postgres = (cluster, database)
            options.database = cluster.url(database)
        }
    }

    /// Opens a collector on this harness's database (the caller closes it).
    func open() async throws -> FeedbackCollector {
        try await FeedbackCollector.open(site: site.path, options: options)
    }

    func writeCatalog(_ text: String) throws {
        try Data(text.utf8).write(to: catalogFile)
    }

    /// Builds a collector on this harness and runs `body` against it.
    func run<Value: Sendable>(
        _ body: @Sendable (FeedbackCollector, any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let collector = try await open()
        do {
            let value = try await collector.application(port: 0).test(.router) { client in
                try await body(collector, client)
            }
            await collector.close()
            return value
        } catch {
            await collector.close()
            throw error
        }
    }

    /// The rows of the `vote` table, oldest first.
    func rows() async throws -> [StoredVote] {
        if let postgres {
            return try await postgres.cluster.withConnection(to: postgres.database) { connection in
                var rows: [StoredVote] = []
                let result = try await connection.query(
                    "SELECT article, locale, vote, comment, created_at FROM vote ORDER BY id", logger: TestPostgres.logger)
                for try await (article, locale, vote, comment, createdAt) in result.decode(
                    (String, String, String, String?, String).self)
                {
                    rows.append(StoredVote(article: article, locale: locale, vote: vote, comment: comment, createdAt: createdAt))
                }
                return rows
            }
        }
        let queue = try DatabaseQueue(path: options.database)
        return try await queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM vote ORDER BY id").map { row in
                StoredVote(
                    article: row["article"], locale: row["locale"], vote: row["vote"], comment: row["comment"],
                    createdAt: row["created_at"])
            }
        }
    }

    /// The one integer a query on the harness's PostgreSQL database gives (a count).
    func postgresCount(_ sql: String) async throws -> Int {
        let postgres = try #require(self.postgres)
        return try await postgres.cluster.withConnection(to: postgres.database) { connection in
            for try await (count,) in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: TestPostgres.logger).decode((Int,).self) {
                return count
            }
            return 0
        }
    }

    func removeFiles() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// One row of the `vote` table.
struct StoredVote: Equatable {
    var article: String
    var locale: String
    var vote: String
    var comment: String?
    var createdAt: String
}

/// A clock the tests move forward to refill rate limits.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_795_000_000)

    var now: Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) {
        lock.withLock { current.addTimeInterval(seconds) }
    }
}

/// Keeps what the collector logs, to count its warnings. The handlers it makes are values
/// (each logger copy sets its own metadata, as swift-log expects); they share this store.
final class LogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(Logger.Level, String)] = []

    var warnings: [String] { messages(at: .warning) }
    var errors: [String] { messages(at: .error) }

    private func messages(at level: Logger.Level) -> [String] {
        lock.withLock { entries.filter { $0.0 == level }.map(\.1) }
    }

    func handler() -> some LogHandler {
        Handler(recorder: self)
    }

    fileprivate func record(_ level: Logger.Level, _ message: String) {
        lock.withLock { entries.append((level, message)) }
    }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorder.record(event.level, event.message.description)
        }
    }
}
