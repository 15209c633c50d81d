import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

@testable import AccountEngine

/// A fresh engine on a temporary database, driven in-process through Hummingbird's router
/// test client; bcrypt at cost 4 so the suite stays fast.
struct EngineHarness {
    let directory: URL
    let clock = TestClock()
    var options: EngineOptions

    init(_ configure: (inout EngineOptions) -> Void = { _ in }) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("engine-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        options = EngineOptions(databasePath: directory.appendingPathComponent("engine.sqlite").path)
        options.bcryptCost = 4
        options.testMode = true
        options.clock = { [clock] in clock.now }
        configure(&options)
    }

    /// Builds an engine on this harness's database and runs `body` against it.
    func run<Value: Sendable>(_ body: @Sendable (AccountEngine, any TestClientProtocol) async throws -> Value) async throws -> Value {
        let engine = try AccountEngine(options: options)
        return try await engine.application(port: 0).test(.router) { client in
            try await body(engine, client)
        }
    }

    func removeFiles() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A clock the tests move forward to expire links.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    var now: Date { lock.withLock { Date().addingTimeInterval(offset) } }

    func advance(by seconds: TimeInterval) {
        lock.withLock { offset += seconds }
    }
}

/// The standard fixture: one account, `properties` properties, an administrator "marie" and a
/// user "paul" (reservations only), both with known passwords.
struct Fixture: Sendable {
    static let adminPassword = "Lac-Leman-2026!"
    static let userPassword = "Pins-Maritimes-77"

    let accountID: Int64
    let propertyIDs: [Int64]
    let userIDs: [String: Int64]

    static func create(
        _ client: any TestClientProtocol, properties: Int = 2, extraUsers: String = "", prefix: String = ""
    ) async throws -> Fixture {
        let body = """
            {"name": "\(prefix)Account", "properties": \(properties), "users": [
              {"username": "\(prefix)marie", "name": "Marie Dupont", "email": "\(prefix)marie@example.com",
               "password": "\(adminPassword)", "admin": true},
              {"username": "\(prefix)paul", "name": "Paul Martin", "email": "\(prefix)paul@example.com",
               "password": "\(userPassword)", "properties": [0]}\(extraUsers)]}
            """
        let response = try await client.executeRequest(
            uri: "/_test/accounts", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: body)
        )
        guard response.status == .created else { throw FixtureError(text: String(buffer: response.body)) }
        let json = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any] ?? [:]
        let properties = (json["properties"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? NSNumber)?.int64Value }
        var users: [String: Int64] = [:]
        for user in json["users"] as? [[String: Any]] ?? [] {
            if let name = user["username"] as? String, let id = (user["id"] as? NSNumber)?.int64Value { users[name] = id }
        }
        return Fixture(
            accountID: (json["accountId"] as? NSNumber)?.int64Value ?? 0, propertyIDs: properties, userIDs: users
        )
    }

    struct FixtureError: Error { let text: String }
}

extension Browser {
    /// Signs in through the sign-in page's form (the documented contract: `username`,
    /// `password`, one submit button).
    func signIn(_ username: String, _ password: String, locale: String = "fr") async throws -> Page {
        let page = try await get("/\(locale)/sign-in")
        return try await submit(Labels[locale].signInButton, on: page) { form in
            form.set("username", username)
            form.set("password", password)
        }
    }

    /// The e-mails sent to `address`, through the test API.
    func mailbox(_ address: String) async throws -> [[String: Any]] {
        let page = try await request("/_test/mailbox?address=\(Browser.encode(address))", method: .get)
        let json = try JSONSerialization.jsonObject(with: Data(page.html.utf8)) as? [String: Any] ?? [:]
        return json["messages"] as? [[String: Any]] ?? []
    }

    /// The path of the first link of the latest e-mail with a link to `address` (as the
    /// checker's `follow-email-link` reads it: a notice without a link is skipped).
    func latestLink(_ address: String) async throws -> String? {
        let withLinks = try await mailbox(address).compactMap { $0["links"] as? [String] }.filter { !$0.isEmpty }
        guard let link = withLinks.last?.first else { return nil }
        return link.replacingOccurrences(of: "http://localhost", with: "")
    }

    /// The state the test API reports for a username.
    func userState(_ username: String) async throws -> [String: Any] {
        let page = try await request("/_test/users?username=\(Browser.encode(username))", method: .get)
        return try JSONSerialization.jsonObject(with: Data(page.html.utf8)) as? [String: Any] ?? [:]
    }
}
