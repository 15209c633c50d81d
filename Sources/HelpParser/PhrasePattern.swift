/// A compiled phrase of a phrasebook: literal words, label slots, optional parts, alternatives.
///
/// Syntax (documented for writers in each phrasebook's header): `**{1}**` a bold label slot,
/// `*{2}*` an italic slot, `[words]` optional, `(a|b)` alternatives, `\` escapes `[ ] ( ) | *`.
/// Grammar parts add three forms: `{}` stands for one label, bold or italic (slot 1), `…`
/// (or `...`) for any words without a label, as in "pour …", and `{…}` for any words labels
/// included, within one pair of parentheses: an aside or a thing to look at whose labels no
/// verb acts on ("(for example, *Login*)", "confirm that the **Email** option is on").
struct PhrasePattern: Sendable {
    indirect enum Element: Sendable {
        case literal([PhraseText.Token])
        case label(slot: Int)
        case emphasis(slot: Int)
        /// A bold or an italic span: the label of a grammar part (`le bouton {}`).
        case span(slot: Int)
        /// Any words without a label, at least one: "pour …" (`[…]` for none or more).
        case wildcard
        /// Any words, labels among them, not crossing a parenthesis: `{…}`. Its labels are read
        /// as mentioned, not acted on, and it counts as loose like `…`.
        case aside
        case optional([Element])
        case choice([[Element]])
        /// One of a set of names, looked up rather than tried one by one.
        case names(PhraseNames)
    }

    struct SyntaxError: Error {
        /// 0-based index of the character in the pattern where the problem is.
        var index: Int
        var message: String
    }

    let elements: [Element]
    /// The literal text every match starts with, checked before the full match: most steps
    /// are ruled out by their first word, and a phrasebook is tried pattern by pattern.
    private let requiredPrefix: [PhraseText.Token]
    /// Slot numbers of bold labels and of italic spans used in the pattern.
    let labelSlots: Set<Int>
    let emphasisSlots: Set<Int>

    init(_ text: String, grammarPart: Bool = false) throws(SyntaxError) {
        var parser = Parser(characters: Array(text), grammarPart: grammarPart)
        let elements = try parser.parseSequence(until: [])
        self.elements = Self.normalized(elements)
        if case .literal(let literal) = self.elements.first {
            requiredPrefix = Array(literal.prefix { $0 != .space })
        } else {
            requiredPrefix = []
        }
        labelSlots = parser.labelSlots
        emphasisSlots = parser.emphasisSlots
    }

    /// A grammar part around a set of names: `prefix`, one of `names`, then `suffix` (each
    /// written in the pattern syntax), as one pattern however many names there are.
    init(_ prefix: String, names: [String], _ suffix: String) throws(SyntaxError) {
        var before = Parser(characters: Array(prefix), grammarPart: true)
        var after = Parser(characters: Array(suffix), grammarPart: true)
        var tokens: [[PhraseText.Token]] = []
        for name in names {
            var literal: [PhraseText.Token] = []
            PhraseText.append(name, to: &literal)
            guard case .literal(let folded)? = Self.normalized([.literal(literal)]).first else { continue }
            // Spaces around the name belong to the pattern, not to the name.
            tokens.append(Array(folded.drop { $0 == .space }.reversed().drop { $0 == .space }.reversed()))
        }
        let elements = Self.normalized(try before.parseSequence(until: []))
            + [.names(PhraseNames(tokens))] + Self.normalized(try after.parseSequence(until: []))
        self.elements = elements
        if case .literal(let literal) = elements.first {
            requiredPrefix = Array(literal.prefix { $0 != .space })
        } else {
            requiredPrefix = []
        }
        labelSlots = before.labelSlots.union(after.labelSlots)
        emphasisSlots = before.emphasisSlots.union(after.emphasisSlots)
    }

    /// Bindings of slots to the sentence's bold and italic spans, by index.
    struct Match: Sendable {
        var labels: [Int: Int] = [:]
        var emphases: [Int: Int] = [:]
        /// Tokens a wildcard took: a reading that explains more of the sentence with specific
        /// words is preferred to one that lets "…" swallow it.
        var loose = 0
    }

    /// Matches the whole of a normalised sentence, or returns nil.
    func match(_ tokens: [PhraseText.Token]) -> Match? {
        guard tokens.starts(with: requiredPrefix) else { return nil }
        return Self.match(elements[...], tokens, 0, Match()) { position, match in
            position == tokens.count ? match : nil
        }
    }

    /// Every way the pattern matches the tokens from `start` on, ending at a word boundary:
    /// the grammar tries each end, so "votre mot de passe" and "votre mot de passe actuel" both
    /// stay possible until the rest of the sentence decides.
    func prefixMatches(_ tokens: [PhraseText.Token], from start: Int, allowEmpty: Bool = false) -> [(end: Int, match: Match)] {
        if !requiredPrefix.isEmpty {
            guard start + requiredPrefix.count <= tokens.count,
                tokens[start..<(start + requiredPrefix.count)].elementsEqual(requiredPrefix)
            else { return [] }
        }
        var found: [(end: Int, match: Match)] = []
        _ = Self.match(elements[...], tokens, start, Match()) { position, match in
            if position > start || allowEmpty, PhraseText.isBoundary(tokens, position),
                !found.contains(where: { $0.end == position })
            {
                found.append((position, match))
            }
            return nil
        }
        return found
    }

    private static func match(
        _ elements: ArraySlice<Element>, _ tokens: [PhraseText.Token], _ position: Int, _ bindings: Match,
        then continuation: (Int, Match) -> Match?
    ) -> Match? {
        guard let first = elements.first else { return continuation(position, bindings) }
        let rest = elements.dropFirst()
        switch first {
        case .literal(let literal):
            guard let end = matchLiteral(literal, tokens, position) else { return nil }
            return match(rest, tokens, end, bindings, then: continuation)
        case .label(let slot):
            guard position < tokens.count, let index = tokens[position].labelIndex else { return nil }
            var bound = bindings
            bound.labels[slot] = index
            return match(rest, tokens, position + 1, bound, then: continuation)
        case .emphasis(let slot):
            guard position < tokens.count, let index = tokens[position].emphasisIndex else { return nil }
            var bound = bindings
            bound.emphases[slot] = index
            return match(rest, tokens, position + 1, bound, then: continuation)
        case .span(let slot):
            guard position < tokens.count else { return nil }
            var bound = bindings
            if let index = tokens[position].labelIndex {
                bound.labels[slot] = index
            } else if let index = tokens[position].emphasisIndex {
                bound.emphases[slot] = index
            } else {
                return nil
            }
            return match(rest, tokens, position + 1, bound, then: continuation)
        case .wildcard, .aside:
            // `…` takes words only; `{…}` labels too, but stays within its parentheses.
            let takesLabels = if case .aside = first { true } else { false }
            var end = position
            var holdsWord = false
            while true {
                var bound = bindings
                bound.loose += end - position
                if holdsWord, tokens[end - 1] != .space, PhraseText.isBoundary(tokens, end),
                    let result = match(rest, tokens, end, bound, then: continuation)
                {
                    return result
                }
                guard end < tokens.count else { return nil }
                let token = tokens[end]
                if takesLabels {
                    guard !PhraseText.isParenthesis(token) else { return nil }
                    holdsWord = holdsWord || !token.isScalar || PhraseText.isWordScalar(token)
                } else {
                    guard token.isScalar else { return nil }
                    holdsWord = holdsWord || PhraseText.isWordScalar(token)
                }
                end += 1
            }
        case .optional(let inner):
            let taken = match(inner[...], tokens, position, bindings) { end, bound in
                match(rest, tokens, end, bound, then: continuation)
            }
            return taken ?? match(rest, tokens, position, bindings, then: continuation)
        case .choice(let alternatives):
            for alternative in alternatives {
                let result = match(alternative[...], tokens, position, bindings) { end, bound in
                    match(rest, tokens, end, bound, then: continuation)
                }
                if let result { return result }
            }
            return nil
        case .names(let names):
            for end in names.ends(in: tokens, from: position) where end > position {
                if let result = match(rest, tokens, end, bindings, then: continuation) { return result }
            }
            return nil
        }
    }

    /// Matches literal text; a space in the pattern may also match nothing at a token boundary
    /// where the sentence has none (`**{1}** .` against `**X**.`), never inside a word ("copy …"
    /// does not match "copying").
    private static func matchLiteral(_ literal: [PhraseText.Token], _ tokens: [PhraseText.Token], _ start: Int) -> Int? {
        var position = start
        for token in literal {
            if position < tokens.count, tokens[position] == token {
                position += 1
            } else if token == .space, PhraseText.isBoundary(tokens, position) {
                continue
            } else {
                return nil
            }
        }
        return position
    }

    /// Normalises literal runs like sentences are normalised, so both sides compare alike.
    private static func normalized(_ elements: [Element]) -> [Element] {
        elements.map { element in
            switch element {
            case .literal(let tokens):
                var folded = PhraseText.normalize(tokens)
                // normalize() trims; keep the spaces that separate this run from its neighbours.
                if let first = tokens.first, PhraseText.fold(first.raw) == 0x20, !folded.isEmpty {
                    folded.insert(.space, at: 0)
                }
                if let last = tokens.last, PhraseText.fold(last.raw) == 0x20, !folded.isEmpty {
                    folded.append(.space)
                }
                if folded.isEmpty, !tokens.isEmpty { folded = [.space] }
                return .literal(folded)
            case .optional(let inner): return .optional(normalized(inner))
            case .choice(let alternatives): return .choice(alternatives.map { normalized($0) })
            case .label, .emphasis, .span, .wildcard, .aside, .names: return element
            }
        }
    }

    private struct Parser {
        let characters: [Character]
        let grammarPart: Bool
        var index = 0
        var labelSlots: Set<Int> = []
        var emphasisSlots: Set<Int> = []

        init(characters: [Character], grammarPart: Bool) {
            self.characters = characters
            self.grammarPart = grammarPart
        }

        mutating func parseSequence(until terminators: Set<Character>) throws(SyntaxError) -> [Element] {
            var elements: [Element] = []
            var literal: [PhraseText.Token] = []
            func flush() {
                if !literal.isEmpty { elements.append(.literal(literal)) }
                literal = []
            }
            while index < characters.count {
                let character = characters[index]
                if terminators.contains(character) { break }
                switch character {
                case "\\":
                    guard index + 1 < characters.count else { throw SyntaxError(index: index, message: "'\\' at the end escapes nothing") }
                    PhraseText.append(String(characters[index + 1]), to: &literal)
                    index += 2
                case "*":
                    flush()
                    elements.append(try parseSlot())
                case "[":
                    flush()
                    let open = index
                    index += 1
                    let inner = try parseSequence(until: ["]"])
                    guard index < characters.count else { throw SyntaxError(index: open, message: "'[' is never closed by ']'") }
                    index += 1
                    elements.append(.optional(inner))
                case "(":
                    flush()
                    elements.append(try parseChoice())
                case "]", ")", "|":
                    throw SyntaxError(index: index, message: "unexpected '\(character)'; write '\\\(character)' for the character itself")
                case "{" where grammarPart && characters[index...].starts(with: ["{", "…", "}"]):
                    flush()
                    elements.append(.aside)
                    index += 3
                case "{" where grammarPart && characters[index...].starts(with: Array("{...}")):
                    flush()
                    elements.append(.aside)
                    index += 5
                case "{" where grammarPart && index + 1 < characters.count && characters[index + 1] == "}":
                    flush()
                    guard !labelSlots.contains(1) else { throw SyntaxError(index: index, message: "a grammar part holds one label '{}'") }
                    labelSlots.insert(1)
                    elements.append(.span(slot: 1))
                    index += 2
                case "…" where grammarPart:
                    flush()
                    elements.append(.wildcard)
                    index += 1
                case "." where grammarPart && index + 2 < characters.count && characters[index + 1] == "." && characters[index + 2] == ".":
                    flush()
                    elements.append(.wildcard)
                    index += 3
                case "{":
                    let form = grammarPart ? "{} (a label)" : "**{n}** (bold label) or *{n}* (italic text)"
                    throw SyntaxError(index: index, message: "a slot must be written \(form)")
                default:
                    PhraseText.append(String(character), to: &literal)
                    index += 1
                }
            }
            flush()
            return elements
        }

        private mutating func parseChoice() throws(SyntaxError) -> Element {
            let open = index
            index += 1
            var alternatives: [[Element]] = []
            while true {
                alternatives.append(try parseSequence(until: ["|", ")"]))
                guard index < characters.count else { throw SyntaxError(index: open, message: "'(' is never closed by ')'") }
                let terminator = characters[index]
                index += 1
                if terminator == ")" { break }
            }
            guard alternatives.count > 1 else {
                throw SyntaxError(index: open, message: "'(…)' needs alternatives separated by '|'; write '\\(' for a parenthesis")
            }
            return .choice(alternatives)
        }

        /// Reads `**{n}**` or `*{n}*` starting at a `*`.
        private mutating func parseSlot() throws(SyntaxError) -> Element {
            let start = index
            let isBold = index + 1 < characters.count && characters[index + 1] == "*"
            let stars = isBold ? 2 : 1
            let expected = Array(String(repeating: "*", count: stars) + "{")
            var cursor = index
            for character in expected {
                guard cursor < characters.count, characters[cursor] == character else {
                    throw SyntaxError(index: start, message: "'*' starts a slot **{n}** or *{n}*; write '\\*' for an asterisk")
                }
                cursor += 1
            }
            guard cursor < characters.count, let slot = characters[cursor].wholeNumberValue, slot >= 1 else {
                throw SyntaxError(index: cursor, message: "a slot number is a digit from 1 to 9")
            }
            cursor += 1
            for character in Array("}" + String(repeating: "*", count: stars)) {
                guard cursor < characters.count, characters[cursor] == character else {
                    throw SyntaxError(index: start, message: "slot is not closed; write \(isBold ? "**{\(slot)}**" : "*{\(slot)}*")")
                }
                cursor += 1
            }
            guard !labelSlots.contains(slot), !emphasisSlots.contains(slot) else {
                throw SyntaxError(index: start, message: "slot \(slot) is used twice; number each slot once")
            }
            index = cursor
            if isBold {
                labelSlots.insert(slot)
                return .label(slot: slot)
            }
            emphasisSlots.insert(slot)
            return .emphasis(slot: slot)
        }
    }
}
