import Foundation
@testable import HelpParser
import HelpModel
import Testing

/// The phrase pattern language writers use in phrasebooks.
@Suite("Phrase patterns")
struct PhrasePatternTests {
    /// Tokens of a sentence given in Markdown-like form: `**x**` is a label, `*x*` an italic span.
    static func tokens(_ sentence: String) -> [PhraseText.Token] {
        var tokens: [PhraseText.Token] = []
        var labels = 0
        var emphases = 0
        var rest = Substring(sentence)
        while !rest.isEmpty {
            if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**") {
                tokens.append(.label(labels))
                labels += 1
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("*"), let end = rest.dropFirst().firstIndex(of: "*") {
                tokens.append(.emphasis(emphases))
                emphases += 1
                rest = rest[rest.index(after: end)...]
            } else {
                PhraseText.append(String(rest.removeFirst()), to: &tokens)
            }
        }
        return PhraseText.normalize(tokens)
    }

    static func matches(_ pattern: String, _ sentence: String) throws -> Bool {
        try PhrasePattern(pattern).match(tokens(sentence)) != nil
    }

    @Test("literal text must match the whole sentence")
    func wholeSentence() throws {
        #expect(try Self.matches("Connectez-vous à l'extranet.", "Connectez-vous à l'extranet."))
        #expect(try !Self.matches("Connectez-vous à l'extranet.", "Connectez-vous à l'extranet. Puis partez."))
        #expect(try !Self.matches("Connectez-vous à l'extranet.", "Connectez-vous."))
    }

    @Test("case, apostrophes, spaces and French spacing before '?' do not matter")
    func folding() throws {
        #expect(try Self.matches("Connectez-vous à l'extranet.", "CONNECTEZ-VOUS  à l’extranet."))
        #expect(try Self.matches("Vous êtes bloqué ?", "Vous êtes bloqué\u{00A0}?"))
        #expect(try Self.matches("Vous êtes bloqué ?", "Vous êtes bloqué?"))
    }

    @Test("label slots match bold spans only, and bind in order")
    func labelSlots() throws {
        let pattern = try PhrasePattern("Cliquez sur **{1}** puis sur **{2}**.")
        let match = try #require(pattern.match(Self.tokens("Cliquez sur **A** puis sur **B**.")))
        #expect(match.labels == [1: 0, 2: 1])
        #expect(try !Self.matches("Cliquez sur **{1}**.", "Cliquez sur *A*."))
        #expect(try !Self.matches("Cliquez sur **{1}**.", "Cliquez sur A."))
    }

    @Test("italic slots match italic spans")
    func emphasisSlots() throws {
        let pattern = try PhrasePattern("Sélectionnez **{1}** dans le menu *{2}*.")
        let match = try #require(pattern.match(Self.tokens("Sélectionnez **Exporter** dans le menu *Rapports*.")))
        #expect(match.emphases == [2: 0])
    }

    @Test("optional parts and alternatives")
    func optionalAndChoice() throws {
        let optional = "Cliquez sur **{1}**[,] puis sur **{2}**."
        #expect(try Self.matches(optional, "Cliquez sur **A** puis sur **B**."))
        #expect(try Self.matches(optional, "Cliquez sur **A**, puis sur **B**."))
        let leading = "[Pour réinitialiser votre mot de passe, ]cliquez sur le lien."
        #expect(try Self.matches(leading, "Pour réinitialiser votre mot de passe, cliquez sur le lien."))
        #expect(try Self.matches(leading, "Cliquez sur le lien."))
        let choice = "Cochez la case **{1}** (et|puis) cliquez sur **{2}**."
        #expect(try Self.matches(choice, "Cochez la case **A** et cliquez sur **B**."))
        #expect(try Self.matches(choice, "Cochez la case **A** puis cliquez sur **B**."))
        #expect(try !Self.matches(choice, "Cochez la case **A** ou cliquez sur **B**."))
        let innerSpace = "Wählen Sie **{1}**[ aus]."
        #expect(try Self.matches(innerSpace, "Wählen Sie **A** aus."))
        #expect(try Self.matches(innerSpace, "Wählen Sie **A**."))
    }

    @Test("escapes make pattern characters literal")
    func escapes() throws {
        #expect(try Self.matches("Appuyez sur \\[Entrée\\] \\(ou \\| \\*\\).", "Appuyez sur [Entrée] (ou | *)."))
    }

    @Test("'{…}' takes words and labels alike, within one pair of parentheses, and counts as loose")
    func asides() throws {
        let pattern = try PhrasePattern("click \\(for example, {…}\\)", grammarPart: true)
        let match = try #require(pattern.match(Self.tokens("Click (for example, *Username* and **Password**)")))
        #expect(match.labels.isEmpty && match.emphases.isEmpty, "an aside binds no slot")
        #expect(match.loose > 0)
        #expect(try PhrasePattern("click \\(for example, {...}\\)", grammarPart: true).match(Self.tokens("Click (for example, **A**)")) != nil)
        // It never crosses a parenthesis: two asides stay two.
        #expect(pattern.match(Self.tokens("Click (for example, **A**) (or **B**)")) == nil)
        // "…" alone still takes no label.
        #expect(try PhrasePattern("click \\(for example, …\\)", grammarPart: true).match(Self.tokens("Click (for example, **A**)")) == nil)
    }

    @Test("empty parentheses, an icon the text cannot show, are folded away")
    func emptyParentheses() throws {
        #expect(try Self.matches("Select **{1}**, shown by a green check.", "Select **A**, shown by a green check ( )."))
        #expect(try Self.matches("Select **{1}**.", "Select **A** ()."))
        #expect(try !Self.matches("Select **{1}**.", "Select **A** (x)."))
    }

    @Test("syntax errors name the character", arguments: [
        ("Cliquez sur {1}.", 12, "a slot must be written"),
        ("Cliquez [sur", 8, "'[' is never closed"),
        ("Cliquez (sur)", 8, "'(…)' needs alternatives"),
        ("Cliquez sur **{1}** et **{1}**.", 23, "slot 1 is used twice"),
        ("Cliquez sur **{x}**.", 15, "a slot number is a digit"),
        ("Cliquez ] ici", 8, "unexpected ']'"),
    ])
    func syntaxErrors(pattern: String, index: Int, message: String) {
        #expect {
            _ = try PhrasePattern(pattern)
        } throws: { error in
            guard let error = error as? PhrasePattern.SyntaxError else { return false }
            return error.index == index && error.message.hasPrefix(message)
        }
    }
}
