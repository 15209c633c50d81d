internal import Foundation
internal import HelpModel
internal import Yams

/// Reads the `grammar:` section of a phrasebook, every bad entry reported at its own line and
/// left out, so the rest of the grammar still reads the locale's steps.
enum StepGrammarLoader {
    /// The lists of patterns a grammar has, and what each is for (the phrasebook header says the same).
    nonisolated(unsafe) private static let partLists: [String: WritableKeyPath<StepGrammar, [StepGrammar.Part]>] = [
        "connectors": \.connectors, "lists": \.lists, "paths": \.paths, "repeat": \.repeats,
        "alternatives": \.alternatives, "not-choices": \.notChoices, "owners": \.owners, "twice": \.twice, "purposes": \.purposes,
        "conditions": \.conditions,
        "look": \.look, "manual": \.manual, "unlabelled": \.unlabelled,
        "plural-checkboxes": \.pluralCheckboxes, "plural-fields": \.pluralFields, "field-lists": \.fieldListOpeners,
    ]
    private static let controlLists: [String: StepGrammar.Control.Meaning] = [
        "controls": .control, "checkboxes": .checkbox, "field-controls": .field,
    ]
    private static let placeLists: [String: StepGrammar.Place.Meaning] = ["within": .within, "pages": .page, "in-field": .field]
    private static let verbMeanings: [String: StepGrammar.VerbMeaning] = [
        "click": .target(.click), "choose": .target(.choose), "tick": .target(.tick), "fill": .fill, "fill-twice": .fillTwice,
        "fill-confirmation": .fillConfirmation,
    ]
    /// The parts that may name a label they do not act on: "locate the **Danger Zone** section"
    /// (look), "hover over **Reports**" (manual). The label is shown on the page like any other;
    /// no action takes it, so the checker neither clicks it nor fails on it. A condition may name
    /// one too ("if **Two-step login** is on,"), and so may the place of an unlabelled verb's
    /// object ("select a report from the **Reports** section": the report has no label).
    private static let partsMentioningLabels: Set<String> = ["look", "manual", "conditions", "unlabelled"]

    static var knownKeys: [String] {
        (Array(partLists.keys) + Array(controlLists.keys) + Array(placeLists.keys) + ["verbs", "rows", "fields", "clauses", "forms", "not-controls"]).sorted()
    }

    static func grammar(from node: Node, yaml: YAMLDocument, into diagnostics: inout [Diagnostic]) -> StepGrammar {
        var grammar = StepGrammar()
        guard let entries = node.entries else {
            diagnostics.append(yaml.error("'grammar' is a mapping of parts: \(knownKeys.joined(separator: ", "))", at: node))
            return grammar
        }
        var loader = Loader(yaml: yaml)
        for (key, value) in entries {
            let name = key.scalarText ?? ""
            if let path = partLists[name] {
                let label: Loader.LabelRule = partsMentioningLabels.contains(name) ? .optional : .forbidden
                grammar[keyPath: path] += loader.parts(value, name: name, label: label)
            } else if let meaning = controlLists[name] {
                grammar.controls += loader.parts(value, name: name, label: .required).map { StepGrammar.Control(part: $0, meaning: meaning) }
            } else if let meaning = placeLists[name] {
                let label: Loader.LabelRule = meaning == .page ? .optional : .required
                grammar.places += loader.parts(value, name: name, label: label).map { StepGrammar.Place(part: $0, meaning: meaning) }
            } else if name == "rows" {
                grammar.places += loader.rows(value)
            } else if name == "verbs" {
                grammar.verbs += loader.verbs(value)
            } else if name == "fields" {
                loader.fields(value, into: &grammar)
            } else if name == "not-controls" {
                grammar.notControls = Set((value.items ?? []).compactMap(\.scalarText).map(PhraseText.folded))
            } else if name == "forms" {
                grammar.formButtons = loader.forms(value)
            } else if name == "clauses" {
                grammar.clauses += loader.clauses(value)
            } else {
                loader.diagnostics.append(yaml.error("unknown grammar part '\(name)'; known: \(knownKeys.joined(separator: ", "))", at: key))
            }
        }
        diagnostics += loader.diagnostics
        return grammar
    }

    private struct Loader {
        let yaml: YAMLDocument
        var diagnostics: [Diagnostic] = []

        init(yaml: YAMLDocument) { self.yaml = yaml }

        enum LabelRule { case forbidden, optional, required }

        mutating func part(_ node: Node, name: String, label: LabelRule = .forbidden) -> StepGrammar.Part? {
            guard let text = node.scalarText, !text.isEmpty else {
                diagnostics.append(yaml.error("each entry of '\(name)' is a phrase in quotes", at: node))
                return nil
            }
            let pattern: PhrasePattern
            do {
                pattern = try PhrasePattern(text, grammarPart: true)
            } catch {
                diagnostics.append(yaml.error("bad pattern in '\(name)' at character \(error.index + 1): \(error.message)", at: node))
                return nil
            }
            let hasLabel = !pattern.labelSlots.isEmpty || !pattern.emphasisSlots.isEmpty
            switch label {
            case .required where !hasLabel:
                diagnostics.append(yaml.error("an entry of '\(name)' says where the label goes with {}: \"\(text) {}\"", at: node))
                return nil
            case .forbidden where hasLabel:
                diagnostics.append(yaml.error("an entry of '\(name)' holds no label; remove {} or the slot", at: node))
                return nil
            default:
                return StepGrammar.Part(pattern: pattern, text: text, location: yaml.location(of: node))
            }
        }

        mutating func parts(_ node: Node, name: String, label: LabelRule = .forbidden) -> [StepGrammar.Part] {
            guard let items = node.items else {
                diagnostics.append(yaml.error("'\(name)' is a list of phrases: [\"…\", \"…\"]", at: node))
                return []
            }
            return items.compactMap { part($0, name: name, label: label) }
        }

        /// `click: ["cliquez sur", …]`; German verbs in two pieces: `"wählen sie … [aus]"`.
        mutating func verbs(_ node: Node) -> [StepGrammar.Verb] {
            let known = verbMeanings.keys.sorted().joined(separator: ", ")
            guard let entries = node.entries else {
                diagnostics.append(yaml.error("'verbs' maps an action (\(known)) to its verbs", at: node))
                return []
            }
            var verbs: [StepGrammar.Verb] = []
            for (key, value) in entries {
                guard let meaning = verbMeanings[key.scalarText ?? ""] else {
                    diagnostics.append(yaml.error("unknown verb action '\(key.scalarText ?? "")'; known: \(known)", at: key))
                    continue
                }
                guard let items = value.items else {
                    diagnostics.append(yaml.error("'\(key.scalarText ?? "")' is a list of verbs", at: value))
                    continue
                }
                for item in items {
                    guard let text = item.scalarText else {
                        diagnostics.append(yaml.error("a verb is a phrase in quotes", at: item))
                        continue
                    }
                    let pieces = text.replacingOccurrences(of: "...", with: "…").split(separator: "…", maxSplits: 1, omittingEmptySubsequences: false)
                    let before = pieces[0].split(separator: "~", maxSplits: 1, omittingEmptySubsequences: false)
                    func piece(_ text: Substring?) -> (ok: Bool, part: StepGrammar.Part?) {
                        guard let text = text.map({ String($0).trimmingSpaces }), !text.isEmpty else { return (true, nil) }
                        guard let part = compile(text, at: item, name: "verbs") else { return (false, nil) }
                        return (true, part)
                    }
                    let head = piece(before[0])
                    let middle = piece(before.count == 2 ? before[1] : nil)
                    let tail = piece(pieces.count == 2 ? pieces[1] : nil)
                    guard head.ok, middle.ok, tail.ok else { continue }
                    guard head.part != nil || tail.part != nil else {
                        diagnostics.append(yaml.error("a verb needs words before or after its object", at: item))
                        continue
                    }
                    verbs.append(StepGrammar.Verb(
                        head: head.part, allowsPlaces: before.count == 2, middle: middle.part, tail: tail.part, meaning: meaning, text: text, location: yaml.location(of: item)))
                }
            }
            return verbs
        }

        private mutating func compile(_ text: String, at node: Node, name: String) -> StepGrammar.Part? {
            do {
                let pattern = try PhrasePattern(text, grammarPart: false)
                return StepGrammar.Part(pattern: pattern, text: text, location: yaml.location(of: node))
            } catch {
                diagnostics.append(yaml.error("bad pattern in '\(name)' at character \(error.index + 1): \(error.message)", at: node))
                return nil
            }
        }

        /// `rows: {previous-username: ["à côté de l'ancien identifiant"]}`: the row that shows a value.
        mutating func rows(_ node: Node) -> [StepGrammar.Place] {
            guard let entries = node.entries else {
                diagnostics.append(yaml.error("'rows' maps a value kind to the phrases that name its row", at: node))
                return []
            }
            var places: [StepGrammar.Place] = []
            for (key, value) in entries {
                guard let kind = valueKind(key) else { continue }
                places += parts(value, name: "rows").map { StepGrammar.Place(part: $0, meaning: .row(kind)) }
            }
            return places
        }

        /// `forms: {sign-in: ["Se connecter"]}`: the buttons of each form the fields name.
        mutating func forms(_ node: Node) -> [String: Set<String>] {
            guard let entries = node.entries else {
                diagnostics.append(yaml.error("'forms' maps a form name to its button labels", at: node))
                return [:]
            }
            var forms: [String: Set<String>] = [:]
            for (key, value) in entries {
                guard let name = key.scalarText, let labels = value.items?.compactMap(\.scalarText) else {
                    diagnostics.append(yaml.error("a form lists its buttons: sign-in: [\"…\"]", at: value))
                    continue
                }
                forms[name] = Set(labels.map { PhraseText.folded($0) })
            }
            return forms
        }

        /// `- {value: new-password, label: "…", confirm: "…", say: ["votre nouveau mot de passe"]}`
        mutating func fields(_ node: Node, into grammar: inout StepGrammar) {
            guard let items = node.items else {
                diagnostics.append(yaml.error("'fields' is a list of {value, label, say} entries", at: node))
                return
            }
            for item in items {
                let byKey = mapping(item)
                for (key, keyNode) in byKey.keys where !["value", "label", "confirm", "say", "forms"].contains(key) {
                    diagnostics.append(yaml.error("unknown field key '\(key)'; known: value, label, confirm, say, forms", at: keyNode))
                }
                guard let valueNode = byKey.values["value"], let value = valueKind(valueNode), let say = byKey.values["say"] else {
                    if byKey.values["value"] == nil || byKey.values["say"] == nil {
                        diagnostics.append(yaml.error("a field needs 'value' (its kind) and 'say' (the nouns writers use)", at: item))
                    }
                    continue
                }
                let nouns = parts(say, name: "say")
                let label = byKey.values["label"]
                let confirm = byKey.values["confirm"]
                grammar.fields.append(StepGrammar.Field(
                    value: value, label: label?.scalarText, confirm: confirm?.scalarText,
                    location: label.map(yaml.location(of:)) ?? yaml.location(of: item),
                    confirmLocation: confirm.map(yaml.location(of:)),
                    forms: Set((byKey.values["forms"]?.items ?? []).compactMap(\.scalarText))))
                let index = grammar.fields.count - 1
                grammar.fieldNouns += nouns.map { StepGrammar.FieldNoun(part: $0, field: index) }
            }
        }

        /// `- {say: ["déconnectez-vous"], actions: [{click: "Se déconnecter"}]}`
        mutating func clauses(_ node: Node) -> [StepGrammar.Clause] {
            guard let items = node.items else {
                diagnostics.append(yaml.error("'clauses' is a list of {say, actions} entries", at: node))
                return []
            }
            var clauses: [StepGrammar.Clause] = []
            for item in items {
                let byKey = mapping(item)
                for (key, keyNode) in byKey.keys where !["say", "actions"].contains(key) {
                    diagnostics.append(yaml.error("unknown clause key '\(key)'; known: say, actions", at: keyNode))
                }
                guard let say = byKey.values["say"], let actionNodes = byKey.values["actions"]?.items, !actionNodes.isEmpty else {
                    diagnostics.append(yaml.error("a clause needs 'say' (its phrases) and a non-empty 'actions' list", at: item))
                    continue
                }
                for part in parts(say, name: "say", label: .optional) {
                    var local: [Diagnostic] = []
                    let actions = actionNodes.compactMap {
                        PhrasebookLoader.action(from: $0, pattern: part.pattern, yaml: yaml, into: &local)
                    }
                    diagnostics += local
                    if local.errorCount == 0 { clauses.append(StepGrammar.Clause(part: part, actions: actions)) }
                }
            }
            return clauses
        }

        private mutating func valueKind(_ node: Node) -> ValueKind? {
            if let kind = node.scalarText.flatMap(ValueKind.init(rawValue:)) { return kind }
            let kinds = ValueKind.allCases.map(\.rawValue).joined(separator: ", ")
            diagnostics.append(yaml.error("unknown value kind '\(node.scalarText ?? "")'; known: \(kinds)", at: node))
            return nil
        }

        private func mapping(_ node: Node) -> (values: [String: Node], keys: [(String, Node)]) {
            let entries = (node.entries ?? []).compactMap { key, value in key.scalarText.map { ($0, key, value) } }
            return (
                Dictionary(entries.map { ($0.0, $0.2) }, uniquingKeysWith: { first, _ in first }),
                entries.map { ($0.0, $0.1) }
            )
        }
    }
}
