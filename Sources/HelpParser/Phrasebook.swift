internal import HelpModel

/// How the step sentences of one locale read as actions: data written by the docs team.
///
/// Loaded from `content/<locale>/phrasebook.yml` by ``PhrasebookLoader``: sentence templates
/// (`phrases:`, tried in order, the first that matches the whole sentence wins) for the odd
/// sentence, and a ``StepGrammar`` (`grammar:`) for the way writers combine their words.
///
/// A class: every step of every article reads through it, and copying a value this size (the
/// grammar's two dozen lists) on each step cost a retain per list.
public final class Phrasebook: Sendable {
    public let locale: String
    public let file: String
    let entries: [Entry]
    /// Patterns that find the facts the prose states ("{n} fois sans succès").
    let claims: [ClaimPattern]
    /// The parts step sentences are made of (`grammar:`), read when no sentence template matches.
    let grammar: StepGrammar
    let cache = ReadingCache()
    let labelKinds = LabelKindCache()
    /// The sentences a hint compares an unread step with (``StepHint``), made once.
    let hintExamples = OnceValue<[StepHint.Example]>()

    /// The grammar with its alternatives as lists, which tells a choice from a sentence that does not read.
    let choiceGrammar: StepGrammar

    init(locale: String, file: String, entries: [Entry], claims: [ClaimPattern], grammar: StepGrammar) {
        self.locale = locale
        self.file = file
        self.entries = entries
        self.claims = claims
        self.grammar = grammar
        self.choiceGrammar = grammar.alternativesAsLists
    }

    /// A label an action names: a slot of the sentence, or text the phrasebook itself gives.
    enum LabelReference: Sendable {
        case slot(Int)
        case fixed(String, SourceRange)
    }

    enum ActionTemplate: Sendable {
        case signIn
        case followEmailLink
        case manual
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

    /// How the step sentences are read: a sentence template first, then the grammar. The
    /// reading of each sentence form is cached (a help center repeats its forms thousands of times).
    func reading(of tokens: [PhraseText.Token]) -> StepReading {
        if let cached = cache.reading(for: tokens) { return cached }
        let reading = read(tokens)
        cache.store(reading, for: tokens)
        return reading
    }

    private func read(_ tokens: [PhraseText.Token]) -> StepReading {
        for entry in entries {
            guard let match = entry.pattern.match(tokens) else { continue }
            return .read(entry.actions.map { StepReader.resolve($0, match) })
        }
        return StepReader.read(tokens, grammar: grammar, choices: choiceGrammar)
    }

    /// An ambiguity between fields settled by the button the step presses: the fields a step
    /// fills and the button it presses are on one form ("votre mot de passe" + **Se connecter**).
    func resolved(_ reading: StepReading, spans: Spans) -> StepReading {
        guard case .ambiguous(let readings) = reading, !grammar.formButtons.isEmpty else { return reading }
        let fitting = readings.filter { reading in
            var forms: Set<String>?
            for action in reading {
                switch action {
                case .fill:
                    guard let fieldForms = grammar.forms(of: action) else { continue }
                    forms = forms.map { $0.intersection(fieldForms) } ?? fieldForms
                case .target(.click, .label(let index), _, _), .target(.choose, .label(let index), _, _):
                    let text = PhraseText.folded(spans.labels[index].text)
                    let owning = Set(grammar.formButtons.filter { $0.value.contains(text) }.keys)
                    guard !owning.isEmpty else { continue }
                    forms = forms.map { $0.intersection(owning) } ?? owning
                default: continue
                }
            }
            return forms.map { !$0.isEmpty } ?? true
        }
        return fitting.count == 1 ? .read(fitting[0]) : reading
    }

    /// Why a reading's labels cannot stand.
    enum LabelProblem: Error {
        /// Fields the vocabulary does not know: "le champ **Prénom**"; every one of the step, so
        /// that a writer (or the importer, which adds them) learns of all of them at once.
        case unknownFields([Label])
        /// A field's label (or a heading) used as a button: type into it or press it? ("Cliquez sur **Nom**").
        case fieldAsControl(Label)
        /// A label alone after a fill verb: type into that field, or type that text?
        case unclearValue(Label)
    }

    /// The actions of a reading, its references replaced by the sentence's labels.
    func actions(of reading: [ReadAction], spans: Spans) -> Result<[Action], LabelProblem> {
        var actions: [Action] = []
        var unknown: [Label] = []
        for action in reading {
            switch action {
            case .signIn: actions.append(.signIn)
            case .followEmailLink: actions.append(.followEmailLink)
            case .manual, .unlabelled, .conditional: actions.append(.manual)
            case .open(let page): actions.append(.open(page))
            case .target(let kind, let reference, let within, let beside):
                let target = Action.Target(label(reference, spans), within: within.map { label($0, spans) }, beside: beside)
                if kind != .tick, case .label = reference, labelKinds.kind(of: target.label.text, in: grammar) != .other {
                    return .failure(.fieldAsControl(target.label))
                }
                switch kind {
                case .choose: actions.append(.choose(target))
                case .tick: actions.append(.tick(target))
                default: actions.append(.click(target))
                }
            case .fill(let reference, let value):
                let fieldLabel = reference.map { label($0, spans) }
                if value == .text, let fieldLabel, case .label = reference {
                    return .failure(.unclearValue(fieldLabel))
                }
                if let value {
                    actions.append(.fill(Action.Field(label: fieldLabel, value: value)))
                } else if let fieldLabel, case .field(let index) = labelKinds.kind(of: fieldLabel.text, in: grammar) {
                    actions.append(.fill(Action.Field(label: fieldLabel, value: grammar.fields[index].value)))
                } else if let fieldLabel {
                    unknown.append(fieldLabel)
                }
            }
        }
        return unknown.isEmpty ? .success(actions) : .failure(.unknownFields(unknown))
    }

    /// Whether a sentence opens the way this locale's instructions do: with a verb of the
    /// grammar (its words before the object), a fixed clause, a `look` or `manual` clause, or
    /// one of those after a purpose ("To …, click"); or it is a whole phrase of `phrases:`.
    ///
    /// What tells a numbered list of facts or options from a procedure the grammar cannot read
    /// yet (``ArticleBodyBuilder`` suggests `<!-- list -->` for the former): the locale's own
    /// verbs decide, so it holds in every language the phrasebook is written for.
    func opensLikeInstruction(_ tokens: [PhraseText.Token]) -> Bool {
        guard !tokens.isEmpty else { return false }
        if entries.contains(where: { $0.pattern.match(tokens) != nil }) { return true }
        var starts = [0]
        // After a purpose ("To …, click"), a condition ("If you use Duo, generate …"), a place ("In
        // the **Sync** section, configure …"), or two of them: each one that can open a step, an
        // open-ended place with its comma, as the reader takes them.
        let openers = grammar.purposes.filter(StepReader.opens).map { ($0.pattern, false) }
            + grammar.conditions.filter(StepReader.opensStep).map { ($0.pattern, false) }
            + grammar.places.map { ($0.part.pattern, $0.isOpenEnded) }
        for _ in 0..<2 {
            for start in starts {
                for (opener, needsComma) in openers {
                    for (end, _) in opener.prefixMatches(tokens, from: start) {
                        var next = end
                        var comma = false
                        while next < tokens.count, tokens[next] == .space || tokens[next] == .scalar(0x2C) {
                            comma = comma || tokens[next] == .scalar(0x2C)
                            next += 1
                        }
                        if needsComma, !comma { continue }
                        if next < tokens.count, !starts.contains(next) { starts.append(next) }
                    }
                }
            }
        }
        let openings = grammar.clauseOpenings + grammar.look
        return starts.contains { start in
            openings.contains { !$0.pattern.prefixMatches(tokens, from: start).isEmpty }
        }
    }

    /// Whether a sentence opens with a path of labels, "**Settings** > **Account**": controls
    /// named in the order they are clicked, a step without its verb.
    func opensWithLabelPath(_ tokens: [PhraseText.Token]) -> Bool {
        guard tokens.first?.labelIndex != nil else { return false }
        var next = 1
        while next < tokens.count, tokens[next] == .space { next += 1 }
        return grammar.paths.contains { !$0.pattern.prefixMatches(tokens, from: next).isEmpty }
    }

    private func label(_ reference: ReadAction.SpanReference, _ spans: Spans) -> Label {
        switch reference {
        case .label(let index): spans.labels[index]
        case .emphasis(let index): spans.emphases[index]
        case .fixed(let text, let location):
            // A field of the vocabulary is shown at its line of vocabulary.yml.
            Label(text, origin: .phrasebook(file: grammar.field(named: text, at: location)?.file ?? file, range: SourceRange(at: location)))
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
