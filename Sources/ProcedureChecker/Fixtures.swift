internal import Foundation
internal import HelpModel
internal import NIOHTTP1

/// The engine's documented test API (docs/engine-test-api.md): fixture accounts, mailboxes and
/// a user's state. Everything else the checker learns, it learns from the pages.
struct TestAPI {
    let transport: HTTPTransport

    struct AccountRequest: Encodable {
        var name: String
        var properties: Int
        var users: [User]
        /// The language of the invitation e-mails of `state: invited`.
        var locale: String
    }

    struct User: Encodable {
        var username: String
        var name: String
        var email: String
        var password: String?
        var admin: Bool?
        var rights: [String]?
        var state: String?
        var properties: [Int]?
        var failedAttempts: Int?
        var invitedTo: [Int]?
    }

    struct AccountResponse: Decodable {
        struct Property: Decodable {
            var id: Int64
        }
        var properties: [Property]
    }

    struct Message: Decodable {
        var id: Int64
        var to: String
        var subject: String
        var links: [String]
    }

    private struct Mailbox: Decodable {
        var messages: [Message]
    }

    struct UserState: Decodable {
        struct Access: Decodable {
            var id: Int64
            var rights: [String]
        }
        var state: String
        var failedAttempts: Int
        var properties: [Access]
    }

    /// `POST /_test/accounts`.
    func createAccount(_ request: AccountRequest) async throws -> AccountResponse {
        let body = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
        let exchange = try await transport.send(.POST, "/_test/accounts", json: body)
        guard exchange.status == 201 else {
            throw StepProblem("the test API refused the fixture (\(exchange.status)): \(String(decoding: exchange.body, as: UTF8.self))")
        }
        return try JSONDecoder().decode(AccountResponse.self, from: Data(exchange.body))
    }

    /// `GET /_test/mailbox?address=…`, oldest first.
    func mailbox(_ address: String) async throws -> [Message] {
        let exchange = try await transport.send(.GET, "/_test/mailbox?address=\(FormEncoding.query(address))")
        guard exchange.status == 200 else { throw StepProblem("the test API's mailbox answered \(exchange.status)") }
        return try JSONDecoder().decode(Mailbox.self, from: Data(exchange.body)).messages
    }

    /// `GET /_test/users?username=…`; nil when no such user exists.
    func user(_ username: String) async throws -> UserState? {
        let exchange = try await transport.send(.GET, "/_test/users?username=\(FormEncoding.query(username))")
        if exchange.status == 404 { return nil }
        guard exchange.status == 200 else { throw StepProblem("the test API's user state answered \(exchange.status)") }
        return try JSONDecoder().decode(UserState.self, from: Data(exchange.body))
    }

    private struct ClockAdvance: Encodable {
        var username: String
        var seconds: Double
    }

    /// `POST /_test/clock`: moves `username`'s time forward by `seconds` — their sessions,
    /// links and reset e-mails age; other users of the engine keep the clock's time.
    func advanceClock(of username: String, by seconds: Double) async throws {
        let body = String(decoding: try JSONEncoder().encode(ClockAdvance(username: username, seconds: seconds)), as: UTF8.self)
        let exchange = try await transport.send(.POST, "/_test/clock", json: body)
        guard exchange.status == 200 else {
            throw StepProblem("the test API's clock answered \(exchange.status): \(String(decoding: exchange.body, as: UTF8.self))")
        }
    }

    /// The e-mails with a link sent to `address` (a notice without one is not counted).
    func linkMessages(to address: String) async throws -> [Message] {
        try await mailbox(address).filter { !$0.links.isEmpty }
    }

    /// The newest e-mail with a link sent to any of `addresses`: a notice without one (such as
    /// "your password was changed") is not what a person follows.
    func latestMessage(to addresses: [String]) async throws -> Message? {
        var latest: Message?
        for address in addresses {
            if let message = try await mailbox(address).last(where: { !$0.links.isEmpty }),
                message.id > (latest?.id ?? Int64.min)
            {
                latest = message
            }
        }
        return latest
    }
}

/// A person of a fixture account: what the checker types for them.
struct Person: Sendable {
    var username: String
    var name: String
    var email: String
    var password: String
}

/// A procedure's starting point: a fresh account with the persona, another user (the "old
/// login" of the articles, on the first property only), and generated values for what the
/// steps type. Unique names, so that procedures run side by side on one engine.
struct Fixture: Sendable {
    var persona: Person
    var other: Person
    var propertyIDs: [Int64]
    /// A new password for the persona (or the invitee), strong and unused anywhere.
    var newPassword: String
    /// Name and address of the person a procedure invites.
    var invitee: Person

    /// - Parameter locale: the language of the e-mails the fixture sends (an invitation).
    static func create(for check: ProcedureCheck, locale: String, tag: String, api: TestAPI) async throws -> Fixture {
        let newUser = check.state == .invited && check.invitation == .newUser
        // A person invited as a new user signs in with their e-mail address, as the engine makes it.
        let persona = Person(
            username: newUser ? "persona-\(tag)@example.com" : "persona-\(tag)", name: "Persona \(tag)",
            email: "persona-\(tag)@example.com", password: Secret.password(tag))
        let other = Person(
            username: "old-\(tag)", name: "Ancien \(tag)", email: "old-\(tag)@example.com", password: Secret.password(tag))
        let invitee = Person(
            username: "new-\(tag)@example.com", name: "Nouveau \(tag)", email: "new-\(tag)@example.com",
            password: Secret.password(tag))
        var personaSpec = TestAPI.User(
            username: persona.username, name: persona.name, email: persona.email, password: persona.password,
            admin: check.persona == .administrator, state: check.state.rawValue,
            properties: check.persona == .administrator ? nil : [0], failedAttempts: check.failedAttempts)
        switch check.invitation {
        case .newUser?:
            personaSpec.password = nil
        case .existingUser?:
            personaSpec.state = ProcedureCheck.State.active.rawValue
            personaSpec.properties = [0]
            personaSpec.invitedTo = [1]
        case nil:
            break
        }
        let request = TestAPI.AccountRequest(
            name: "Account \(tag)", properties: check.properties,
            users: [
                personaSpec,
                TestAPI.User(
                    username: other.username, name: other.name, email: other.email, password: other.password,
                    rights: check.secondUser.rights.map(\.rawValue), properties: [0]),
            ],
            locale: locale)
        let account = try await api.createAccount(request)
        return Fixture(
            persona: persona, other: other, propertyIDs: account.properties.map(\.id),
            newPassword: Secret.password(tag), invitee: invitee)
    }
}

/// Generated secrets: long, mixed, never a common password, different at every call.
enum Secret {
    static func password(_ tag: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let random = String((0..<12).map { _ in letters[Int(generator.next(upperBound: UInt(letters.count)))] })
        return "Hc-\(random)-\(tag.suffix(4))!"
    }

    /// A password of exactly `length` characters, never a common one: the claims about lengths
    /// try one just under or over the limit.
    static func password(length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-")
        return String((0..<length).map { _ in letters[Int(generator.next(upperBound: UInt(letters.count)))] })
    }

    /// A short random token for the names of one run, so two runs on one engine do not collide.
    static func runTag() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next(upperBound: UInt64(36 * 36 * 36 * 36)), radix: 36)
    }
}
