internal import HelpModel
internal import Yams

/// Reads an article's YAML front matter into ``FrontMatter``, reporting every problem at once.
struct FrontMatterParser {
    static let knownKeys: Set<String> = ["id", "title", "updated", "category", "slug", "version", "translates", "checks", "draft", "aliases", "related"]

    let yaml: YAMLDocument
    /// Where the front matter starts (the opening `---`), for problems of the whole block.
    let openingLocation: SourceLocation
    /// The file name without extension made a slug, when none is given: worked out only then
    /// (slugging folds Unicode, a fiftieth of parsing an article).
    let defaultSlug: () -> String

    /// - Returns: the front matter when every required key is valid; diagnostics in any case.
    func parse() -> (FrontMatter?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let root = yaml.root, let entries = root.entries else {
            let message = "front matter must be a YAML mapping with id, title, updated and category"
            return (nil, [.error(message, file: yaml.file, at: yaml.root.map(yaml.location(of:)) ?? openingLocation)])
        }
        var values: [String: Node] = [:]
        var keyLocations: [String: SourceLocation] = [:]
        for (keyNode, value) in entries {
            guard let key = keyNode.scalarText else {
                diagnostics.append(yaml.error("front matter keys must be plain words", at: keyNode))
                continue
            }
            guard Self.knownKeys.contains(key) else {
                // An error, not a warning: a misspelt `draft:` would publish what was meant to wait.
                let known = Self.knownKeys.sorted().joined(separator: ", ")
                let hint = Self.nearestKey(to: key).map { "did you mean '\($0)'? " } ?? ""
                diagnostics.append(yaml.error("unknown front matter key '\(key)'; \(hint)known keys: \(known)", at: keyNode))
                continue
            }
            values[key] = value
            keyLocations[key] = yaml.location(of: keyNode)
        }

        func required(_ key: String, _ hint: String) -> Node? {
            if let node = values[key] { return node }
            diagnostics.append(.error("front matter is missing '\(key)': \(hint)", file: yaml.file, at: openingLocation))
            return nil
        }
        func text(_ node: Node, _ key: String) -> String? {
            if let value = node.scalarText, !value.trimmingSpaces.isEmpty { return value.trimmingSpaces }
            diagnostics.append(yaml.error("'\(key)' must be a non-empty text", at: node))
            return nil
        }
        func identifier(_ node: Node, _ key: String) -> String? {
            guard let value = text(node, key) else { return nil }
            if value.isIdentifier { return value }
            diagnostics.append(yaml.error("'\(key)' must use lowercase letters a–z, digits and '-' only (got '\(value)')", at: node))
            return nil
        }
        func integer(_ node: Node, _ key: String) -> Int? {
            if let value = node.scalarText.flatMap({ Int($0) }), value >= 1 { return value }
            diagnostics.append(yaml.error("'\(key)' must be a whole number from 1 up", at: node))
            return nil
        }

        let id = required("id", "a stable key shared by the article's translations, e.g. 'id: login-credentials'")
            .flatMap { identifier($0, "id") }
        let title = required("title", "the article's title as readers see it").flatMap { text($0, "title") }
        let category = required("category", "a category key of helpcenter.yml").flatMap { identifier($0, "category") }
        let updated = required("updated", "the day of the last change, as YYYY-MM-DD").flatMap { node -> CalendarDay? in
            if let day = node.scalarText.flatMap(CalendarDay.init(iso:)) { return day }
            diagnostics.append(yaml.error("'updated' must be a real date written YYYY-MM-DD (got '\(node.scalarText ?? "")')", at: node))
            return nil
        }
        let slug = values["slug"].map { identifier($0, "slug") } ?? defaultSlug()
        let version = values["version"].map { integer($0, "version") } ?? 1
        let translates = values["translates"].map { parseTranslationSource($0, into: &diagnostics) } ?? .none
        let checks = values["checks"].map { parseChecks($0, into: &diagnostics) } ?? []
        let draft = values["draft"].map { node -> Bool? in
            switch node.scalarText {
            case "true": return true
            case "false": return false
            default:
                diagnostics.append(yaml.error("'draft' is true or false (got '\(node.scalarText ?? "")')", at: node))
                return nil
            }
        } ?? false

        var aliases: [String] = []
        var aliasLocations: [String: SourceLocation] = [:]
        var listsValid = true
        if let node = values["aliases"] {
            if let items = node.items {
                for item in items {
                    guard let alias = identifier(item, "aliases") else {
                        listsValid = false
                        continue
                    }
                    if aliasLocations[alias] == nil { aliases.append(alias) }
                    aliasLocations[alias] = yaml.location(of: item)
                }
            } else {
                diagnostics.append(yaml.error("'aliases' is a list of the article's former slugs: 'aliases: [old-slug]'", at: node))
                listsValid = false
            }
        }
        var related: [String] = []
        var relatedLocations: [String: SourceLocation] = [:]
        if let node = values["related"] {
            if let items = node.items {
                for item in items {
                    guard let other = identifier(item, "related") else {
                        listsValid = false
                        continue
                    }
                    if relatedLocations[other] == nil { related.append(other) }
                    relatedLocations[other] = yaml.location(of: item)
                }
            } else {
                diagnostics.append(yaml.error("'related' is a list of article ids: 'related: [login-credentials]'", at: node))
                listsValid = false
            }
        }
        guard let id, let title, let category, let updated, let slug, let version, translates.isValid, let checks, let draft,
            listsValid
        else {
            return (nil, diagnostics)
        }
        var frontMatter = FrontMatter(
            id: id, title: title, updated: updated, category: category, slug: slug, version: version,
            translates: translates.value, keyLocations: keyLocations, checks: checks, draft: draft)
        frontMatter.aliases = aliases
        frontMatter.aliasLocations = aliasLocations
        frontMatter.related = related
        frontMatter.relatedLocations = relatedLocations
        return (frontMatter, diagnostics)
    }

    /// The known key closest to a misspelt one (edit distance, then alphabetical order), when
    /// it is close enough to be what was meant: at most half the letters differ.
    static func nearestKey(to key: String) -> String? {
        let typed = Array(key.lowercased())
        let scored = knownKeys.sorted().map { (key: $0, distance: editDistance(typed, Array($0))) }
        guard let nearest = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        return nearest.distance <= max(1, min(typed.count, nearest.key.count) / 2) ? nearest.key : nil
    }

    private enum Source {
        case none
        case valid(FrontMatter.TranslationSource)
        case invalid

        var isValid: Bool { if case .invalid = self { false } else { true } }
        var value: FrontMatter.TranslationSource? { if case .valid(let source) = self { source } else { nil } }
    }

    private func parseTranslationSource(_ node: Node, into diagnostics: inout [Diagnostic]) -> Source {
        let hint = "'translates' names the source: 'translates: {locale: fr, version: 3}'"
        guard let entries = node.entries else {
            diagnostics.append(yaml.error(hint, at: node))
            return .invalid
        }
        let fields = Dictionary(entries.compactMap { key, value in key.scalarText.map { ($0, value) } }, uniquingKeysWith: { first, _ in first })
        guard let locale = fields["locale"]?.scalarText, !locale.isEmpty,
            let version = fields["version"]?.scalarText.flatMap({ Int($0) }), version >= 1
        else {
            diagnostics.append(yaml.error(hint, at: node))
            return .invalid
        }
        return .valid(FrontMatter.TranslationSource(locale: locale, version: version))
    }
}

extension FrontMatterParser {
    static let checkKeys = [
        "procedure", "number", "persona", "state", "invitation", "failed-attempts", "properties", "second-user", "outcome",
        "after-step", "click-text-label",
    ]

    /// Reads `checks:`, a list of mappings each naming its procedure (`procedure: anchor`,
    /// `number: N` in a section with several) with the fixture and the outcome. The same check
    /// written twice is an error at the second.
    /// - Returns: nil when any entry is wrong (each problem is reported at its node).
    private func parseChecks(_ node: Node, into diagnostics: inout [Diagnostic]) -> [ProcedureCheck]? {
        guard let items = node.items else {
            diagnostics.append(yaml.error(
                "'checks' is a list with one entry per check: '- {procedure: change-password, persona: user, outcome: password-changed}'",
                at: node))
            return nil
        }
        var checks: [ProcedureCheck] = []
        var firstOfSetup: [[String]: SourceLocation] = [:]
        var valid = true
        for item in items {
            guard let check = parseCheck(item, into: &diagnostics) else {
                valid = false
                continue
            }
            if let first = firstOfSetup[check.setup] {
                diagnostics.append(.error(
                    "this check of '\(check.procedureName)' is written twice; remove one, or change what the second one starts from",
                    file: yaml.file, at: check.location, notes: [Diagnostic.Note(file: yaml.file, location: first, message: "the first")]))
                valid = false
                continue
            }
            firstOfSetup[check.setup] = check.location
            checks.append(check)
        }
        return valid ? checks : nil
    }

    private func parseCheck(_ item: Node, into diagnostics: inout [Diagnostic]) -> ProcedureCheck? {
        let outcomes = ProcedureCheck.Outcome.allCases.map(\.rawValue).joined(separator: ", ")
        guard let entries = item.entries else {
            diagnostics.append(yaml.error("each check is a mapping: {procedure: <section anchor>, persona: administrator|user, outcome: \(outcomes)}", at: item))
            return nil
        }
        var procedure: (String, SourceLocation)?
        var persona: ProcedureCheck.Persona?
        var state = ProcedureCheck.State.active
        var invitation: ProcedureCheck.Invitation?
        var properties = 1
        var secondUser = ProcedureCheck.SecondUser()
        var outcome: ProcedureCheck.Outcome?
        var numbers: [String: Int] = [:]
        var valid = true
        func fail(_ message: String, _ node: Node) {
            diagnostics.append(yaml.error(message, at: node))
            valid = false
        }
        func known<T: RawRepresentable & CaseIterable>(_: T.Type, _ text: String, _ what: String, _ node: Node) -> T? where T.RawValue == String {
            if let value = T(rawValue: text) { return value }
            fail("unknown \(what) '\(text)'; known: \(T.allCases.map(\.rawValue).joined(separator: ", "))", node)
            return nil
        }
        for (key, value) in entries {
            let text = value.scalarText ?? ""
            switch key.scalarText {
            case "procedure":
                if Int(text) != nil {
                    fail("'procedure' names the section's anchor ('procedure: change-password'), not a position; "
                        + "give the heading an id ('## … {#change-password}') and name it", value)
                } else if text.isIdentifier {
                    procedure = (text, yaml.location(of: value))
                } else {
                    fail("'procedure' is a section anchor: lowercase letters, digits and hyphens (got '\(text)')", value)
                }
            case "persona": persona = known(ProcedureCheck.Persona.self, text, "persona", value)
            case "state": state = known(ProcedureCheck.State.self, text, "state", value) ?? state
            case "invitation": invitation = known(ProcedureCheck.Invitation.self, text, "invitation", value)
            case "outcome":
                outcome = ProcedureCheck.Outcome(rawValue: text)
                if outcome == nil { fail("unknown outcome '\(text)'; known outcomes: \(outcomes)", value) }
            case "properties":
                if let count = Int(text), (1...50).contains(count) {
                    properties = count
                } else {
                    fail("'properties' must be a whole number from 1 to 50 (got '\(text)')", value)
                }
            case "failed-attempts":
                if let count = Int(text), (0...50).contains(count) {
                    numbers["failed-attempts"] = count
                } else {
                    fail("'failed-attempts' must be a whole number from 0 to 50 (got '\(text)')", value)
                }
            case "second-user":
                guard let fields = value.entries, fields.count == 1, fields[0].key.scalarText == "rights",
                    let list = fields[0].value.items, !list.isEmpty
                else {
                    fail("'second-user' is '{rights: [reservations, finance]}': the other user's rights on the first property", value)
                    continue
                }
                var rights: [ProcedureCheck.Right] = []
                for entry in list {
                    if let right = known(ProcedureCheck.Right.self, entry.scalarText ?? "", "right", entry) { rights.append(right) }
                }
                secondUser = ProcedureCheck.SecondUser(rights: rights)
            case "number", "after-step", "click-text-label":
                if let number = Int(text), number >= 1 {
                    numbers[key.scalarText ?? ""] = number
                } else {
                    fail("'\(key.scalarText ?? "")' must be a whole number from 1 up (got '\(text)')", value)
                }
            default:
                fail("unknown check key '\(key.scalarText ?? "")'; known keys: \(Self.checkKeys.joined(separator: ", "))", key)
            }
        }
        guard valid else { return nil }
        guard let procedure, let persona, let outcome else {
            diagnostics.append(yaml.error("a check needs 'procedure' (the section's anchor), 'persona' and 'outcome'", at: item))
            return nil
        }
        if state == .invited, invitation == nil {
            diagnostics.append(yaml.error("'state: invited' needs 'invitation: new-user' or 'invitation: existing-user'", at: item))
            return nil
        }
        if state != .invited, invitation != nil {
            diagnostics.append(yaml.error("'invitation' goes with 'state: invited'", at: item))
            return nil
        }
        if invitation == .existingUser, properties < 2 {
            diagnostics.append(yaml.error("'invitation: existing-user' invites to the second property: add 'properties: 2'", at: item))
            return nil
        }
        var interlude: ProcedureCheck.Interlude?
        switch (numbers["after-step"], numbers["click-text-label"]) {
        case (let step?, let label?): interlude = ProcedureCheck.Interlude(afterStep: step, label: label)
        case (nil, nil): break
        default:
            diagnostics.append(yaml.error("'after-step' and 'click-text-label' go together: after that step, click that bold label of the text after the procedure", at: item))
            return nil
        }
        return ProcedureCheck(
            procedure: procedure.0, number: numbers["number"], persona: persona, state: state, invitation: invitation,
            failedAttempts: numbers["failed-attempts"], properties: properties, secondUser: secondUser, outcome: outcome,
            interlude: interlude, file: yaml.file, location: yaml.location(of: item), procedureLocation: procedure.1)
    }
}

extension String {
    var trimmingSpaces: String {
        // Most texts have nothing to trim: decide on the first and last bytes, without graphemes.
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// Lowercase ASCII letters, digits and inner hyphens: what ids, slugs and keys may use.
    var isIdentifier: Bool {
        !isEmpty && first != "-" && last != "-"
            && utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
