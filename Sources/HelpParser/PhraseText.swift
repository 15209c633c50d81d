/// The normalised form in which step sentences and phrase patterns are compared.
///
/// Writers type the same sentence in slightly different ways: ’ or ', a non-breaking space before
/// "?", a capital letter after a colon. None of that changes what a step means, so none of it
/// may stop a phrase from reading the step.
enum PhraseText {
    /// One unit of a sentence being matched: a character, or a whole bold/italic span.
    enum Token: Equatable {
        case character(Character)
        /// The n-th UI label (bold span) of the sentence.
        case label(Int)
        /// The n-th italic span of the sentence.
        case emphasis(Int)
    }

    /// Folds one character: lowercase, one apostrophe, one kind of space.
    static func fold(_ character: Character) -> Character {
        switch character {
        case "’", "‘", "ʼ", "´", "`": "'"
        case "\u{00A0}", "\u{202F}", "\u{2009}", "\t", "\n", "\r": " "
        case "–", "—": "-"
        default:
            character.isUppercase ? Character(character.lowercased()) : character
        }
    }

    /// Folds characters and fixes spacing: runs of spaces become one, none at either end, none
    /// before `? ! : ;`.
    static func normalize(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        for token in tokens {
            guard case .character(let raw) = token else {
                result.append(token)
                continue
            }
            let character = fold(raw)
            if character == " " {
                if result.isEmpty || result.last == .character(" ") { continue }
            } else if "?!:;".contains(character), result.last == .character(" ") {
                result.removeLast()
            }
            result.append(.character(character))
        }
        if result.last == .character(" ") { result.removeLast() }
        return result
    }

    static func characters(_ text: String) -> [Token] {
        text.map(Token.character)
    }
}
