internal import HelpModel

/// A phrasebook claim pattern: words around one slot — `{n}` ("{n} fois sans succès") or, for a
/// kind that quotes an example, `{password}` ("comme « {password} »") — and what it means.
struct ClaimPattern: Sendable {
    let kind: Claim.Kind
    /// The folded scalars before and after the slot.
    let prefix: [UInt32]
    let suffix: [UInt32]
    let text: String
    let location: SourceLocation

    /// - Returns: nil when the text does not hold its kind's slot exactly once, or when a
    ///   `{password}` is not followed by the words that end it.
    init?(_ text: String, kind: Claim.Kind, location: SourceLocation) {
        let parts = text.split(separator: kind.slot.rawValue, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { return nil }
        self.kind = kind
        self.text = text
        self.location = location
        prefix = Self.fold(parts[0])
        suffix = Self.fold(parts[1])
        if kind.slot == .password, !suffix.contains(where: { $0 != 0x20 }) { return nil }
    }

    /// For a `{password}` pattern, the first scalar after the slot that is not a space (a
    /// closing quote): a paragraph without it cannot hold the claim, so it is skipped unfolded.
    /// `nil` when that scalar could be written in another case.
    var passwordTrigger: Unicode.Scalar? {
        guard kind.slot == .password, let first = suffix.first(where: { $0 != 0x20 }),
            let scalar = Unicode.Scalar(first), !scalar.properties.changesWhenUppercased
        else { return nil }
        return scalar
    }

    /// Folded as step sentences are (case, apostrophes, spaces), keeping the spaces at the ends
    /// that separate the words from the number.
    static func fold(_ text: String) -> [UInt32] {
        var result: [UInt32] = []
        for scalar in text.unicodeScalars {
            let value = PhraseText.fold(scalar.value)
            if value == 0x20, result.last == 0x20 { continue }
            result.append(value)
        }
        return result
    }
}
