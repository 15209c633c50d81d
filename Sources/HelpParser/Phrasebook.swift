internal import HelpModel

/// How the step sentences of one locale read as actions: data written by the docs team.
///
/// Loaded from `content/<locale>/phrasebook.yml` by ``PhrasebookLoader``. Entries are tried in
/// order and the first whose pattern matches the whole sentence gives the step's actions.
public struct Phrasebook: Sendable {
    public let locale: String
    public let file: String
    let entries: [Entry]
    /// Patterns that find the facts the prose states ("{n} fois sans succès").
    let claims: [ClaimPattern]

    /// A label an action names: a slot of the sentence, or text the phrasebook itself gives.
    enum LabelReference: Sendable {
        case slot(Int)
        case fixed(String, SourceRange)
    }

    enum ActionTemplate: Sendable {
        case signIn
        case followEmailLink
        case open(PageName)
        case target(Action.Kind, label: LabelReference, within: LabelReference?, beside: ValueKind?)
        case fill(label: LabelReference?, value: ValueKind)
    }

    struct Entry: Sendable {
        let pattern: PhrasePattern
        /// The pattern as written, for hints.
        let text: String
        let location: SourceLocation
        let actions: [ActionTemplate]
    }

    /// The bold and italic spans of a sentence, by order of appearance.
    struct Spans {
        var labels: [Label] = []
        var emphases: [Label] = []
    }

    /// The actions of the first entry that reads the sentence, or nil when none does.
    func actions(for tokens: [PhraseText.Token], spans: Spans) -> [Action]? {
        for entry in entries {
            guard let match = entry.pattern.match(tokens) else { continue }
            return entry.actions.map { instantiate($0, match: match, spans: spans) }
        }
        return nil
    }

    /// The entry whose pattern is closest to the sentence, to suggest when none reads it.
    func nearestEntry(to sentence: String) -> Entry? {
        let target = Array(sentence.lowercased())
        return entries.min { lhs, rhs in
            editDistance(target, Array(lhs.text.lowercased())) < editDistance(target, Array(rhs.text.lowercased()))
        }
    }

    private func instantiate(_ template: ActionTemplate, match: PhrasePattern.Match, spans: Spans) -> Action {
        func label(_ reference: LabelReference) -> Label {
            switch reference {
            case .slot(let slot):
                if let index = match.labels[slot] { return spans.labels[index] }
                if let index = match.emphases[slot] { return spans.emphases[index] }
                // The loader checks that every referenced slot is in the pattern; an optional
                // part that was skipped leaves it unbound.
                return Label("", origin: .phrasebook(file: file, range: SourceRange(at: SourceLocation(line: 1, column: 1))))
            case .fixed(let text, let range):
                return Label(text, origin: .phrasebook(file: file, range: range))
            }
        }
        switch template {
        case .signIn: return .signIn
        case .followEmailLink: return .followEmailLink
        case .open(let page): return .open(page)
        case .fill(let reference, let value):
            return .fill(Action.Field(label: reference.map(label), value: value))
        case .target(let kind, let reference, let within, let beside):
            let target = Action.Target(label(reference), within: within.map(label), beside: beside)
            switch kind {
            case .choose: return .choose(target)
            case .tick: return .tick(target)
            default: return .click(target)
            }
        }
    }
}

/// Levenshtein distance over characters, for "did you mean" hints.
func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
    if lhs.isEmpty { return rhs.count }
    if rhs.isEmpty { return lhs.count }
    var previous = Array(0...rhs.count)
    var current = [Int](repeating: 0, count: rhs.count + 1)
    for (i, left) in lhs.enumerated() {
        current[0] = i + 1
        for (j, right) in rhs.enumerated() {
            current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[rhs.count]
}
