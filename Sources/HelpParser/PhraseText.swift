/// The normalised form in which step sentences and phrase patterns are compared.
///
/// Writers type the same sentence in slightly different ways: ’ or ', a non-breaking space before
/// "?", a capital letter after a colon. None of that changes what a step means, so none of it
/// may stop a phrase from reading the step. Work is on Unicode scalars packed in integers:
/// every step of every article goes through here, and `Character` comparison is too slow.
enum PhraseText {
    /// One unit of a sentence being matched: a folded Unicode scalar, or a whole bold/italic span.
    struct Token: Hashable, Sendable {
        let raw: UInt32

        private static let labelTag: UInt32 = 0x8000_0000
        private static let emphasisTag: UInt32 = 0x4000_0000
        private static let tagMask: UInt32 = 0xC000_0000

        static func scalar(_ value: UInt32) -> Token { Token(raw: value) }
        /// The n-th UI label (bold span) of the sentence.
        static func label(_ index: Int) -> Token { Token(raw: labelTag | UInt32(index)) }
        /// The n-th italic span of the sentence.
        static func emphasis(_ index: Int) -> Token { Token(raw: emphasisTag | UInt32(index)) }

        static let space = Token(raw: 0x20)

        var labelIndex: Int? { raw & Self.tagMask == Self.labelTag ? Int(raw & ~Self.tagMask) : nil }
        var emphasisIndex: Int? { raw & Self.tagMask == Self.emphasisTag ? Int(raw & ~Self.tagMask) : nil }
        var isScalar: Bool { raw & Self.tagMask == 0 }
    }

    /// Folds one scalar: lowercase, one apostrophe, one kind of space, one kind of dash.
    static func fold(_ value: UInt32) -> UInt32 {
        if value < 0x80 {
            switch value {
            case 0x41...0x5A: return value + 0x20  // A-Z
            case 0x09, 0x0A, 0x0D: return 0x20
            case 0x60: return 0x27  // ` → '
            default: return value
            }
        }
        switch value {
        case 0x2019, 0x2018, 0x02BC, 0x00B4: return 0x27  // ’ ‘ ʼ ´ → '
        case 0x00A0, 0x202F, 0x2009, 0x2007: return 0x20  // no-break, narrow, thin spaces
        case 0x2013, 0x2014: return 0x2D  // – — → -
        case 0x00C0...0x00DE where value != 0x00D7: return value + 0x20  // Latin-1 capitals
        case 0x00DF...0x00FF, 0x2000...0x206F: return value  // Latin-1 small letters, punctuation
        default:
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased,
                let lower = scalar.properties.lowercaseMapping.unicodeScalars.first
            else { return value }
            return lower.value
        }
    }

    /// Folds scalars and fixes spacing: runs of spaces become one, none at either end, none
    /// before `? ! : ;`; empty parentheses go.
    static func normalize<Tokens: Collection<Token>>(_ tokens: Tokens) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        for token in tokens {
            guard token.isScalar else {
                result.append(token)
                continue
            }
            let value = fold(token.raw)
            if value == 0x20 {
                if result.isEmpty || result.last == .space { continue }
            } else if value == 0x3F || value == 0x21 || value == 0x3A || value == 0x3B, result.last == .space {
                result.removeLast()  // ? ! : ;
            } else if value == 0x29, let open = result.lastIndex(where: { $0 != .space }), result[open] == .scalar(0x28) {
                // "a green checkbox ( )": parentheses around an icon the text cannot show say nothing.
                result.removeSubrange(open...)
                if result.last == .space { result.removeLast() }
                continue
            }
            result.append(.scalar(value))
        }
        if result.last == .space { result.removeLast() }
        return result
    }

    /// Whether a match may end between `position - 1` and `position`: not inside a word, so
    /// that "et" never matches the start of "etc" and "sur" not that of "surtout".
    static func isBoundary(_ tokens: [Token], _ position: Int) -> Bool {
        guard position > 0, position < tokens.count else { return true }
        return !(isWordScalar(tokens[position - 1]) && isWordScalar(tokens[position]))
    }

    /// "(" or ")": an aside (`{…}`) stays within its parentheses.
    static func isParenthesis(_ token: Token) -> Bool {
        token.raw == 0x28 || token.raw == 0x29
    }

    /// A letter or a digit of a word (the apostrophe and the hyphen end words: "l'" + "onglet").
    static func isWordScalar(_ token: Token) -> Bool {
        guard token.isScalar else { return false }
        let value = token.raw
        if value < 0x80 {
            return (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        }
        if value <= 0xFF { return value >= 0xC0 && value != 0xD7 && value != 0xF7 }  // Latin-1 letters
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic
    }

    static func append(_ text: String, to tokens: inout [Token]) {
        var text = text
        text.withUTF8 { bytes in
            // ASCII bytes are their own scalars; decode only what is not ASCII.
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    tokens.append(Token(raw: UInt32(byte)))
                    index += 1
                    continue
                }
                let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                for offset in 1..<width where index + offset < bytes.count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                tokens.append(Token(raw: value))
                index += width
            }
        }
    }

    /// Text folded as sentences are, as a plain string key ("Se connecter" → "se connecter").
    static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for token in normalize(tokens(text)) { if let scalar = Unicode.Scalar(token.raw) { scalars.append(scalar) } }
        return String(scalars)
    }

    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        append(text, to: &tokens)
        return tokens
    }
}
