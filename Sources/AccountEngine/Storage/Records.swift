public import Foundation
internal import GRDB

/// A user as the pages need one.
struct UserRecord: Sendable, Equatable {
    var id: Int64
    var accountID: Int64
    var username: String
    var name: String
    var email: String
    /// `nil` while the user has not accepted the invitation that created them.
    var passwordHash: String?
    var failedAttempts: Int
    var locked: Bool

    var isPending: Bool { passwordHash == nil }

    static let columns = "id, account_id, username, name, email, password_hash, failed_attempts, locked"

    init(row: Row) {
        id = row["id"]
        accountID = row["account_id"]
        username = row["username"]
        name = row["name"]
        email = row["email"]
        passwordHash = row["password_hash"]
        failedAttempts = row["failed_attempts"]
        locked = row["locked"]
    }
}

/// A property (établissement) of an account; its `id` is the public property ID.
struct PropertyRecord: Sendable, Equatable {
    var id: Int64
    var accountID: Int64
    var name: String
}

/// One user's rights on one property.
struct Membership: Sendable, Equatable {
    var property: PropertyRecord
    var rights: Set<AccessRight>
}

/// An e-mail in the outbox.
public struct MailMessage: Sendable, Equatable, Codable {
    public var id: Int64
    public var to: String
    public var subject: String
    public var body: String
    public var sentAt: Date

    /// Every http(s) link of the text body, in order.
    public var links: [String] {
        body.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            .filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
    }
}
