import Foundation

/// The readings of the sentence forms a phrasebook has met, shared by the parallel parse.
///
/// A reading depends on the tokens only (labels are tokens by index), so "Cliquez sur **{1}**."
/// is read once per build however many articles write it; a lock keeps it safe across threads.
final class ReadingCache: @unchecked Sendable {
    private let lock = NSLock()
    private var readings: [Key: StepReading] = [:]

    /// Tokens hashed as one run of bytes rather than token by token.
    private struct Key: Hashable {
        let tokens: [PhraseText.Token]

        func hash(into hasher: inout Hasher) {
            // FNV-1a over the tokens, then one word to the hasher: SipHash over every byte of
            // every step's tokens was 2 % of a parse.
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for token in tokens { hash = (hash ^ UInt64(token.raw)) &* 0x0000_0100_0000_01B3 }
            hasher.combine(hash)
        }
    }

    func reading(for tokens: [PhraseText.Token]) -> StepReading? {
        lock.lock()
        defer { lock.unlock() }
        return readings[Key(tokens: tokens)]
    }

    func store(_ reading: StepReading, for tokens: [PhraseText.Token]) {
        let key = Key(tokens: tokens)
        lock.lock()
        defer { lock.unlock() }
        // Bounded: an endless stream of distinct sentences (watch mode over days) is not kept.
        if readings.count > 50_000 { readings.removeAll(keepingCapacity: true) }
        readings[key] = reading
    }
}

/// What each label text a phrasebook has met names in the product: a field (its index in the
/// vocabulary), a label that is not a control, or neither. Label texts repeat across articles;
/// folding each one every time it is clicked was a tenth of the parse.
final class LabelKindCache: @unchecked Sendable {
    enum Kind: Sendable, Equatable {
        case field(Int)
        case notControl
        case other
    }

    private let lock = NSLock()
    private var kinds: [String: Kind] = [:]

    func kind(of text: String, in grammar: StepGrammar) -> Kind {
        lock.lock()
        if let known = kinds[text] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let kind: Kind
        if let index = grammar.field(labelled: text) {
            kind = .field(index)
        } else if grammar.notControls.contains(PhraseText.folded(text)) {
            kind = .notControl
        } else {
            kind = .other
        }
        lock.lock()
        if kinds.count > 50_000 { kinds.removeAll(keepingCapacity: true) }
        kinds[text] = kind
        lock.unlock()
        return kind
    }
}

/// A value made once, on first use, by whichever thread asks first: what every unread step's
/// hint compares with (the phrasebook's example sentences) was made again for each step, and
/// 700 unread steps took two minutes of `lint`.
final class OnceValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func get(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let made = make()
        value = made
        return made
    }
}
