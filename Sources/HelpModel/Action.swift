/// One thing a person does in the product while following a step.
///
/// A step is a list of these, read from its sentence by the locale's phrasebook. The checker
/// performs them against the account engine; the translation lint compares their kinds.
public enum Action: Sendable, Hashable, Codable {
    /// Sign in with the procedure's persona (its username and current password).
    case signIn
    /// Go to a page by address, as "Rendez-vous sur la page de connexion" does.
    case open(PageName)
    /// Activate a button, link or tab by its visible label.
    case click(Target)
    /// Pick an option: a menu entry, a radio button, an item of a list.
    case choose(Target)
    /// Tick a checkbox.
    case tick(Target)
    /// Type a value of a kind into a field, found by its label when the text names one.
    case fill(Field)
    /// Open the e-mail the product just sent and follow its link.
    case followEmailLink
    /// Something a person does that the product cannot show ("Fermez votre navigateur."):
    /// rendered like any step, skipped by the checker, and listed so nothing is silently unchecked.
    case manual

    /// What a person acts on: a label, optionally narrowed to a menu or a row.
    public struct Target: Sendable, Hashable, Codable {
        public var label: Label
        /// The menu, tab or section the label is found in ("dans le menu *Paramètres*").
        public var within: Label?
        /// The row the control sits in, identified by the value shown there.
        public var beside: ValueKind?

        public init(_ label: Label, within: Label? = nil, beside: ValueKind? = nil) {
            self.label = label
            self.within = within
            self.beside = beside
        }
    }

    /// A field to fill and the kind of value that goes into it.
    public struct Field: Sendable, Hashable, Codable {
        public var label: Label?
        public var value: ValueKind

        public init(label: Label?, value: ValueKind) {
            self.label = label
            self.value = value
        }
    }

    /// The kind of action alone, which translations must keep step for step.
    public enum Kind: String, Sendable, Hashable, Codable {
        case signIn = "sign-in"
        case open
        case click
        case choose
        case tick
        case fill
        case followEmailLink = "follow-email-link"
        case manual
    }

    public var kind: Kind {
        switch self {
        case .signIn: .signIn
        case .open: .open
        case .click: .click
        case .choose: .choose
        case .tick: .tick
        case .fill: .fill
        case .followEmailLink: .followEmailLink
        case .manual: .manual
        }
    }

    /// Every label the action names, in order: where the checker will look in the product.
    public var labels: [Label] {
        switch self {
        case .signIn, .open, .followEmailLink, .manual: []
        case .click(let target), .choose(let target), .tick(let target):
            [target.label] + (target.within.map { [$0] } ?? [])
        case .fill(let field): field.label.map { [$0] } ?? []
        }
    }
}

extension Action {
    /// One line a writer reads: `click "Compte" within "Paramètres"`, `fill new-password "Nouveau
    /// mot de passe"`, `manual`. `helpcenter explain`, hints and the step corpus all write it.
    public var summary: String {
        switch self {
        case .signIn: return "sign-in"
        case .open(let page): return "open \(page.rawValue)"
        case .followEmailLink: return "follow-email-link"
        case .manual: return "manual"
        case .click(let target): return "click " + target.summary
        case .choose(let target): return "choose " + target.summary
        case .tick(let target): return "tick " + target.summary
        case .fill(let field):
            return "fill \(field.value.rawValue)" + (field.label.map { " \"\($0.text)\"" } ?? "")
        }
    }
}

extension Action.Target {
    fileprivate var summary: String {
        var text = "\"\(label.text)\""
        if let within { text += " within \"\(within.text)\"" }
        if let beside { text += " beside \(beside.rawValue)" }
        return text
    }
}
