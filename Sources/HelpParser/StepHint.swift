internal import Foundation
internal import HelpModel

/// The error for a step that does not read, with the hint that fixes it: how far the sentence
/// read, the nearest phrase of the same shape (same number of labels, most words in common) or,
/// when none is close, the entry to paste into the phrasebook.
enum StepHint {
    static func diagnostic(
        for reading: StepReading, sentence: StepSentence, number: Int, phrasebook: Phrasebook, file: String,
        at location: SourceLocation
    ) -> Diagnostic {
        let written = "\"\(sentence.written)\""
        switch reading {
        case .read, .alternative:
            // Not errors: a choice reads as a step for people, warned about (ArticleBodyBuilder).
            return .error("step \(number) reads", file: file, at: location)
        case .ambiguous(let readings):
            let described = readings.prefix(3).enumerated().map { index, reading in
                let actions = (try? phrasebook.actions(of: reading, spans: sentence.spans).get()) ?? []
                return "(\(index + 1)) " + actions.map(\.summary).joined(separator: ", ")
            }
            return .error(
                "step \(number) is ambiguous: \(written) reads \(readings.count) ways: \(described.joined(separator: "; ")); "
                    + "reword it so that one reading is left",
                file: file, at: location)
        case .unread(let readUpTo):
            var message = "step \(number) does not read as any phrase of the \(phrasebook.locale) phrasebook: \(written)"
            message += progress(sentence, readUpTo: readUpTo)
            message += "; reword the step, or add a phrase to \(phrasebook.file)"
            return .error(message, file: file, at: location, notes: [note(for: sentence, phrasebook: phrasebook)])
        }
    }

    /// Whether `diagnostic` is one of the errors this hint and ``ArticleBodyBuilder`` give a step
    /// that does not read, or reads more than one way: "step N does not read as any phrase …",
    /// "step N is ambiguous: …". Each points into the step's sentence.
    static func isReadingError(_ diagnostic: Diagnostic) -> Bool {
        guard diagnostic.severity == .error, diagnostic.code == nil, diagnostic.message.hasPrefix("step ") else { return false }
        let rest = diagnostic.message.dropFirst(5).drop(while: \.isNumber)
        return rest.hasPrefix(" does not read as any phrase ") || rest.hasPrefix(" is ambiguous: ")
    }

    /// "; it reads as far as "cliquez sur **Enregistrer**" and **Tarifs** is left over".
    private static func progress(_ sentence: StepSentence, readUpTo: Int) -> String {
        let tokens = sentence.tokens
        guard readUpTo > 0, readUpTo < tokens.count else { return "" }
        var text = "; it reads as far as \"\(render(tokens[..<readUpTo], sentence.spans).trimmingSpaces)\""
        let leftOver = tokens[readUpTo...].compactMap(\.labelIndex).map { "**\(sentence.spans.labels[$0].text)**" }
        if !leftOver.isEmpty {
            text += " and \(leftOver.joined(separator: ", ")) \(leftOver.count == 1 ? "is" : "are") left over: no verb acts on it"
        } else {
            text += ", not \"\(render(tokens[readUpTo...], sentence.spans).trimmingSpaces)\""
        }
        return text
    }

    private static func note(for sentence: StepSentence, phrasebook: Phrasebook) -> Diagnostic.Note {
        let shape = sentence.tokens.filter { $0.labelIndex != nil }.count
        // The sentence's own words, not its labels' (which no phrase shares).
        let words = Set(words(of: render(sentence.tokens[...], Phrasebook.Spans(
            labels: sentence.spans.labels.map { Label("", origin: $0.origin) },
            emphases: sentence.spans.emphases.map { Label("", origin: $0.origin) }))))
        var best: (example: Example, common: Int, score: Double)?
        for example in phrasebook.hintExamples.get({ examples(phrasebook) }) where example.labels == shape {
            let common = words.intersection(example.words).count
            let score = Double(common) / Double(max(1, words.union(example.words).count))
            if score > (best?.score ?? 0) || (score == best?.score && example.text.count < (best?.example.text.count ?? 0)) {
                best = (example, common, score)
            }
        }
        if let best, best.common * 2 >= words.count {
            return Diagnostic.Note(
                file: phrasebook.file, location: best.example.location, message: "nearest phrase of the same shape: \"\(best.example.text)\"")
        }
        return Diagnostic.Note(
            file: phrasebook.file, location: SourceLocation(line: 1, column: 1),
            message: "no phrase is close; if the step is right, add under 'phrases:' \(pasteReadyEntry(sentence))")
    }

    /// `- {phrase: "Faites glisser **{1}** vers le haut.", actions: [{click: 1}]}`, to paste.
    static func pasteReadyEntry(_ sentence: StepSentence) -> String {
        var phrase = ""
        var actions: [String] = []
        var slot = 0
        for token in sentence.tokens {
            if token.labelIndex != nil || token.emphasisIndex != nil {
                slot += 1
                phrase += token.labelIndex != nil ? "**{\(slot)}**" : "*{\(slot)}*"
                if token.labelIndex != nil { actions.append("{click: \(slot)}") }
            } else if let scalar = Unicode.Scalar(token.raw) {
                let character = Character(scalar)
                if "[]()|*{}\\".contains(character) { phrase += "\\\\" }
                if character == "\"" { phrase += "\\" }
                phrase.append(character)
            }
        }
        if let first = phrase.first { phrase = first.uppercased() + phrase.dropFirst() }
        let list = actions.isEmpty ? "[manual]" : "[\(actions.joined(separator: ", "))]"
        return "- {phrase: \"\(phrase)\", actions: \(list)}"
    }

    struct Example: Sendable {
        let text: String
        let location: SourceLocation
        let labels: Int
        let words: Set<Substring>

        init(_ text: String, at location: SourceLocation) {
            self.text = StepHint.simplest(text)
            self.location = location
            labels = self.text.components(separatedBy: "**{").count - 1
            words = Set(StepHint.words(of: self.text))
        }
    }

    /// Sentences the phrasebook reads, one of each form: its templates and the grammar's parts
    /// combined in their simplest ways.
    private static func examples(_ phrasebook: Phrasebook) -> [Example] {
        let grammar = phrasebook.grammar
        var examples = phrasebook.entries.map { Example($0.text, at: $0.location) }
        let connector = grammar.connectors.first?.text ?? ","
        let again = grammar.repeats.first.map { $0.text + " " } ?? ""
        func withLabel(_ text: String, _ slot: Int) -> String {
            text.replacingOccurrences(of: "{}", with: "**{\(slot)}**")
        }
        for verb in grammar.verbs {
            let pieces = verb.text.replacingOccurrences(of: "...", with: "…").replacingOccurrences(of: "~", with: "")
                .split(separator: "…", omittingEmptySubsequences: false)
            let head = String(pieces[0]).trimmingSpaces
            let tail = pieces.count > 1 ? " " + String(pieces[1]).trimmingSpaces : ""
            func add(_ object: String) {
                let text = head + " " + object + tail + "."
                examples.append(Example(text.trimmingSpaces.prefix(1).uppercased() + text.trimmingSpaces.dropFirst(), at: verb.location))
            }
            switch verb.meaning {
            case .target:
                add("**{1}**")
                add("**{1}** > **{2}**")
                add("**{1}** \(connector) \(again)**{2}**")
                for control in grammar.controls where control.meaning != .field { add(withLabel(control.part.text, 1)) }
                for place in grammar.places where place.meaning != .field {
                    add("**{1}** " + place.part.text.replacingOccurrences(of: "{}", with: "*{2}*"))
                }
            case .fill, .fillTwice, .fillConfirmation:
                for noun in grammar.fieldNouns { add(noun.part.text) }
                for control in grammar.controls where control.meaning == .field { add(withLabel(control.part.text, 1)) }
                if let click = grammar.verbs.first(where: { $0.meaning == .target(.click) }) {
                    for noun in grammar.fieldNouns { add("\(noun.part.text)\(connector) \(click.text) **{1}**") }
                }
            }
        }
        for clause in grammar.clauses {
            let text = clause.part.text + "."
            examples.append(Example(text.prefix(1).uppercased() + text.dropFirst(), at: clause.part.location))
        }
        return examples
    }

    /// A pattern in its simplest wording, as a writer would type it: optional parts left out,
    /// the first of each choice ("Cliquez [(ensuite|alors)] sur **{1}**" → "Cliquez sur **{1}**").
    static func simplest(_ pattern: String) -> String {
        var result = ""
        var optionalDepth = 0
        var skippingAlternative: [Bool] = []
        for character in pattern {
            switch character {
            case "[": optionalDepth += 1
            case "]": optionalDepth = max(0, optionalDepth - 1)
            case "(" where optionalDepth == 0: skippingAlternative.append(false)
            case "|" where optionalDepth == 0 && !skippingAlternative.isEmpty: skippingAlternative[skippingAlternative.count - 1] = true
            case ")" where optionalDepth == 0 && !skippingAlternative.isEmpty: skippingAlternative.removeLast()
            default:
                if optionalDepth == 0, !skippingAlternative.contains(true) { result.append(character) }
            }
        }
        let words = result.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return words.replacingOccurrences(of: " .", with: ".").replacingOccurrences(of: " ,", with: ",")
    }

    /// The folded words of a text, without slots and pattern punctuation.
    private static func words(of text: String) -> [Substring] {
        let folded = String(String.UnicodeScalarView(text.unicodeScalars.map { Unicode.Scalar(PhraseText.fold($0.value)) ?? $0 }))
        return folded.split { !$0.isLetter }.filter { $0.count > 1 }
    }

    private static func render(_ tokens: ArraySlice<PhraseText.Token>, _ spans: Phrasebook.Spans) -> String {
        StepSentence.render(tokens, spans)
    }
}
