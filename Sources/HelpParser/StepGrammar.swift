internal import HelpModel

/// The parts writers combine into the step sentences of one locale: verbs, connectors, control
/// nouns, places, a vocabulary of fields, fixed clauses and people-only steps.
///
/// Data, from the `grammar:` section of `content/<locale>/phrasebook.yml`. ``StepReader``
/// combines the parts, so the sentences a locale reads grow with the product of its parts
/// (verbs × controls × places × connectors × fields), not with the number of entries.
struct StepGrammar: Sendable {
    /// One entry as the docs team wrote it: the compiled pattern, its text and where it is.
    struct Part: Sendable {
        let pattern: PhrasePattern
        let text: String
        let location: SourceLocation
    }

    /// What a verb does to what follows it.
    enum VerbMeaning: Sendable, Equatable {
        /// Acts on labels: click, choose or tick each one.
        case target(Action.Kind)
        /// Types into fields named by nouns of the vocabulary.
        case fill
        /// Types into fields and their confirmation ("saisissez et confirmez").
        case fillTwice
        /// Types into the confirmation of a field only ("ressaisissez", "retype").
        case fillConfirmation
    }

    /// A verb, possibly in pieces around its object (German "Wählen Sie … aus") and with room
    /// for places before the object (German "Klicken Sie ~ auf": "Klicken Sie im Menü *X* auf").
    struct Verb: Sendable {
        /// The words before the object; nil when the object comes first ("**X** auswählen").
        let head: Part?
        /// Whether places may stand between the head and the object (written `~`).
        let allowsPlaces: Bool
        /// After the places, before the object ("auf").
        let middle: Part?
        let tail: Part?
        let meaning: VerbMeaning
        /// The verb as written, for hints.
        let text: String
        let location: SourceLocation
    }

    /// A noun phrase around a label: "le bouton {}", "the {} check box", "le champ {}".
    struct Control: Sendable {
        enum Meaning: Sendable, Equatable {
            /// A button, link, tab: the verb decides the action.
            case control
            /// A check box: always ticked, whatever the verb ("Sélectionnez la case **X**").
            case checkbox
            /// A field, named by its label: what a fill verb types into.
            case field
        }

        let part: Part
        let meaning: Meaning
    }

    /// Where a control is: in a menu or tab, on a page, in a field, in the row of a value.
    struct Place: Sendable {
        enum Meaning: Sendable, Equatable {
            case within
            /// The page the reader is on: says where, adds no action.
            case page
            /// The field a value goes into ("dans le champ **Nom**").
            case field
            case row(ValueKind)
        }

        let part: Part
        let meaning: Meaning

        /// Whether the place ends in `…` ("in this …"): nothing of its own ends it, so where it opens
        /// a clause its comma must ("In this attack, …"); else "In this attack an attacker can use
        /// it" would read as a place and "use it".
        var isOpenEnded: Bool { part.text.hasSuffix("…") || part.text.hasSuffix("...") }
    }

    /// A field of the product and the kind of value a person types into it.
    struct Field: Sendable {
        let value: ValueKind
        /// The field's label in the product; nil for a group without one (access rights).
        let label: String?
        /// The label of the field that repeats it ("Confirmer le nouveau mot de passe").
        let confirm: String?
        let location: SourceLocation
        let confirmLocation: SourceLocation?
        /// The forms the field is on: a step that fills several fields fills them on one form,
        /// which tells "votre mot de passe" on the sign-in form from the current password.
        let forms: Set<String>
        /// The file that names the field, when not the phrasebook (`vocabulary.yml`).
        var file: String? = nil
    }

    /// A noun writers use for a field: "votre mot de passe actuel".
    struct FieldNoun: Sendable {
        let part: Part
        let field: Int
    }

    /// A clause that reads as fixed actions: "connectez-vous", "déconnectez-vous".
    struct Clause: Sendable {
        let part: Part
        let actions: [Phrasebook.ActionTemplate]
    }

    var verbs: [Verb] = []
    var controls: [Control] = []
    var places: [Place] = []
    var fields: [Field] = []
    var fieldNouns: [FieldNoun] = []
    var clauses: [Clause] = []
    /// Clauses a person does and the product cannot check ("fermez votre navigateur").
    var manual: [Part] = []
    /// Clauses that only ask the reader to look ("vérifiez les informations affichées").
    var look: [Part] = []
    /// A verb of the product's screens whose object is named in plain words, not a label: "open
    /// your organization", "select the created service account". What to act on is clear to a
    /// person but not to the checker, so the clause reads as a step for people, with a warning
    /// asking for the label in bold; the loosest reading, it never wins over a labelled one.
    var unlabelled: [Part] = []
    /// "pour …,": why the step is done, before or after it.
    var purposes: [Part] = []
    /// "If prompted,", "… if you use SSO", "Depending on your plan,": the step applies to some
    /// readers only. The checker cannot know whether it applies, so a step that reads with a
    /// condition is a step for people (warned about); written with a comma, one opens the step.
    var conditions: [Part] = []
    /// Between two clauses: ", puis", "and then".
    var connectors: [Part] = []
    /// Between two labels of one verb: ",", "et".
    var lists: [Part] = []
    /// Between the labels of a menu path: ">".
    var paths: [Part] = []
    /// The preposition a repeated object keeps after a connector ("puis sur **B**").
    var repeats: [Part] = []
    /// Whose value a field holds: "de l'utilisateur", "of the new user".
    var owners: [Part] = []
    /// "2 fois", "twice": a field and its confirmation.
    var twice: [Part] = []
    /// "ou", "or": offers a choice between labels or actions. Which one to take depends on the
    /// reader, so a step that reads with it as a list is a step for people (warned about).
    var alternatives: [Part] = []
    /// Words around an alternative that offer no choice: two verbs for one gesture ("tap or
    /// press"), a quantity ("one or more"). An alternative they hold is not a choice.
    var notChoices: [Part] = []
    /// After a list of labels, the noun that makes them check boxes: "the **A** and **B** check boxes".
    var pluralCheckboxes: [Part] = []
    /// After a list of labels, the noun that makes them fields: "the **Name** and **Email** fields".
    var pluralFields: [Part] = []
    /// Before the labels of several fields one value goes into: "in the" (**A** and **B** fields).
    var fieldListOpeners: [Part] = []
    /// Labels the product shows that are not controls (column headings, titles): a step that
    /// clicks one is refused rather than guessed.
    var notControls: Set<String> = []
    /// The labels of buttons on each form (`forms:`), so that "votre mot de passe … **Se connecter**"
    /// is the sign-in form's password.
    var formButtons: [String: Set<String>] = [:]

    /// The grammar with its alternatives read as lists and connectors: "Select **A** or **B**"
    /// reads in it as two choices, which tells a choice between things the grammar knows from
    /// a sentence that does not read at all.
    var alternativesAsLists: StepGrammar {
        var grammar = self
        grammar.lists += alternatives
        grammar.connectors += alternatives
        grammar.alternatives = []
        grammar.notChoices = []
        return grammar
    }

    /// The field whose product label (or confirmation label) is `text`, compared as sentences are.
    func field(labelled text: String) -> Int? {
        let folded = PhraseText.normalize(PhraseText.tokens(text))
        func same(_ label: String?) -> Bool { label.map { PhraseText.normalize(PhraseText.tokens($0)) == folded } ?? false }
        return fields.firstIndex { same($0.label) } ?? fields.firstIndex { same($0.confirm) }
    }

    /// The forms of the vocabulary field a fill of a reading types into (its label is the
    /// field's or its confirmation's, by position); nil for a fill the vocabulary did not name.
    func forms(of action: ReadAction) -> Set<String>? {
        guard case .fill(.fixed(let text, let location)?, _) = action, let field = field(named: text, at: location),
            !field.forms.isEmpty
        else { return nil }
        return field.forms
    }

    /// The field a fixed label of a reading names: its label or confirmation, written at that
    /// place (a phrasebook and a vocabulary file may both have something at one line).
    func field(named text: String, at location: SourceLocation) -> Field? {
        fields.first { ($0.location == location && $0.label == text) || ($0.confirmLocation == location && $0.confirm == text) }
    }

    var isEmpty: Bool { verbs.isEmpty && clauses.isEmpty && manual.isEmpty && unlabelled.isEmpty }

    /// The parts a clause can open with: where a sentence starts reading as an instruction.
    var clauseOpenings: [Part] { verbs.compactMap(\.head) + clauses.map(\.part) + manual + unlabelled }
}
