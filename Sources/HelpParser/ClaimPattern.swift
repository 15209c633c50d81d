internal import HelpModel

/// A phrasebook claim pattern: words around one number slot `{n}` ("{n} fois sans succès"),
/// and what the number means.
struct ClaimPattern: Sendable {
    let kind: Claim.Kind
    /// The folded scalars before and after `{n}`.
    let prefix: [UInt32]
    let suffix: [UInt32]
    let text: String
    let location: SourceLocation

    static let slot = "{n}"

    /// - Returns: nil when the text does not hold exactly one `{n}`.
    init?(_ text: String, kind: Claim.Kind, location: SourceLocation) {
        let parts = text.split(separator: Self.slot, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { return nil }
        self.kind = kind
        self.text = text
        self.location = location
        prefix = Self.fold(parts[0])
        suffix = Self.fold(parts[1])
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
