import Foundation
import HelpModel
import HelpParser
import Testing

/// Each part of a phrasebook grammar on its own, with a small French grammar written here, so
/// that a test names the part it is about rather than the shipped vocabulary.
@Suite("Step grammar")
struct StepGrammarTests {
    static let grammar = """
        grammar:
          verbs:
            click: ["cliquez sur", "klicken sie ~ auf"]
            choose: ["sélectionnez", "wählen sie … aus"]
            tick: ["cochez"]
            fill: ["saisissez", "geben sie … ein"]
            fill-twice: ["saisissez et confirmez"]
          connectors: [", puis", "puis"]
          lists: [",", "et"]
          paths: [">"]
          repeat: ["sur"]
          alternatives: ["ou"]
          controls: ["le bouton {}", "l'onglet {}"]
          checkboxes: ["la case {}"]
          field-controls: ["le champ {}"]
          within: ["dans le menu {}", "im menü {}"]
          pages: ["sur la page {}"]
          in-field: ["dans le champ {}"]
          rows:
            previous-username: ["à côté de l'ancien identifiant"]
          owners: ["de l'utilisateur"]
          twice: ["deux fois"]
          purposes: ["pour …,", "pour …"]
          look: ["vérifiez …"]
          manual: ["fermez …"]
          not-controls: ["Statut"]
          fields:
            - value: current-password
              label: "Mot de passe actuel"
              say: ["votre mot de passe actuel"]
            - value: new-password
              label: "Nouveau mot de passe"
              confirm: "Confirmer le nouveau mot de passe"
              say: ["votre nouveau mot de passe"]
            - value: person-name
              label: "Nom"
              say: ["le nom"]
            - value: email-address
              label: "Adresse e-mail"
              say: ["l'adresse e-mail"]
          clauses:
            - say: ["connectez-vous [à l'extranet]"]
              actions: [sign-in]
            - say: ["déconnectez-vous"]
              actions: [{click: "Se déconnecter"}]
        """

    static func phrasebook(_ text: String = grammar) throws -> Phrasebook {
        let (phrasebook, diagnostics) = StepExplainer.phrasebook(text: text, file: "content/fr/phrasebook.yml", locale: "fr")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        return try #require(phrasebook)
    }

    enum Reading: Equatable {
        case success([String])
        case failure(String)
    }

    /// The summaries of what a sentence reads as, or the first error.
    static func read(_ step: String, with text: String = grammar) throws -> Reading {
        let (actions, diagnostics) = StepExplainer.read(step, phrasebook: try phrasebook(text))
        if let error = diagnostics.first(where: { $0.severity == .error }) { return .failure(error.message) }
        return .success(actions.map(\.summary))
    }

    static func reads(_ step: String) throws -> [String] {
        switch try read(step) {
        case .success(let actions): return actions
        case .failure(let message): Issue.record("\(step) does not read: \(message)"); return []
        }
    }

    static func error(_ step: String) throws -> String {
        switch try read(step) {
        case .success(let actions): Issue.record("\(step) reads as \(actions)"); return ""
        case .failure(let message): return message
        }
    }

    @Test("verbs: each stands for its action; a verb not in the grammar does not read")
    func verbs() throws {
        #expect(try Self.reads("Cliquez sur **Compte**.") == ["click \"Compte\""])
        #expect(try Self.reads("Sélectionnez **Compte**.") == ["choose \"Compte\""])
        #expect(try Self.reads("Cochez **Finances**.") == ["tick \"Finances\""])
        #expect(try Self.error("Survolez **Compte**.").contains("does not read"))
    }

    @Test("verbs in pieces around their object, and places between (German word order)")
    func separableVerbs() throws {
        #expect(try Self.reads("Wählen Sie **Konto** aus.") == ["choose \"Konto\""])
        #expect(try Self.reads("Klicken Sie im Menü *Konto* auf **Abmelden**.") == ["click \"Abmelden\" within \"Konto\""])
        #expect(try Self.reads("Geben Sie votre mot de passe actuel ein.") == ["fill current-password \"Mot de passe actuel\""])
    }

    @Test("connectors chain clauses; a repeated object keeps its verb")
    func connectors() throws {
        #expect(try Self.reads("Cliquez sur **A**, puis sur **B**.") == ["click \"A\"", "click \"B\""])
        #expect(try Self.reads("Cliquez sur **A**, puis sélectionnez **B**.") == ["click \"A\"", "choose \"B\""])
        #expect(try Self.reads("Cochez **A** et **B**.") == ["tick \"A\"", "tick \"B\""])
    }

    @Test("menu paths: one action per label, of the verb's kind")
    func menuPaths() throws {
        #expect(try Self.reads("Sélectionnez **A** > **B** > **C**.") == ["choose \"A\"", "choose \"B\"", "choose \"C\""])
    }

    @Test("control nouns stand around a label; a check box is ticked whatever the verb")
    func controlNouns() throws {
        #expect(try Self.reads("Cliquez sur le bouton **Gérer**.") == ["click \"Gérer\""])
        #expect(try Self.reads("Sélectionnez la case **Finances**.") == ["tick \"Finances\""])
    }

    @Test("places: within a menu, in a row, on a page (adds nothing), before or after")
    func places() throws {
        #expect(try Self.reads("Cliquez sur **Supprimer** dans le menu *Gérer*.") == ["click \"Supprimer\" within \"Gérer\""])
        #expect(try Self.reads("Dans le menu *Gérer*, cliquez sur **Supprimer**.") == ["click \"Supprimer\" within \"Gérer\""])
        #expect(try Self.reads("Cliquez sur le bouton **Gérer**, à côté de l'ancien identifiant.")
            == ["click \"Gérer\" beside previous-username"])
        #expect(try Self.reads("Sur la page **Compte**, cliquez sur **Utilisateurs**.") == ["click \"Utilisateurs\""])
    }

    @Test("field nouns: the vocabulary's label and kind; a field label in the step wins; twice; owners; lists")
    func fieldNouns() throws {
        #expect(try Self.reads("Saisissez votre mot de passe actuel.") == ["fill current-password \"Mot de passe actuel\""])
        #expect(try Self.reads("Saisissez votre mot de passe actuel dans le champ **Ancien**.") == ["fill current-password \"Ancien\""])
        #expect(try Self.reads("Saisissez deux fois votre nouveau mot de passe.")
            == ["fill new-password \"Nouveau mot de passe\"", "fill new-password \"Confirmer le nouveau mot de passe\""])
        #expect(try Self.reads("Saisissez et confirmez votre nouveau mot de passe.").count == 2)
        #expect(try Self.reads("Saisissez le nom et l'adresse e-mail de l'utilisateur, puis cliquez sur **Suivant**.")
            == ["fill person-name \"Nom\"", "fill email-address \"Adresse e-mail\"", "click \"Suivant\""])
        #expect(try Self.reads("Saisissez le champ **Nom**.") == ["fill person-name \"Nom\""])
        #expect(try Self.error("Saisissez le champ **Prénom**.").contains("no field labelled \"Prénom\""))
    }

    @Test("fixed clauses, purposes, looking and people-only clauses")
    func clauses() throws {
        #expect(try Self.reads("Connectez-vous à l'extranet, puis cliquez sur **Compte**.") == ["sign-in", "click \"Compte\""])
        #expect(try Self.reads("Déconnectez-vous.") == ["click \"Se déconnecter\""])
        #expect(try Self.reads("Pour changer votre mot de passe, cliquez sur **Compte**.") == ["click \"Compte\""])
        #expect(try Self.reads("Vérifiez les informations, puis cliquez sur **Envoyer**.") == ["click \"Envoyer\""])
        #expect(try Self.reads("Fermez votre navigateur.") == ["manual"])
        #expect(try Self.reads("Vérifiez votre messagerie.") == ["manual"])
        #expect(try Self.reads("Notez la date. <!-- manual -->") == ["manual"])
    }

    @Test("only the first sentence of a step is read; the rest explains it")
    func firstSentenceOnly() throws {
        #expect(try Self.reads("Cliquez sur **Compte**. La page **Compte** s'affiche.") == ["click \"Compte\""])
        #expect(try Self.reads("Cliquez sur **Compte**. Survolez **Menu** si besoin.") == ["click \"Compte\""])
    }

    @Test("two readings are an error that lists both; a choice between labels is a step for people")
    func ambiguity() throws {
        let twoFields = Self.grammar.replacingOccurrences(of: "say: [\"le nom\"]", with: "say: [\"le nom\", \"l'adresse e-mail\"]")
        guard case .failure(let message) = try Self.read("Saisissez l'adresse e-mail.", with: twoFields) else {
            Issue.record("read one way")
            return
        }
        #expect(message.contains("is ambiguous"))
        #expect(message.contains("reads 2 ways: (1) fill person-name \"Nom\"; (2) fill email-address \"Adresse e-mail\""), "\(message)")
        // A choice is no guess either: nothing of it is checked (ConditionsAndChoicesTests).
        #expect(try Self.read("Cliquez sur **A** ou sur **B**.") == .success(["manual"]))
        #expect(try Self.error("Cliquez sur **Statut**.").contains("is ambiguous: \"Statut\" is the label of a field or a heading"))
        #expect(try Self.error("Cliquez sur **Mot de passe actuel**.").contains("is ambiguous"))
    }

    @Test("a bold label no verb acts on is an error that names it")
    func leftOverLabel() throws {
        let message = try Self.error("Cliquez sur **Enregistrer** pour garder **Tarifs**.")
        #expect(message.contains("it reads as far as \"cliquez sur **Enregistrer** pour garder\" and **Tarifs** is left over"), "\(message)")
    }
}

/// What an unread step is told: the nearest phrase of its shape, or an entry to paste.
@Suite("Step hints")
struct StepHintTests {
    static func note(_ step: String) throws -> Diagnostic.Note? {
        let (_, diagnostics) = StepExplainer.read(step, phrasebook: try StepGrammarTests.phrasebook())
        return diagnostics.first { $0.severity == .error }?.notes.first
    }

    @Test("the nearest phrase has the same number of labels, then the most words in common")
    func sameShape() throws {
        let one = try #require(try Self.note("Cliquez vite sur **Compte**."))
        #expect(one.message == "nearest phrase of the same shape: \"Cliquez sur **{1}**.\"")
        #expect(one.file == "content/fr/phrasebook.yml")
        #expect(one.location.line == 3)
        let two = try #require(try Self.note("Cliquez vite sur **A** puis sur **B**."))
        #expect(two.message == "nearest phrase of the same shape: \"Cliquez sur **{1}**, puis sur **{2}**.\"", "\(two.message)")
    }

    @Test("when no phrase is close, the entry to paste into the phrasebook, ready-made")
    func pasteReady() throws {
        let note = try #require(try Self.note("Faites glisser **Finances** vers le haut."))
        #expect(note.message == "no phrase is close; if the step is right, add under 'phrases:' "
            + "- {phrase: \"Faites glisser **{1}** vers le haut.\", actions: [{click: 1}]}")
        // The entry pasted as it is reads the step.
        let pasted = StepGrammarTests.grammar + "\nphrases:\n  - {phrase: \"Faites glisser **{1}** vers le haut.\", actions: [{click: 1}]}\n"
        #expect(try StepGrammarTests.read("Faites glisser **Finances** vers le haut.", with: pasted) == .success(["click \"Finances\""]))
    }

    @Test("a broken phrasebook entry is reported, and the rest of the grammar still reads the steps")
    func brokenEntry() throws {
        let broken = StepGrammarTests.grammar.replacingOccurrences(of: "    tick: [\"cochez\"]", with: "    tick: [\"cochez [\"]")
        let (phrasebook, diagnostics) = StepExplainer.phrasebook(text: broken, file: "content/fr/phrasebook.yml", locale: "fr")
        #expect(diagnostics.map(\.formatted) == [
            "content/fr/phrasebook.yml:5:12: error: bad pattern in 'verbs' at character 8: '[' is never closed by ']'"
        ])
        let book = try #require(phrasebook)
        #expect(StepExplainer.read("Cliquez sur **A**.", phrasebook: book).actions.map(\.summary) == ["click \"A\""])
        let (_, stepErrors) = StepExplainer.read("Cochez **A**.", phrasebook: book)
        #expect(stepErrors.first?.message.hasPrefix("step 1 does not read") == true)
    }
}
