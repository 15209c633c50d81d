internal import HelpModel

/// Reads one step sentence with a locale's ``StepGrammar``.
///
/// It finds every way the grammar's parts cover the whole sentence, not the first: a sentence
/// with two different readings is refused as ambiguous, because a misread step is worse than an
/// unread one (the checker would verify something the writer did not mean).
///
/// The sentence is `[purpose] clause (connector clause)* [purpose] [. ! :]`, where a clause is
/// a fixed clause, a people-only or looking clause, or a verb with its objects: labels (alone or
/// inside a control noun, followed by places) for click, choose and tick; fields (nouns of the
/// vocabulary, or a field control) for fill. A place may also open the clause ("Dans l'onglet
/// **X**, …").
struct StepReader {
    typealias Token = PhraseText.Token
    typealias SpanReference = ReadAction.SpanReference

    let grammar: StepGrammar
    let tokens: [Token]
    /// The furthest token index a reading of the sentence's beginning reached.
    private(set) var furthest = 0

    /// A reading of part of the sentence, up to `end`.
    private struct Piece {
        var end: Int
        var actions: [ReadAction]
        /// How many fields a fill list named (a field label applies to one only).
        var fields = 0
        /// Tokens taken by wildcards ("pour …"): the reading that leaves fewer to them wins.
        var loose = 0
        /// The kind of the verb the clause starts with, which a connector may carry on
        /// ("Cliquez sur le lien de l'e-mail, puis sur **Accepter**").
        var verb: Action.Kind?
    }

    /// What a place at the start of a clause gives the actions of that clause.
    private struct Context {
        var within: SpanReference?
        var row: ValueKind?
        var field: SpanReference?

        var isEmpty: Bool { within == nil && row == nil && field == nil }
    }

    /// The purposes and conditions that may close a clause (written without their comma), and
    /// the asides in parentheses among those purposes: picked once per sentence, not per clause.
    private let closingPurposes: [StepGrammar.Part]
    private let closingAsides: [StepGrammar.Part]
    private let closingConditions: [StepGrammar.Part]

    private init(grammar: StepGrammar, tokens: [Token]) {
        self.grammar = grammar
        self.tokens = tokens
        closingPurposes = grammar.purposes.filter { !$0.text.hasSuffix(",") }
        closingAsides = closingPurposes.filter { $0.text.hasPrefix("\\(") && $0.text.hasSuffix("\\)") }
        closingConditions = grammar.conditions.filter { !$0.text.hasSuffix(",") }
    }

    /// `choices` is the grammar with its alternatives read as lists
    /// (``StepGrammar/alternativesAsLists``): a sentence with an "or" that reads in it is a choice.
    static func read(_ tokens: [Token], grammar: StepGrammar, choices: StepGrammar) -> StepReading {
        var reader = StepReader(grammar: grammar, tokens: tokens)
        let readings = reader.readings()
        // "Cierre sesión o, simplemente, cierre el navegador": a choice between two actions.
        if !readings.isEmpty, let word = reader.alternativeBeforeClause() { return .alternative(word: word) }
        if readings.count == 1 { return .read(readings[0]) }
        if readings.count > 1 { return .ambiguous(readings) }
        let furthest = reader.furthest
        // "**A** ou **B**", "votre e-mail ou votre nom": a choice, when the sentence reads with the
        // alternative as a list; otherwise it does not read, and the hint says how far it got.
        if let word = reader.alternativeWord() {
            var choice = StepReader(grammar: choices, tokens: tokens)
            if !choice.readings().isEmpty { return .alternative(word: word) }
        }
        return .unread(readUpTo: furthest)
    }

    // MARK: Sentence and clauses

    /// The distinct readings of the whole sentence that leave the fewest words to wildcards.
    private mutating func readings() -> [[ReadAction]] {
        var complete: [(actions: [ReadAction], loose: Int)] = []
        let start = skip(0)
        var starts = [(position: start, loose: 0, conditional: false)]
        for purpose in matches(grammar.purposes.filter(Self.opens), at: start) {
            starts.append((skip(purpose.end), purpose.match.loose, false))
        }
        // "If prompted, click **Yes**", "(If self-hosting) Review …": the step is for some readers
        // only. "If you're trialing the plan for a business:" introduces the steps nested under it.
        for condition in grammar.conditions {
            for (end, match) in condition.pattern.prefixMatches(tokens, from: start) {
                if Self.opensStep(condition) { starts.append((skip(end), match.loose, true)) }
                if introducesList(at: end) { complete.append(([.conditional], match.loose)) }
            }
        }
        for start in starts {
            for reading in sequence(at: start.position) {
                let actions = start.conditional ? [.conditional] + reading.actions : reading.actions
                complete.append((Self.normalized(actions), reading.loose + start.loose))
            }
        }
        guard let least = complete.map(\.loose).min() else { return [] }
        var found: [[ReadAction]] = []
        var seen: Set<[ReadAction]> = []
        for reading in complete where reading.loose == least && seen.insert(reading.actions).inserted {
            found.append(reading.actions)
        }
        found = found.filter(fillsEachFieldOnce)
        // A reading that names its controls wins over one that reads them as plain words:
        // "In the **Server URL** field, enter the domain" types into Server URL.
        if found.contains(where: { !$0.contains(.unlabelled) }) { found.removeAll { $0.contains(.unlabelled) } }
        // A condition makes a step one for people, whatever it reads as inside; a reading without
        // one wins ("when prompted" is a place of "Enter it when prompted", not a condition).
        if found.contains(where: { $0.contains(.conditional) }) {
            let unconditional = found.filter { !$0.contains(.conditional) }
            return unconditional.isEmpty ? [[.conditional]] : unconditional
        }
        let onOneForm = found.filter(fillsOneForm)
        return onOneForm.isEmpty ? found : onOneForm
    }

    /// Whether a reading types into each field once: "Crea una contraseña nueva y escríbela en los
    /// dos campos" does not type the new password three times.
    private func fillsEachFieldOnce(_ reading: [ReadAction]) -> Bool {
        var seen: Set<String> = []
        for case .fill(let label?, _) in reading {
            let key = switch label {
            case .fixed(let text, _): PhraseText.folded(text)
            case .label(let index): "label \(index)"
            case .emphasis(let index): "emphasis \(index)"
            }
            if !seen.insert(key).inserted { return false }
        }
        return true
    }

    /// Whether the fields a reading fills can all be on one form of the product.
    private func fillsOneForm(_ reading: [ReadAction]) -> Bool {
        var common: Set<String>?
        for action in reading {
            guard let forms = grammar.forms(of: action) else { continue }
            common = common.map { $0.intersection(forms) } ?? forms
        }
        return common.map { !$0.isEmpty } ?? true
    }

    /// Clauses from `position` to the end of the sentence.
    private mutating func sequence(at position: Int) -> [Piece] {
        var readings: [Piece] = []
        for piece in clause(at: position, context: Context()) {
            for rest in continuation(at: piece.end, verb: piece.verb) {
                readings.append(Piece(end: rest.end, actions: piece.actions + rest.actions, loose: piece.loose + rest.loose))
            }
        }
        return readings
    }

    /// What may follow a clause: the end, a closing purpose, or a connector and another clause
    /// (or more labels for the verb the clause started with: "puis sur **B**").
    private mutating func continuation(at end: Int, verb: Action.Kind?, afterPurpose: Bool = false) -> [Piece] {
        let position = skip(end)
        furthest = max(furthest, position)
        var readings: [Piece] = []
        if isEnd(position) { readings.append(Piece(end: position, actions: [])) }
        // "… pour continuer", ", um die Einladung zu verschicken", then the end or another clause;
        // after a purpose, only an aside in parentheses: "to create (for example, *Login*)".
        let opening = afterComma(position)
        for purpose in matches(afterPurpose ? closingAsides : closingPurposes, at: opening)
        where !holdsInstruction(from: opening, to: purpose.end) {
            for rest in continuation(at: purpose.end, verb: verb, afterPurpose: true) {
                readings.append(Piece(end: rest.end, actions: rest.actions, loose: purpose.match.loose + rest.loose))
            }
        }
        if !afterPurpose {
            // "Click **Add user** if the person has no account yet."
            for condition in matches(closingConditions, at: opening) where !holdsInstruction(from: opening, to: condition.end) {
                for rest in continuation(at: condition.end, verb: verb, afterPurpose: true) {
                    readings.append(Piece(end: rest.end, actions: [.conditional] + rest.actions, loose: condition.match.loose + rest.loose))
                }
            }
        }
        for connector in matches(connectors, at: position) {
            let next = skip(connector.end)
            readings += sequence(at: next)
            guard let verb else { continue }
            for start in [next] + matches(grammar.repeats, at: next).map({ skip($0.end) }) {
                for objects in objects(at: start, kind: verb, context: Context()) {
                    for rest in continuation(at: objects.end, verb: verb) {
                        readings.append(Piece(end: rest.end, actions: objects.actions + rest.actions, loose: objects.loose + rest.loose))
                    }
                }
            }
        }
        return readings
    }


    /// Whether a condition may open a sentence: one written with its comma ("If prompted,") or
    /// set off in parentheses ("(If self-hosting)"), which may close one too.
    static func opensStep(_ condition: StepGrammar.Part) -> Bool {
        condition.text.hasSuffix(",") || (condition.text.hasPrefix("\\(") && condition.text.hasSuffix("\\)"))
    }

    /// Whether a purpose may open a sentence: one written with its comma ("To …,"), or a fixed
    /// aside in parentheses ("(Optional) Enter …"); "(…)" with any words may hold a condition,
    /// "(If self-hosting)", and only closes one.
    static func opens(_ purpose: StepGrammar.Part) -> Bool {
        purpose.text.hasSuffix(",") || (purpose.text.hasPrefix("\\(") && purpose.text.hasSuffix("\\)") && !purpose.text.contains("…"))
    }

    /// Whether the words a purpose took from `start` to `end` hold a connector and a clause after
    /// it: "Sign in to your account and open the Users page" is two instructions, not a sign-in
    /// with a long purpose (the second would go unchecked). "… to add and remove users" is one.
    private func holdsInstruction(from start: Int, to end: Int) -> Bool {
        for position in start..<end where PhraseText.isBoundary(tokens, position) {
            for connector in matches(connectors, at: position) where connector.end < end {
                if startsClause(at: afterComma(skip(connector.end))) { return true }
            }
        }
        return false
    }

    /// The position after a comma at `position`, if there is one (", situé à côté de …").
    private func afterComma(_ position: Int) -> Int {
        position < tokens.count && tokens[position] == .scalar(0x2C) ? skip(position + 1) : position
    }

    private mutating func clause(at position: Int, context: Context) -> [Piece] {
        var pieces: [Piece] = []
        if context.isEmpty {
            for place in grammar.places {
                for found in place.part.pattern.prefixMatches(tokens, from: position) {
                    var next = skip(found.end)
                    let comma = next < tokens.count && tokens[next] == .scalar(0x2C)
                    if comma { next = skip(next + 1) }
                    // "On the **Invite User** panel:": a place that introduces the steps nested
                    // under it, which are read on their own; the step itself is for people.
                    if introducesList(at: next) { pieces.append(Piece(end: next, actions: [], loose: found.match.loose)) }
                    if place.isOpenEnded, !comma { continue }
                    var opening = Context()
                    switch place.meaning {
                    case .within: opening.within = span(found.match)
                    case .row(let value): opening.row = value
                    case .field: opening.field = span(found.match)
                    case .page: break
                    }
                    pieces += clause(at: next, context: opening)
                }
            }
        }
        let leadingVerb = leadingTargetVerb(at: position)
        for fixed in grammar.clauses {
            for found in fixed.part.pattern.prefixMatches(tokens, from: position) {
                pieces.append(Piece(
                    end: found.end, actions: fixed.actions.map { Self.resolve($0, found.match) }, loose: found.match.loose,
                    verb: leadingVerb))
            }
        }
        // After any opening place too: "In the **Sync** section, configure the options you need",
        // "From the **Region** dropdown, select your region". A person does it where it says.
        // A label they name may start a list of them: "Take note of your **Issuer URL** and **SSO URL**".
        for found in matches(grammar.manual, at: position) {
            for end in mentionedLabelEnds(found.end) { pieces.append(Piece(end: end, actions: [.manual], loose: found.match.loose)) }
        }
        for found in matches(grammar.look, at: position) {
            for end in mentionedLabelEnds(found.end) { pieces.append(Piece(end: end, actions: [], loose: found.match.loose)) }
        }
        for found in matches(grammar.unlabelled, at: position) {
            pieces.append(Piece(end: found.end, actions: [.unlabelled], loose: found.match.loose))
        }
        for verb in grammar.verbs {
            let heads = verb.head.map { $0.pattern.prefixMatches(tokens, from: position).map(\.end) } ?? [position]
            for head in heads {
                for opening in verbPlaces(after: head, verb: verb, context: context) {
                    pieces += verbClause(verb, objectsAt: opening.position, context: opening.context)
                }
            }
        }
        return pieces
    }

    /// Where a verb's object may start: right after its head, or (for a verb written with `~`)
    /// after places and the verb's middle ("Klicken Sie | im Menü *X* | auf | **Y**").
    private func verbPlaces(after head: Int, verb: StepGrammar.Verb, context: Context) -> [(position: Int, context: Context)] {
        guard verb.allowsPlaces else { return [(skip(head), context)] }
        var starts = [(position: head, context: context)]
        var frontier = starts
        for _ in 0..<2 {
            var next: [(position: Int, context: Context)] = []
            for start in frontier {
                for place in grammar.places {
                    for found in place.part.pattern.prefixMatches(tokens, from: skip(start.position)) {
                        var opened = start.context
                        switch place.meaning {
                        case .within: opened.within = span(found.match)
                        case .row(let value): opened.row = value
                        case .field: opened.field = span(found.match)
                        case .page: break
                        }
                        next.append((found.end, opened))
                    }
                }
            }
            starts += next
            frontier = next
        }
        guard let middle = verb.middle else { return starts.map { (skip($0.position), $0.context) } }
        return starts.flatMap { start in
            middle.pattern.prefixMatches(tokens, from: skip(start.position)).map { (skip($0.end), start.context) }
        }
    }

    /// A verb's objects (labels or fields) from `position`, then the verb's tail.
    private mutating func verbClause(_ verb: StepGrammar.Verb, objectsAt position: Int, context: Context) -> [Piece] {
        var kind: Action.Kind?
        let bodies: [Piece]
        switch verb.meaning {
        case .target(let target):
            kind = target
            let lists = objects(at: position, kind: target, context: context)
            bodies = lists + lists.flatMap { list in
                matches(grammar.pluralCheckboxes, at: skip(list.end)).map { closer in
                    Piece(end: closer.end, actions: list.actions.map(Self.ticked), loose: list.loose)
                }
            }
        case .fill, .fillTwice, .fillConfirmation:
            bodies = fills(at: position, verb: verb.meaning, context: context)
        }
        var pieces: [Piece] = []
        for body in bodies {
            guard let tail = verb.tail else {
                pieces.append(Piece(end: body.end, actions: body.actions, loose: body.loose, verb: kind))
                continue
            }
            for end in tail.pattern.prefixMatches(tokens, from: skip(body.end), allowEmpty: true) {
                pieces.append(Piece(end: end.end, actions: body.actions, loose: body.loose, verb: kind))
            }
        }
        return pieces
    }

    /// The kind of the target verb a clause starts with, if it starts with one.
    private func leadingTargetVerb(at position: Int) -> Action.Kind? {
        for verb in grammar.verbs {
            guard case .target(let kind) = verb.meaning, let head = verb.head else { continue }
            if !head.pattern.prefixMatches(tokens, from: position).isEmpty { return kind }
        }
        return nil
    }

    // MARK: Labels: click, choose, tick

    /// One or more objects of a verb: `**A** > **B**`, `**A**, **B** et **C**`, `**A** puis sur **B**`.
    private mutating func objects(at position: Int, kind: Action.Kind, context: Context) -> [Piece] {
        var pieces: [Piece] = []
        for first in object(at: position, kind: kind, context: context) {
            pieces.append(first)
            let after = skip(first.end)
            // "la case **A** et **B**": the labels after the first are of its kind.
            var kind = kind
            if case .target(let firstKind, _, _, _) = first.actions.last { kind = firstKind }
            for separator in matches(grammar.paths + grammar.lists + connectors, at: after) {
                let next = skip(separator.end)
                let starts = [next] + matches(grammar.repeats, at: next).map { skip($0.end) }
                for start in starts {
                    // A place before the verb names where the first label is ("in the row of …").
                    for more in objects(at: start, kind: kind, context: Context()) {
                        pieces.append(Piece(end: more.end, actions: first.actions + more.actions, loose: first.loose + more.loose))
                    }
                }
            }
        }
        return pieces
    }

    /// A label, alone or inside a control noun, then the places that narrow it.
    private mutating func object(at position: Int, kind: Action.Kind, context: Context) -> [Piece] {
        var heads: [(end: Int, label: SpanReference, kind: Action.Kind)] = []
        if let label = spanReference(at: position) { heads.append((position + 1, label, kind)) }
        for control in grammar.controls where control.meaning != .field {
            for found in control.part.pattern.prefixMatches(tokens, from: position) {
                guard let label = span(found.match) else { continue }
                heads.append((found.end, label, control.meaning == .checkbox ? .tick : kind))
            }
        }
        var pieces: [Piece] = []
        for head in heads {
            for placed in places(after: head.end, within: context.within, row: context.row, depth: 0) {
                pieces.append(Piece(
                    end: placed.end, actions: [.target(head.kind, label: head.label, within: placed.within, beside: placed.row)],
                    loose: placed.loose))
            }
        }
        return pieces
    }

    /// No place, or one or two of them: "dans le menu *X*", "à côté de l'ancien identifiant".
    private func places(
        after end: Int, within: SpanReference?, row: ValueKind?, depth: Int
    ) -> [(end: Int, within: SpanReference?, row: ValueKind?, loose: Int)] {
        var results = [(end: end, within: within, row: row, loose: 0)]
        guard depth < 2 else { return results }
        let position = afterComma(skip(end))
        for place in grammar.places where place.meaning != .field {
            for found in place.part.pattern.prefixMatches(tokens, from: position) {
                var newWithin = within
                var newRow = row
                switch place.meaning {
                case .within:
                    guard within == nil else { continue }
                    newWithin = span(found.match)
                case .row(let value):
                    guard row == nil else { continue }
                    newRow = value
                case .page, .field: break
                }
                results += places(after: found.end, within: newWithin, row: newRow, depth: depth + 1).map {
                    ($0.end, $0.within, $0.row, $0.loose + found.match.loose)
                }
            }
        }
        return results
    }

    // MARK: Fields: fill

    /// The fields of a fill verb. A field label may come from a place before the clause or
    /// right after the verb ("Geben Sie im Feld **X** … ein"); then any words may name the value.
    private mutating func fills(at position: Int, verb: StepGrammar.VerbMeaning, context: Context) -> [Piece] {
        var starts: [(position: Int, label: SpanReference?)] = [(position, context.field)]
        if context.field == nil {
            for place in grammar.places where place.meaning == .field {
                for found in place.part.pattern.prefixMatches(tokens, from: position) {
                    starts.append((skip(found.end), span(found.match)))
                }
            }
        }
        var pieces: [Piece] = []
        for start in starts {
            var lists = fieldList(at: start.position, verb: verb)
            lists += lists.flatMap { list in
                matches(grammar.pluralFields, at: skip(list.end)).map { closer in
                    Piece(end: closer.end, actions: list.actions, fields: list.fields, loose: list.loose)
                }
            }
            for list in lists {
                if let label = start.label {
                    if let piece = labelled(list, label: label) { pieces.append(piece) }
                } else {
                    pieces.append(list)
                }
            }
            // "Dans le champ **Nom**, indiquez le nom complet de la personne."
            if let label = start.label {
                for end in looseEnds(from: start.position) {
                    pieces.append(Piece(end: end, actions: [.fill(label: label, value: nil)], fields: 1, loose: end - start.position))
                }
            }
        }
        return pieces
    }

    private static func ticked(_ action: ReadAction) -> ReadAction {
        guard case .target(_, let label, let within, let beside) = action else { return action }
        return .target(.tick, label: label, within: within, beside: beside)
    }

    /// A one-field fill list given the writer's label: the value kind stays the noun's.
    private func labelled(_ list: Piece, label: SpanReference) -> Piece? {
        // A label names one field: with several, which one it names is a guess.
        guard list.fields == 1, list.actions.count == 1, case .fill(_, let value) = list.actions[0] else { return nil }
        return Piece(end: list.end, actions: [.fill(label: label, value: value)], fields: 1, loose: list.loose)
    }

    private mutating func fieldList(at position: Int, verb: StepGrammar.VerbMeaning, later: Bool = false) -> [Piece] {
        var pieces: [Piece] = []
        var firsts = field(at: position, verb: verb)
        // "Geben Sie **Name** ein": type into the field, or type the text? Read, then refused.
        if !later, verb == .fill, let label = spanReference(at: position) {
            firsts.append(Piece(end: position + 1, actions: [.fill(label: label, value: .text)], fields: 1))
        }
        // "les champs **Nom** et **Adresse e-mail**": after the first field, a label alone names one.
        if later, verb == .fill, let label = spanReference(at: position) {
            firsts.append(Piece(end: position + 1, actions: [.fill(label: label, value: nil)], fields: 1))
        }
        for first in firsts {
            pieces.append(first)
            for separator in matches(grammar.lists, at: skip(first.end)) {
                for more in fieldList(at: skip(separator.end), verb: verb, later: true) {
                    pieces.append(Piece(
                        end: more.end, actions: first.actions + more.actions, fields: first.fields + more.fields,
                        loose: first.loose + more.loose))
                }
            }
        }
        return pieces
    }

    /// `[2 fois] votre nouveau mot de passe [2 fois] [de l'utilisateur] [dans le champ **X**]`,
    /// `le champ **Nom**`, or any words followed by `dans le champ **X**`.
    private func field(at position: Int, verb: StepGrammar.VerbMeaning, placed: Bool = false) -> [Piece] {
        var named: [Piece] = []
        // "im Feld **Name** den Namen": the field's place before its noun.
        for place in grammar.places where place.meaning == .field {
            for found in place.part.pattern.prefixMatches(tokens, from: position) {
                guard let label = span(found.match) else { continue }
                for noun in field(at: skip(found.end), verb: verb, placed: true) {
                    if let piece = labelled(noun, label: label) { named.append(piece) }
                }
            }
        }
        let starts = [(position, false)] + matches(grammar.twice, at: position).map { (skip($0.end), true) }
        for (start, twiceBefore) in starts {
            for noun in grammar.fieldNouns {
                for found in noun.part.pattern.prefixMatches(tokens, from: start) {
                    var ends = [(found.end, twiceBefore)]
                    if !twiceBefore { ends += matches(grammar.twice, at: skip(found.end)).map { ($0.end, true) } }
                    for (end, twice) in ends {
                        guard let actions = fillActions(noun.field, verb: twice ? .fillTwice : verb) else { continue }
                        named.append(Piece(end: end, actions: actions, fields: 1, loose: found.match.loose))
                        for owner in matches(grammar.owners, at: skip(end)) {
                            named.append(Piece(end: owner.end, actions: actions, fields: 1, loose: found.match.loose + owner.match.loose))
                        }
                    }
                }
            }
        }
        if verb == .fill {
            for control in grammar.controls where control.meaning == .field {
                for found in control.part.pattern.prefixMatches(tokens, from: position) {
                    guard let label = span(found.match) else { continue }
                    named.append(Piece(end: found.end, actions: [.fill(label: label, value: nil)], fields: 1))
                }
            }
        }
        guard !placed else { return named }
        // Each field may say where it goes: "… le nom dans le champ **Nom** et son adresse …".
        var pieces = named
        var candidates = named.map { (piece: $0, byNoun: true) }
        for end in looseEnds(from: position) {
            candidates.append((Piece(end: end, actions: [], fields: 1, loose: end - position), false))
        }
        for candidate in candidates where candidate.byNoun {
            // "in the **New password** and **Confirm new password** fields": one value, its fields.
            guard candidate.piece.actions.count >= 1, case .fill(_, let value) = candidate.piece.actions[0] else { continue }
            for opener in matches(grammar.fieldListOpeners, at: skip(candidate.piece.end)) {
                for labels in labelList(at: skip(opener.end)) where labels.labels.count >= 2 {
                    let ends = [labels.end] + matches(grammar.pluralFields, at: skip(labels.end)).map(\.end)
                    for end in ends {
                        pieces.append(Piece(
                            end: end, actions: labels.labels.map { .fill(label: $0, value: value) }, fields: labels.labels.count,
                            loose: candidate.piece.loose))
                    }
                }
            }
        }
        for candidate in candidates {
            for place in grammar.places where place.meaning == .field {
                for found in place.part.pattern.prefixMatches(tokens, from: skip(candidate.piece.end)) {
                    guard let label = span(found.match) else { continue }
                    if candidate.byNoun {
                        guard let piece = labelled(Piece(
                            end: found.end, actions: candidate.piece.actions, fields: 1, loose: candidate.piece.loose), label: label)
                        else { continue }
                        pieces.append(piece)
                    } else {
                        let value: ValueKind? = nil
                        pieces.append(Piece(end: found.end, actions: [.fill(label: label, value: value)], fields: 1, loose: candidate.piece.loose))
                    }
                }
            }
        }
        return pieces
    }

    /// Where a people-only or looking clause that matched up to `end` may end: there, or, when it
    /// ends on a label it names, after each longer list of labels (`lists`) that label opens.
    private func mentionedLabelEnds(_ end: Int) -> [Int] {
        var last = end - 1
        while last > 0, tokens[last] == .space { last -= 1 }
        guard last >= 0, spanReference(at: last) != nil else { return [end] }
        return [end] + labelList(at: last).dropFirst().map(\.end)
    }

    /// Labels joined by list words: `**A** et **B**`.
    private func labelList(at position: Int) -> [(end: Int, labels: [SpanReference])] {
        guard let first = spanReference(at: position) else { return [] }
        var results = [(end: position + 1, labels: [first])]
        for separator in matches(grammar.lists, at: skip(position + 1)) {
            for more in labelList(at: skip(separator.end)) { results.append((more.end, [first] + more.labels)) }
        }
        return results
    }

    private func fillActions(_ index: Int, verb: StepGrammar.VerbMeaning) -> [ReadAction]? {
        let field = grammar.fields[index]
        let label = field.label.map { SpanReference.fixed($0, field.location) }
        let confirm = field.confirm.map { SpanReference.fixed($0, field.confirmLocation ?? field.location) }
        switch verb {
        case .fillTwice:
            guard let confirm else { return nil }
            return [.fill(label: label, value: field.value), .fill(label: confirm, value: field.value)]
        case .fillConfirmation:
            guard let confirm else { return nil }
            return [.fill(label: confirm, value: field.value)]
        case .fill, .target:
            return [.fill(label: label, value: field.value)]
        }
    }

    /// Where words without a label may end from `position` on (at least one word).
    private func looseEnds(from position: Int) -> [Int] {
        var ends: [Int] = []
        var end = position
        while end < tokens.count, tokens[end].isScalar {
            end += 1
            if PhraseText.isBoundary(tokens, end), tokens[end - 1] != .space { ends.append(end) }
        }
        return ends
    }

    // MARK: Helpers

    private var connectors: [StepGrammar.Part] { grammar.connectors }

    private func matches(_ parts: [StepGrammar.Part], at position: Int) -> [(end: Int, match: PhrasePattern.Match)] {
        parts.flatMap { $0.pattern.prefixMatches(tokens, from: position) }
    }

    /// An alternative word followed, within a few words, by the start of a clause ("o, simplemente,
    /// cierre …"): the step offers two things to do. "par téléphone ou par e-mail" does not.
    private func alternativeBeforeClause() -> String? {
        for found in alternatives() {
            var start = skip(found.end)
            for _ in 0..<4 {
                if startsClause(at: afterComma(start)) { return found.text }
                guard let next = nextWord(after: afterComma(start)) else { break }
                start = next
            }
        }
        return nil
    }

    /// Every alternative word of the sentence that offers a choice, grammar part by part, with
    /// where it ends. The asides are looked for only once a word is found: most steps have none,
    /// and every step that reads comes through here.
    private func alternatives() -> [(text: String, end: Int)] {
        var found: [(text: String, end: Int, position: Int)] = []
        for part in grammar.alternatives {
            for position in tokens.indices where PhraseText.isBoundary(tokens, position) {
                for match in part.pattern.prefixMatches(tokens, from: position) { found.append((part.text, match.end, position)) }
            }
        }
        guard !found.isEmpty else { return [] }
        let aside = asideTokens()
        return found.filter { !aside.contains($0.position) }.map { ($0.text, $0.end) }
    }

    private func startsClause(at position: Int) -> Bool {
        grammar.clauseOpenings.contains { !$0.pattern.prefixMatches(tokens, from: position).isEmpty }
    }

    /// The start of the word after the one at `position`.
    private func nextWord(after position: Int) -> Int? {
        var index = position
        while index < tokens.count, PhraseText.isWordScalar(tokens[index]) { index += 1 }
        guard index > position else { return nil }
        let next = afterComma(skip(index))
        return next < tokens.count ? next : nil
    }

    /// The first alternative word ("ou") of a sentence that does not read, if any.
    private func alternativeWord() -> String? {
        alternatives().first?.text
    }

    /// The tokens where an alternative offers no choice: inside parentheses that name no label
    /// (an aside: "choose a **File Format** (.json, .csv, or .json)"; "(or **Users**)" is a
    /// choice), and inside a `not-choices` phrase ("tap or press").
    private func asideTokens() -> Set<Int> {
        var aside: Set<Int> = []
        var open: [Int] = []
        for (index, token) in tokens.enumerated() {
            if token == .scalar(0x28) {
                open.append(index)
            } else if token == .scalar(0x29), let start = open.popLast(), open.isEmpty,
                !tokens[start..<index].contains(where: { !$0.isScalar })
            {
                aside.formUnion(start..<index)
            }
        }
        for part in grammar.notChoices {
            for position in tokens.indices where PhraseText.isBoundary(tokens, position) {
                for found in part.pattern.prefixMatches(tokens, from: position) { aside.formUnion(position..<found.end) }
            }
        }
        return aside
    }

    private func skip(_ position: Int) -> Int {
        var position = position
        while position < tokens.count, tokens[position] == .space { position += 1 }
        return position
    }

    /// Whether only a colon (and spaces) is left from `position`.
    private func introducesList(at position: Int) -> Bool {
        position < tokens.count && tokens[position...].contains(.scalar(0x3A))
            && tokens[position...].allSatisfy { $0 == .space || $0 == .scalar(0x3A) }
    }

    /// Only closing punctuation left: `.`, `!`, `:` or `…`.
    private func isEnd(_ position: Int) -> Bool {
        tokens[position...].allSatisfy { token in
            token == .space || [0x2E, 0x21, 0x3A, 0x2026].contains(token.raw)
        }
    }

    private func spanReference(at position: Int) -> SpanReference? {
        guard position < tokens.count else { return nil }
        if let index = tokens[position].labelIndex { return .label(index) }
        if let index = tokens[position].emphasisIndex { return .emphasis(index) }
        return nil
    }

    /// The label a grammar part's `{}` bound.
    private func span(_ match: PhrasePattern.Match) -> SpanReference? {
        if let index = match.labels[1] { return .label(index) }
        if let index = match.emphases[1] { return .emphasis(index) }
        return nil
    }

    /// A fixed clause's or a sentence template's action, its slots bound to the sentence's spans.
    static func resolve(_ template: Phrasebook.ActionTemplate, _ match: PhrasePattern.Match) -> ReadAction {
        func reference(_ reference: Phrasebook.LabelReference) -> SpanReference {
            switch reference {
            case .slot(let slot):
                if let index = match.labels[slot] { return .label(index) }
                if let index = match.emphases[slot] { return .emphasis(index) }
                return .fixed("", SourceLocation(line: 1, column: 1))
            case .fixed(let text, let range):
                return .fixed(text, range.start)
            }
        }
        switch template {
        case .signIn: return .signIn
        case .followEmailLink: return .followEmailLink
        case .manual: return .manual
        case .open(let page): return .open(page)
        case .fill(let label, let value): return .fill(label: label.map(reference), value: value)
        case .target(let kind, let label, let within, let beside):
            return .target(kind, label: reference(label), within: within.map(reference), beside: beside)
        }
    }

    /// Steps that only look read as people-only; consecutive people-only clauses are one.
    private static func normalized(_ reading: [ReadAction]) -> [ReadAction] {
        var result: [ReadAction] = []
        for action in reading where !(action == .manual && result.last == .manual) {
            result.append(action)
        }
        return result.isEmpty ? [.manual] : result
    }
}
