import Foundation
import HelpModel
@testable import HelpParser
import Testing

/// Steps a person does that the checker cannot run, in the small French grammar of
/// ``StepGrammarTests``: a product's control named in plain words (`unlabelled:`, read with a
/// warning), and looking or people-only clauses that name a label without acting on it.
@Suite("Steps for people")
struct StepsForPeopleTests {
    static let grammar = StepGrammarTests.grammar
        .replacingOccurrences(of: "  look: [\"vérifiez …\"]", with: "  look: [\"vérifiez …\", \"repérez la section {}\"]")
        .replacingOccurrences(of: "  manual: [\"fermez …\"]", with: "  manual: [\"fermez …\", \"survolez {}\"]\n  unlabelled: [\"(cliquez sur|ouvrez|sélectionnez) …\"]")

    static func read(_ step: String) throws -> (actions: [String], diagnostics: [Diagnostic]) {
        let (actions, diagnostics) = StepExplainer.read(step, phrasebook: try StepGrammarTests.phrasebook(Self.grammar))
        return (actions.map(\.summary), diagnostics)
    }

    @Test("a control named in plain words reads as a step for people, warned at the step with its code")
    func unlabelledIsWarned() throws {
        let (actions, diagnostics) = try Self.read("Ouvrez votre organisation, puis cliquez sur **Enregistrer**.")
        #expect(actions == ["manual", "click \"Enregistrer\""])
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.code == ArticleParser.unlabelledStepCode)
        #expect(diagnostics.first?.location == SourceLocation(line: 1, column: 1))
        #expect(diagnostics.first?.message.contains("write the label in bold") == true, "\(diagnostics.map(\.formatted))")
        // Without the part, the same sentence is an error, as before.
        let (_, plain) = StepExplainer.read("Ouvrez votre organisation.", phrasebook: try StepGrammarTests.phrasebook())
        #expect(plain.first?.severity == .error)
    }

    @Test("a labelled reading always wins over the plain-words one, and gives no warning")
    func labelledWins() throws {
        let (actions, diagnostics) = try Self.read("Cliquez sur **Compte**.")
        #expect(actions == ["click \"Compte\""])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        // A label the plain words cannot take: "…" holds no label, so a label left over is still an error.
        let (_, leftOver) = try Self.read("Ouvrez le menu **Compte** de votre organisation.")
        #expect(leftOver.first?.severity == .error, "\(leftOver.map(\.formatted))")
    }

    @Test("an article with a warned step builds, the step a step for people, the warning at its line and column")
    func articleBuildsWithWarning() throws {
        let text = "---\nid: a\ntitle: T\nupdated: 2026-12-01\ncategory: c\n---\n\n1. Cliquez sur **Compte**.\n2. Sélectionnez votre établissement.\n"
        let (article, diagnostics) = ArticleParser().parse(
            Array(text.utf8), file: "a.md", locale: "fr", phrasebook: try StepGrammarTests.phrasebook(Self.grammar))
        #expect(diagnostics.map(\.formatted) == [
            "a.md:9:4: warning: step 2 names what to act on in plain words, not as a label, so it reads as a step for people "
                + "that check does not run; write the label in bold as the product shows it (**…**), "
                + "or end the step with <!-- manual --> if only a person can do it [unlabelled-step]"
        ])
        guard case .procedure(let procedure)? = try #require(article).intro.first else {
            Issue.record("no procedure")
            return
        }
        #expect(procedure.steps.map { $0.actions.map(\.summary) } == [["click \"Compte\""], ["manual"]])
    }

    @Test("a step titled in bold reads from the sentence after the title; text that is no instruction makes it a step for people, warned")
    func titledSteps() throws {
        let text = "---\nid: a\ntitle: T\nupdated: 2026-12-01\ncategory: c\n---\n\n"
            + "1. **Invitez l'équipe**. Cliquez sur **Inviter**.\n"
            + "2. **Attendez les réponses**. L'équipe reçoit un e-mail.\n"
            + "3. **Confirmez.** Cliquez sur **Confirmer**.\n"
        let (article, diagnostics) = ArticleParser().parse(
            Array(text.utf8), file: "a.md", locale: "fr", phrasebook: try StepGrammarTests.phrasebook(Self.grammar))
        #expect(diagnostics.map(\.code) == [ArticleParser.titledStepCode], "\(diagnostics.map(\.formatted))")
        #expect(diagnostics.first?.location == SourceLocation(line: 9, column: 4))
        #expect(diagnostics.first?.severity == .warning)
        guard case .procedure(let procedure)? = try #require(article).intro.first else {
            Issue.record("no procedure")
            return
        }
        #expect(procedure.steps.map { $0.actions.map(\.summary) } == [["click \"Inviter\""], ["manual"], ["click \"Confirmer\""]])
        // A label alone, with nothing after it, is no title: it could be a button to press.
        let alone = "---\nid: a\ntitle: T\nupdated: 2026-12-01\ncategory: c\n---\n\n1. **Inviter**.\n2. Cliquez sur **OK**.\n"
        let (_, refused) = ArticleParser().parse(
            Array(alone.utf8), file: "a.md", locale: "fr", phrasebook: try StepGrammarTests.phrasebook(Self.grammar))
        #expect(refused.map(\.severity) == [.error], "\(refused.map(\.formatted))")
        #expect(refused.first?.location == SourceLocation(line: 8, column: 4))
        // A title alone over what to do: a step for people when the title is an instruction.
        let headed = "---\nid: a\ntitle: T\nupdated: 2026-12-01\ncategory: c\n---\n\n"
            + "1. **Fermez les sessions.**\n\n   Chaque session ouverte se ferme.\n2. **Compte**\n\n   Le compte de l'équipe.\n"
        let (_, headedDiagnostics) = ArticleParser().parse(
            Array(headed.utf8), file: "a.md", locale: "fr", phrasebook: try StepGrammarTests.phrasebook(Self.grammar))
        #expect(headedDiagnostics.map { "\($0.severity) \($0.location) \($0.code ?? "")" } == ["warning 8:4 titled-step", "error 11:4 "],
            "\(headedDiagnostics.map(\.formatted))")
        // Before a colon, a title that is no instruction is an option of a list: an error, as before.
        let option = "---\nid: a\ntitle: T\nupdated: 2026-12-01\ncategory: c\n---\n\n1. **Propriétaire** : accès complet.\n2. Cliquez sur **OK**.\n"
        let (_, options) = ArticleParser().parse(
            Array(option.utf8), file: "a.md", locale: "fr", phrasebook: try StepGrammarTests.phrasebook(Self.grammar))
        #expect(options.map(\.severity) == [.error], "\(options.map(\.formatted))")
    }

    @Test("a reading that names its field wins over the plain-words one, after a place too")
    func labelledFieldWins() throws {
        let grammar = Self.grammar.replacingOccurrences(
            of: "unlabelled: [\"(cliquez sur|ouvrez|sélectionnez) …\"]", with: "unlabelled: [\"(cliquez sur|ouvrez|sélectionnez|saisissez) …\"]")
        #expect(grammar != Self.grammar)
        let (actions, diagnostics) = StepExplainer.read(
            "Dans le champ **Mot de passe actuel**, saisissez le mot de passe reçu.", phrasebook: try StepGrammarTests.phrasebook(grammar))
        #expect(actions.map(\.summary) == ["fill current-password \"Mot de passe actuel\""], "\(diagnostics.map(\.formatted))")
        #expect(diagnostics.isEmpty, "no unlabelled-step warning: \(diagnostics.map(\.formatted))")
    }

    @Test("a people-only or looking clause may follow a place: the person does it there")
    func manualAfterPlace() throws {
        #expect(try Self.read("Dans le menu **Compte**, fermez la fenêtre.").actions == ["manual"])
        let looked = try Self.read("Sur la page **Profil**, vérifiez votre adresse.")
        #expect(looked.actions == ["manual"] && looked.diagnostics.isEmpty, "\(looked.actions) \(looked.diagnostics.map(\.formatted))")
        // Without a clause after it, a place is still no step.
        #expect(try Self.read("Dans le menu **Compte**.").diagnostics.first?.severity == .error)
    }

    @Test("a step opening with its verb in bold, or a link around it, reads as words; a bold alone stays a label")
    func boldVerbReadsAsWords() throws {
        func parse(_ step: String) throws -> (actions: [[String]], diagnostics: [String]) {
            let text = "---\nid: a\ntitle: T\nupdated: 2026-12-01\ncategory: c\n---\n\n## Installer {#installer}\n\n1. \(step)\n"
            let (article, diagnostics) = ArticleParser().parse(
                Array(text.utf8), file: "a.md", locale: "fr", phrasebook: try StepGrammarTests.phrasebook(Self.grammar))
            let steps = (article?.procedures ?? []).flatMap { $0.steps.map { $0.actions.map(\.summary) } }
            return (steps, diagnostics.map(\.formatted))
        }
        #expect(try parse("**Fermez la fenêtre** du navigateur.").actions == [["manual"]])
        #expect(try parse("[**Fermez la fenêtre**](#installer) du navigateur.").actions == [["manual"]])
        #expect(try parse("**Sélectionnez** le bouton **Enregistrer**.").actions == [["choose \"Enregistrer\""]])
        #expect(try parse("**Fermez** la fenêtre du navigateur.").actions == [["manual"]], "a verb alone in bold, its object after it")
        // The bold as it stands reads first: a label it acts on keeps its place.
        #expect(try parse("**Compte** > **Profil**.").diagnostics.first?.contains("error") == true, "a path with no verb")
        // Nothing after the bold: it may be a button's label as well as a verb, so no reading.
        #expect(try parse("**Fermez la fenêtre**.").diagnostics.first?.contains("does not read") == true)
    }

    @Test("an opening aside in parentheses, its tag in bold or not, opens a step when the grammar names it; any other aside does not")
    func openingAside() throws {
        let grammar = Self.grammar.replacingOccurrences(
            of: "purposes: [\"pour …,\", \"pour …\"]", with: "purposes: [\"pour …,\", \"pour …\", \"\\\\(recommandé\\\\)\", \"\\\\(…\\\\)\"]")
        #expect(grammar != Self.grammar)
        let phrasebook = try StepGrammarTests.phrasebook(grammar)
        func parse(_ step: String) -> [String] {
            let text = "---\nid: a\ntitle: T\nupdated: 2026-12-01\ncategory: c\n---\n\n1. \(step)\n"
            let (article, diagnostics) = ArticleParser().parse(Array(text.utf8), file: "a.md", locale: "fr", phrasebook: phrasebook)
            return diagnostics.isEmpty ? (article?.procedures ?? []).flatMap { $0.steps.flatMap { $0.actions.map(\.summary) } } : ["error"]
        }
        #expect(parse("(Recommandé) Fermez la fenêtre.") == ["manual"])
        #expect(parse("(**Recommandé**) Fermez la fenêtre.") == ["manual"])
        #expect(parse("(**Recommandé**) Cliquez sur **Compte**.") == ["click \"Compte\""])
        // "(…)" closes a step ("Cliquez sur **Compte** (en haut)") but never opens one: it may
        // hold a condition.
        #expect(parse("(**Si vous hébergez**) Fermez la fenêtre.") == ["error"])
        #expect(parse("Cliquez sur **Compte** (en haut).") == ["click \"Compte\""])
    }

    @Test("looking and people-only clauses may name a label they do not act on; other parts still may not")
    func labelsInLookAndManual() throws {
        #expect(try Self.read("Repérez la section **Sécurité**, puis cliquez sur **Modifier**.").actions == ["click \"Modifier\""])
        #expect(try Self.read("Survolez **Menu**.").actions == ["manual"])
        let broken = StepGrammarTests.grammar.replacingOccurrences(of: "  connectors: [\", puis\", \"puis\"]", with: "  connectors: [\", puis\", \"puis {}\"]")
        let (_, diagnostics) = StepExplainer.phrasebook(text: broken, file: "content/fr/phrasebook.yml", locale: "fr")
        #expect(diagnostics.map(\.message) == ["an entry of 'connectors' holds no label; remove {} or the slot"])
    }

    @Test("a verb before … matches a whole word only: \"fermez …\" does not read \"Fermeture …\"")
    func wholeWordsOnly() throws {
        #expect(try Self.read("Fermez la fenêtre.").actions == ["manual"])
        let (_, diagnostics) = try Self.read("Fermeture de la fenêtre.")
        #expect(diagnostics.first?.severity == .error, "\(diagnostics.map(\.formatted))")
    }
}
