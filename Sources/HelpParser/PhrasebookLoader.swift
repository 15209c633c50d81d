internal import HelpModel
internal import Yams

/// Reads a phrasebook file, reporting every bad entry at its own line rather than the first only.
enum PhrasebookLoader {
    static let verbs: [String: Action.Kind] = ["click": .click, "choose": .choose, "tick": .tick]

    /// - Parameter vocabulary: the product's names (`vocabulary.yml`), read as places by the grammar.
    static func load(text: String, file: String, locale: String, vocabulary: ProductVocabulary? = nil) -> (Phrasebook?, [Diagnostic]) {
        let yaml: YAMLDocument
        switch YAMLDocument.compose(text, file: file) {
        case .success(let document): yaml = document
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let start = SourceLocation(line: 1, column: 1)
        guard let root = yaml.root, let sections = root.entries else {
            return (nil, [.error("a phrasebook is a mapping with a 'grammar' and optional 'phrases' and 'claims'", file: file, at: start)])
        }
        var diagnostics: [Diagnostic] = []
        for (key, _) in sections where !["phrases", "grammar", "claims"].contains(key.scalarText ?? "") {
            diagnostics.append(yaml.error("unknown phrasebook section '\(key.scalarText ?? "")'; known: grammar, phrases, claims", at: key))
        }
        func section(_ name: String) -> Node? { sections.first { $0.key.scalarText == name }?.value }
        var entries: [Phrasebook.Entry] = []
        if let phrases = section("phrases") {
            if let items = phrases.items {
                for node in items {
                    if let entry = entry(from: node, yaml: yaml, into: &diagnostics) { entries.append(entry) }
                }
            } else {
                diagnostics.append(yaml.error("'phrases' is a list of {phrase, actions} entries", at: phrases))
            }
        }
        var grammar = section("grammar").map { StepGrammarLoader.grammar(from: $0, yaml: yaml, into: &diagnostics) } ?? StepGrammar()
        if let vocabulary { grammar = ProductVocabularyLoader.adding(vocabulary, to: grammar) }
        if entries.isEmpty, grammar.isEmpty {
            diagnostics.append(.error("the phrasebook reads no step: give it a 'grammar' (verbs, fields, clauses) or 'phrases'", file: file, at: start))
        }
        var claims: [ClaimPattern] = []
        if let claimNodes = section("claims") {
            claims = claimPatterns(from: claimNodes, yaml: yaml, into: &diagnostics)
        }
        // A bad entry is reported and left out; the rest still reads the steps, so one typo in
        // the phrasebook does not hide every step error of the locale.
        return (Phrasebook(locale: locale, file: file, entries: entries, claims: claims, grammar: grammar), diagnostics)
    }

    /// Reads `claims:`, a list of `{claim: "… {n} …", kind: lockout-threshold}` entries (`{password}`
    /// instead of `{n}` for `common-password-refused`).
    private static func claimPatterns(from node: Node, yaml: YAMLDocument, into diagnostics: inout [Diagnostic]) -> [ClaimPattern] {
        let kinds = Claim.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let items = node.items else {
            diagnostics.append(yaml.error("'claims' is a list of {claim: \"… {n} …\", kind: \(kinds)} entries", at: node))
            return []
        }
        var patterns: [ClaimPattern] = []
        for item in items {
            let byKey = Dictionary(
                (item.entries ?? []).compactMap { key, value in key.scalarText.map { ($0, value) } },
                uniquingKeysWith: { first, _ in first })
            guard let textNode = byKey["claim"], let text = textNode.scalarText, let kindNode = byKey["kind"] else {
                diagnostics.append(yaml.error("a claim entry needs 'claim' (a phrase with {n}) and 'kind' (\(kinds))", at: item))
                continue
            }
            guard let kind = kindNode.scalarText.flatMap(Claim.Kind.init(rawValue:)) else {
                diagnostics.append(yaml.error("unknown claim kind '\(kindNode.scalarText ?? "")'; known: \(kinds)", at: kindNode))
                continue
            }
            guard let pattern = ClaimPattern(text, kind: kind, location: yaml.location(of: textNode)) else {
                let message =
                    switch kind.slot {
                    case .number: "a claim phrase holds the number's place once, as {n}"
                    case .password:
                        "a \(kind.rawValue) phrase holds the example's place once, as {password}, followed by the words that end it"
                    }
                diagnostics.append(yaml.error(message, at: textNode))
                continue
            }
            patterns.append(pattern)
        }
        return patterns
    }

    private static func entry(from node: Node, yaml: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Phrasebook.Entry? {
        guard let fields = node.entries else {
            diagnostics.append(yaml.error("each phrase is a mapping: {phrase: \"…\", actions: [...]}", at: node))
            return nil
        }
        let byKey = Dictionary(fields.compactMap { key, value in key.scalarText.map { ($0, value) } }, uniquingKeysWith: { first, _ in first })
        guard let phraseNode = byKey["phrase"], let text = phraseNode.scalarText, !text.isEmpty else {
            diagnostics.append(yaml.error("phrase entry has no 'phrase' text", at: node))
            return nil
        }
        let pattern: PhrasePattern
        do {
            pattern = try PhrasePattern(text)
        } catch {
            diagnostics.append(yaml.error("bad phrase pattern at character \(error.index + 1): \(error.message)", at: phraseNode))
            return nil
        }
        guard let actionNodes = byKey["actions"]?.items, !actionNodes.isEmpty else {
            diagnostics.append(yaml.error("phrase entry needs a non-empty 'actions' list", at: node))
            return nil
        }
        let before = diagnostics.errorCount
        let actions = actionNodes.compactMap { action(from: $0, pattern: pattern, yaml: yaml, into: &diagnostics) }
        guard diagnostics.errorCount == before else { return nil }
        return Phrasebook.Entry(pattern: pattern, text: text, location: yaml.location(of: phraseNode), actions: actions)
    }

    static func action(
        from node: Node, pattern: PhrasePattern, yaml: YAMLDocument, into diagnostics: inout [Diagnostic]
    ) -> Phrasebook.ActionTemplate? {
        let known = "sign-in, follow-email-link, manual, open, click, choose, tick, fill"
        if let word = node.scalarText {
            switch word {
            case "sign-in": return .signIn
            case "follow-email-link": return .followEmailLink
            case "manual": return .manual
            default:
                diagnostics.append(yaml.error("unknown action '\(word)'; known actions: \(known)", at: node))
                return nil
            }
        }
        guard let fields = node.entries else {
            diagnostics.append(yaml.error("an action is a word (sign-in) or a mapping (click: 1)", at: node))
            return nil
        }
        let byKey = Dictionary(fields.compactMap { key, value in key.scalarText.map { ($0, (key, value)) } }, uniquingKeysWith: { first, _ in first })
        func reference(_ key: String) -> Phrasebook.LabelReference?? {
            guard let (_, value) = byKey[key] else { return .some(nil) }
            guard let text = value.scalarText else {
                diagnostics.append(yaml.error("'\(key)' takes a slot number or a quoted label", at: value))
                return nil
            }
            if case .scalar(let scalar) = value, scalar.style == .plain, let slot = Int(text) {
                guard pattern.labelSlots.contains(slot) || pattern.emphasisSlots.contains(slot) else {
                    diagnostics.append(yaml.error("slot \(slot) is not in the phrase; write **{\(slot)}** or *{\(slot)}* in it", at: value))
                    return nil
                }
                return .slot(slot)
            }
            let location = yaml.location(of: value)
            return .fixed(text, SourceRange(at: location))
        }
        func valueKind(_ node: Node) -> ValueKind? {
            if let kind = node.scalarText.flatMap(ValueKind.init(rawValue:)) { return kind }
            let kinds = ValueKind.allCases.map(\.rawValue).joined(separator: ", ")
            diagnostics.append(yaml.error("unknown value kind '\(node.scalarText ?? "")'; known: \(kinds)", at: node))
            return nil
        }
        for (keyText, (keyNode, _)) in byKey where !["click", "choose", "tick", "fill", "open", "within", "beside", "field"].contains(keyText) {
            diagnostics.append(yaml.error("unknown action key '\(keyText)'; known actions: \(known)", at: keyNode))
            return nil
        }
        if let (_, value) = byKey["open"] {
            guard let page = value.scalarText.flatMap(PageName.init(rawValue:)) else {
                let pages = PageName.allCases.map(\.rawValue).joined(separator: ", ")
                diagnostics.append(yaml.error("unknown page '\(value.scalarText ?? "")'; known pages: \(pages)", at: value))
                return nil
            }
            return .open(page)
        }
        if let (_, value) = byKey["fill"] {
            guard let kind = valueKind(value), let field = reference("field") else { return nil }
            return .fill(label: field, value: kind)
        }
        for (verb, kind) in verbs {
            guard byKey[verb] != nil else { continue }
            guard let label = reference(verb), let label, let within = reference("within") else { return nil }
            var beside: ValueKind?
            if let (_, value) = byKey["beside"] {
                guard let kind = valueKind(value) else { return nil }
                beside = kind
            }
            return .target(kind, label: label, within: within, beside: beside)
        }
        diagnostics.append(yaml.error("an action mapping needs one of: open, click, choose, tick, fill", at: node))
        return nil
    }
}
