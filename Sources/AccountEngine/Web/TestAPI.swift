/// The JSON bodies of the test API (docs/engine-test-api.md), which exists only with `--test-mode`.
enum TestAPI {
    /// `POST /_test/accounts`: an account with its properties and users.
    struct AccountRequest: Decodable {
        var name: String?
        /// A count (`5`) or the names (`["Hôtel du Lac"]`); one property when missing.
        var properties: PropertySpec?
        var users: [UserSpec]
        /// The language of the invitation e-mails `invitedTo` sends (`fr` when missing).
        var locale: String?
    }

    enum PropertySpec: Decodable {
        case count(Int)
        case names([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let count = try? container.decode(Int.self) {
                self = .count(count)
            } else {
                self = .names(try container.decode([String].self))
            }
        }

        var names: [String] {
            switch self {
            case .count(let count): (0..<max(0, min(count, 1000))).map { "Hôtel \($0 + 1)" }
            case .names(let names): names
            }
        }
    }

    struct UserSpec: Decodable {
        var username: String
        var name: String?
        var email: String
        /// Required unless `state` is `invited`.
        var password: String?
        /// Adds the account-administration right on the user's properties.
        var admin: Bool?
        /// Rights on each of the user's properties; `["reservations"]` when missing.
        var rights: [AccessRight]?
        /// Indexes into the account's properties; all of them when missing.
        var properties: [Int]?
        /// `active` (default), `locked`, or `invited` (no password yet, cannot sign in).
        var state: String?
        /// Consecutive failed sign-ins already counted (for `locked`, the lockout limit by default).
        var failedAttempts: Int?
        /// Indexes of properties the user is invited to (with `rights`): an invitation e-mail
        /// is sent, as the users pages send it. An `invited` user is invited to `properties`
        /// when this is missing.
        var invitedTo: [Int]?
    }

    struct AccountResponse: Encodable {
        var accountId: Int64
        var properties: [PropertyResponse]
        var users: [UserResponse]
    }

    struct PropertyResponse: Encodable {
        var id: Int64
        var name: String
    }

    struct UserResponse: Encodable {
        var id: Int64
        var username: String
        var email: String
    }

    /// `GET /_test/users?username=…`: what the lockout claims need.
    struct UserState: Encodable {
        var id: Int64
        var username: String
        var name: String
        var email: String
        var state: String
        var failedAttempts: Int
        var properties: [Access]
    }

    struct Access: Encodable {
        var id: Int64
        var rights: [String]
    }

    /// `POST /_test/clock`: moves one user's time forward, so their sessions, links and reset
    /// e-mails age while other fixtures on the engine keep the clock's time (see `UserClock`).
    struct ClockAdvance: Decodable {
        var username: String
        var seconds: Double

        /// A year: more than any lifetime the articles state.
        static let largest: Double = 366 * 24 * 3600
    }

    struct ClockState: Encodable {
        var username: String
        /// Everything the test API advanced for that user so far.
        var offsetSeconds: Double
    }

    /// `GET /_test/mailbox?address=…`: the address's e-mails, oldest first.
    struct Mailbox: Encodable {
        var address: String
        var messages: [Message]
    }

    struct Message: Encodable {
        var id: Int64
        var to: String
        var subject: String
        var body: String
        var links: [String]
        var sentAt: String
    }

    struct Failure: Encodable {
        var error: String
    }
}
