import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

@Suite struct StorageTests {
    @Test("A restart on the same database keeps accounts, passwords, sessions and mail")
    func restart() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        let session = try await harness.run { _, client in
            _ = try await Fixture.create(client)
            let browser = Browser(client)
            _ = try await browser.signIn("marie", Fixture.adminPassword)
            _ = try await browser.submit(
                "Confirmer", on: try await browser.get("/fr/forgot-password"), filling: ["Nom d'utilisateur": "paul"])
            return try #require(browser.sessionCookie)
        }
        try await harness.run { engine, client async throws in
            let browser = Browser(client)
            browser.setCookie("hc_session", session)
            #expect(try await browser.request("/fr/account", method: .get).status == .ok)
            #expect(try await Browser(client).signIn("paul", Fixture.userPassword).link("Compte") != nil)
            #expect(try await engine.mailbox("paul@example.com").count == 1)
        }
    }

    @Test("The database is in WAL mode and migrated")
    func walAndMigrations() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        let engine = try AccountEngine(options: harness.options)
        let mode = try await engine.store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try await engine.store.pool.read { db in try Schema.migrator.hasCompletedMigrations(db) })
    }

    @Test("Read-then-write transactions begin with BEGIN IMMEDIATE")
    func immediateTransactions() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        let log = StatementLog()
        let store = try EngineStore(path: harness.options.databasePath, clock: { Date() }, trace: { log.append($0) })
        _ = try await store.reserveSignIn(username: "nobody", limit: 5)
        _ = try await store.resetPassword(tokenHash: Data(count: 32), newHash: "x") {
            OutgoingMail(to: $0.email, subject: "", body: "")
        }
        let begins = log.statements.filter { $0.hasPrefix("BEGIN") }
        #expect(begins.count >= 2)
        #expect(begins.allSatisfy { $0 == "BEGIN IMMEDIATE TRANSACTION" })
    }
}

/// Statements seen by GRDB's trace, in order.
final class StatementLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    var statements: [String] { lock.withLock { stored } }

    func append(_ statement: String) {
        lock.withLock { stored.append(statement) }
    }
}
