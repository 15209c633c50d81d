import Foundation

/// The readings of the sentence forms a phrasebook has met, shared by the parallel parse.
///
/// A reading depends on the tokens only (labels are tokens by index), so "Cliquez sur **{1}**."
/// is read once per build however many articles write it; a lock keeps it safe across threads.
final class ReadingCache: @unchecked Sendable {
    private let lock = NSLock()
    private var readings: [[UInt32]: StepReading] = [:]

    func reading(for tokens: [PhraseText.Token]) -> StepReading? {
        let key = tokens.map(\.raw)
        lock.lock()
        defer { lock.unlock() }
        return readings[key]
    }

    func store(_ reading: StepReading, for tokens: [PhraseText.Token]) {
        let key = tokens.map(\.raw)
        lock.lock()
        defer { lock.unlock() }
        // Bounded: an endless stream of distinct sentences (watch mode over days) is not kept.
        if readings.count > 50_000 { readings.removeAll(keepingCapacity: true) }
        readings[key] = reading
    }
}
