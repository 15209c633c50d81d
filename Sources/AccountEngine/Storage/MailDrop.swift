internal import NIOConcurrencyHelpers

/// The full texts of the latest e-mails, links included, kept in this process's memory only.
///
/// The engine sends no mail: its outbox is where e-mails arrive. The database keeps each one
/// with its link's token replaced (``OutgoingMail/storedBody``), so a copy of the file (or of its
/// `-wal`) holds no link that works; the readers of mail — the test API and the outbox page, in
/// test and dev mode — get the whole text from here. Without a reader nothing is kept, and
/// after a restart the links of earlier e-mails are gone, as they would be from a sent e-mail.
final class MailDrop: Sendable {
    /// How many e-mails are kept; older ones are read as stored.
    static let capacity = 10_000
    let keeps: Bool
    private let bodies = NIOLockedValueBox<[Int64: String]>([:])

    init(keeps: Bool) {
        self.keeps = keeps
    }

    /// Keeps the whole body of outbox row `id` (called once its transaction committed).
    func keep(_ id: Int64, body: String) {
        guard keeps else { return }
        bodies.withLockedValue { bodies in
            bodies[id] = body
            if bodies.count > Self.capacity {
                let oldest = bodies.keys.sorted().prefix(bodies.count - Self.capacity)
                for key in oldest { bodies[key] = nil }
            }
        }
    }

    /// The whole body of row `id`, if it is still kept.
    func body(_ id: Int64) -> String? {
        bodies.withLockedValue { $0[id] }
    }
}
