import Foundation
import HelpModel
@testable import HelpParser
import Testing

/// Steps that apply to some readers only ("Si besoin, cliquez sur …") and steps that offer a
/// choice ("Cliquez sur **A** ou **B**"): what they say to do is clear to a person, which case
/// applies is not to the checker. They read as steps for people, warned about with a code; a
/// sentence that does not read even so stays an error with its hint. The small French grammar
/// of ``StepGrammarTests``, with a `conditions:` part.
@Suite("Conditions and choices")
struct ConditionsAndChoicesTests {
    static let grammar = StepGrammarTests.grammar
        .replacingOccurrences(of: "  purposes: [\"pour …,\", \"pour …\"]", with: """
              purposes: ["pour …,", "pour …"]
              conditions: ["si …,", "si {} …,", "si …", "quand …", "selon …,", "\\\\(si …\\\\)"]
            """)
        .replacingOccurrences(of: "  pages: [\"sur la page {}\"]", with: "  pages: [\"sur la page {}\", \"quand on vous le demande\"]")

    static func read(_ step: String, grammar: String = grammar) throws -> (actions: [String], diagnostics: [Diagnostic]) {
        let (actions, diagnostics) = StepExplainer.read(step, phrasebook: try StepGrammarTests.phrasebook(grammar))
        return (actions.map(\.summary), diagnostics)
    }

    /// Each step reads as one for people, with the conditional-step warning alone.
    static func expectConditional(_ steps: [String]) throws {
        for step in steps {
            let (actions, diagnostics) = try read(step)
            #expect(actions == ["manual"], "\(step)")
            #expect(diagnostics.map(\.code) == [ArticleParser.conditionalStepCode], "\(step): \(diagnostics.map(\.formatted))")
        }
    }

    @Test("a condition opening the step makes it a step for people, warned at the step with its code")
    func openingCondition() throws {
        let (actions, diagnostics) = try Self.read("Si besoin, cliquez sur **Enregistrer**.")
        #expect(actions == ["manual"])
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.code == ArticleParser.conditionalStepCode)
        #expect(diagnostics.first?.location == SourceLocation(line: 1, column: 1))
        #expect(diagnostics.first?.message.contains("applies under a condition") == true, "\(diagnostics.map(\.formatted))")
        // Without the part, the same sentence is an error, as before.
        let (_, plain) = try Self.read("Si besoin, cliquez sur **Enregistrer**.", grammar: StepGrammarTests.grammar)
        #expect(plain.first?.severity == .error)
    }

    @Test("a condition closing the step, and one that names a label, read the same way")
    func closingCondition() throws {
        try Self.expectConditional(["Cliquez sur **Ajouter** si la personne n'a pas encore de compte.", "Selon votre offre, cochez la case **Finance**.",
            "Si **Finance** est cochée, cliquez sur **Enregistrer**."])
        // What follows the condition must still read: a condition does not excuse a sentence.
        let (_, unread) = try Self.read("Si besoin, glissez **Enregistrer** vers le haut.")
        #expect(unread.map(\.severity) == [.error], "\(unread.map(\.formatted))")
    }

    @Test("a condition in parentheses opens a step, and a condition alone before a colon introduces nested steps")
    func asideAndColon() throws {
        try Self.expectConditional(["(Si vous hébergez le serveur) cliquez sur **Enregistrer**.", "(**Si auto-hébergé**) cliquez sur **Enregistrer**.",
            "Si vous êtes une entreprise :", "Cliquez sur **Enregistrer** (si vous avez changé quelque chose)."])
        // A condition alone, with no instruction and no colon, is no step.
        let (_, alone) = try Self.read("Si vous êtes une entreprise.")
        #expect(alone.map(\.severity) == [.error], "\(alone.map(\.formatted))")
    }

    @Test("a reading without a condition wins: a place that says when is not a condition")
    func unconditionalWins() throws {
        let (actions, diagnostics) = try Self.read("Cliquez sur **Enregistrer** quand on vous le demande.")
        #expect(actions == ["click \"Enregistrer\""])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
    }

    @Test("a choice between labels or actions the grammar knows reads as a step for people, warned")
    func choice() throws {
        for step in ["Cliquez sur **Compte** ou **Paramètres**.", "Cliquez sur **Enregistrer** ou fermez la fenêtre."] {
            let (actions, diagnostics) = try Self.read(step)
            #expect(actions == ["manual"], "\(step)")
            #expect(diagnostics.map(\.code) == [ArticleParser.choiceStepCode], "\(step): \(diagnostics.map(\.formatted))")
            #expect(diagnostics.first?.message.contains("offers a choice ('ou')") == true)
        }
        // An "ou" in a sentence that does not read even as a list is no choice: the error says how far it read.
        let (_, unread) = try Self.read("Glissez **Compte** ou **Paramètres**.")
        #expect(unread.map(\.severity) == [.error])
        #expect(unread.first?.message.contains("does not read as any phrase") == true, "\(unread.map(\.formatted))")
    }

    @Test("an article with a conditional step and a choice builds; both are steps for people, the others are checked")
    func articleBuilds() throws {
        let text = """
            ---
            id: a
            title: T
            updated: 2026-12-01
            category: c
            ---

            1. Cliquez sur **Compte**.
            2. Si besoin, cliquez sur **Modifier**.
            3. Cochez la case **Finance** ou **Marketing**.

            """
        let (article, diagnostics) = ArticleParser().parse(
            Array(text.utf8), file: "a.md", locale: "fr", phrasebook: try StepGrammarTests.phrasebook(Self.grammar))
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code ?? "")" } == [
            "9:4 \(ArticleParser.conditionalStepCode)", "10:4 \(ArticleParser.choiceStepCode)",
        ])
        guard case .procedure(let procedure)? = try #require(article).intro.first else {
            Issue.record("no procedure")
            return
        }
        #expect(procedure.steps.map { $0.actions.map(\.summary) } == [["click \"Compte\""], ["manual"], ["manual"]])
        #expect(procedure.steps.map(\.isManual) == [false, true, true])
    }
}
