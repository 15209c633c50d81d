internal import Foundation
internal import GRDB
internal import NIOConcurrencyHelpers

/// The engine's clock as each user sees it: the injected clock (`EngineOptions.clock`) plus a
/// forward offset the test API (`POST /_test/clock`) gives one user, so a checker can make an
/// hour pass for one fixture while other fixtures on the same engine keep the real time.
///
/// Every time that decides about a user — their sessions, reset links and reset e-mails,
/// invitations — is read through ``now(for:)`` in Swift or `clock_now(user_id)` in SQL, so an
/// offset moves all of them together and nothing else. Without the test API no offset is ever
/// set and both are the injected clock.
final class UserClock: Sendable {
    let clock: @Sendable () -> Date
    private let offsets = NIOLockedValueBox<[Int64: TimeInterval]>([:])

    init(clock: @escaping @Sendable () -> Date) {
        self.clock = clock
    }

    /// The injected clock, for what concerns no user (an outbox row, a signed form's deadline).
    var now: Double { clock().timeIntervalSince1970 }

    /// The time for `userID`: the clock plus what the test API advanced for that user.
    func now(for userID: Int64?) -> Double {
        guard let userID else { return now }
        return now + offsets.withLockedValue { $0[userID] ?? 0 }
    }

    /// Moves `userID`'s time forward by `seconds` (never back: a reset request counted in a
    /// user's hour stays counted, and the global cleanup of old rows never removes one a
    /// user's window still needs).
    /// - Returns: the user's total offset.
    func advance(_ userID: Int64, by seconds: TimeInterval) -> TimeInterval {
        offsets.withLockedValue { offsets in
            let total = (offsets[userID] ?? 0) + max(0, seconds)
            offsets[userID] = total
            return total
        }
    }

    /// `clock_now(user_id)`: ``now(for:)`` inside SQL, so a statement that spends a token can
    /// compare its expiry with the token owner's time in the same statement.
    var sqlFunction: DatabaseFunction {
        DatabaseFunction("clock_now", argumentCount: 1, pure: false) { [self] values in
            now(for: Int64.fromDatabaseValue(values[0]))
        }
    }
}
