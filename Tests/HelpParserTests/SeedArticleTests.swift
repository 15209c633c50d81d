import HelpModel
import HelpParser
import Testing
import TestSupport

/// What the phrasebooks read from the seed article's steps.
@Suite("Seed article procedures")
struct SeedArticleTests {
    /// A compact, comparable form of an action: `click Compte`, `fill current-password`.
    static func describe(_ action: Action) -> String {
        switch action {
        case .signIn: "sign-in"
        case .open(let page): "open \(page.rawValue)"
        case .followEmailLink: "follow-email-link"
        case .manual: "manual"
        case .click(let target): "click \(target.label.text)" + (target.beside.map { " beside \($0.rawValue)" } ?? "")
        case .choose(let target): "choose \(target.label.text)"
        case .tick(let target): "tick \(target.label.text)"
        case .fill(let field): "fill \(field.value.rawValue)" + (field.label.map { " \($0.text)" } ?? "")
        }
    }

    static func steps(of article: Article, section: Int, procedure: Int = 0) -> [[String]] {
        article.sections[section].procedures[procedure].steps.map { $0.actions.map(describe) }
    }

    @Test("fr: every step of every procedure reads as the expected actions")
    func frenchActions() throws {
        let article = try #require(try GoldenTreeTests.loadSeed("fr"))
        #expect(article.sections.map(\.title.plainText) == [
            "Comment changer votre mot de passe",
            "Comment réinitialiser votre mot de passe",
            "Comment créer un nouveau nom d'utilisateur",
            "Les droits d'accès en bref",
        ])
        #expect(Self.steps(of: article, section: 0) == [
            ["sign-in"],
            ["click Compte", "click Modifier le mot de passe"],
            ["fill current-password Mot de passe actuel", "fill new-password Nouveau mot de passe",
             "fill new-password Confirmer le nouveau mot de passe"],
            ["click Enregistrer"],
        ])
        #expect(Self.steps(of: article, section: 1) == [
            ["open sign-in"],
            ["click Vous ne parvenez pas à vous connecter ?", "click Mot de passe oublié ?"],
            ["fill username Nom d'utilisateur", "click Confirmer"],
            ["follow-email-link"],
        ])
        #expect(Self.steps(of: article, section: 2, procedure: 0) == [
            ["sign-in"],
            ["click Compte", "click Ajouter et gérer des utilisateurs"],
            ["choose Ajouter un utilisateur", "choose Nouvel utilisateur"],
            ["fill person-name Nom", "fill email-address Adresse e-mail",
             "click Étape suivante : configuration des droits d'accès"],
            ["fill access-rights", "click Envoyer l'invitation"],
        ])
        #expect(Self.steps(of: article, section: 2, procedure: 1) == [
            ["sign-in"],
            ["click Compte", "click Ajouter et gérer des utilisateurs"],
            ["click Gérer beside previous-username"],
            ["choose Supprimer l'utilisateur"],
        ])
        #expect(Self.steps(of: article, section: 2, procedure: 2) == [
            ["sign-in"],
            ["click Compte", "click Ajouter et gérer des utilisateurs"],
            ["choose Ajouter un utilisateur", "choose Utilisateur existant"],
            ["fill property-id Identifiant de l'établissement", "fill email-address Adresse e-mail"],
            ["click Voir les droits d'accès", "click Envoyer l’invitation"],
        ])
    }

    @Test("fr: labels point at the bold text in the file")
    func labelLocations() throws {
        let article = try #require(try GoldenTreeTests.loadSeed("fr"))
        let step = article.sections[0].procedures[0].steps[1]
        guard case .click(let target) = step.actions[1], case .article(let range) = target.label.origin else {
            Issue.record("step 2 should click an article label")
            return
        }
        // "2. Cliquez sur **Compte** puis sur **Modifier le mot de passe**." on line 23.
        #expect(range == SourceRange(start: SourceLocation(line: 23, column: 38), end: SourceLocation(line: 23, column: 61)))
    }

    @Test("the four locales have the same procedure shape as the French source")
    func sameShapeInEveryLocale() throws {
        let source = try #require(try GoldenTreeTests.loadSeed("fr"))
        #expect(source.procedures.count == 5)
        for locale in ["en", "de", "es"] {
            let translation = try #require(try GoldenTreeTests.loadSeed(locale))
            #expect(translation.procedureShape == source.procedureShape, "\(locale) differs from fr")
            #expect(translation.sections.count == source.sections.count)
            #expect(translation.frontMatter.translates == FrontMatter.TranslationSource(locale: "fr", version: 1))
            #expect(translation.id == source.id)
        }
    }

    @Test("the seed's facts are in the French article: 5 failed attempts, 5 or more properties, support")
    func seedFacts() throws {
        let article = try #require(try GoldenTreeTests.loadSeed("fr"))
        let text = (article.intro + article.sections.flatMap(\.blocks)).map(Self.plainText).joined(separator: "\n")
        #expect(text.contains("en essayant de vous connecter 5 fois sans succès"))
        #expect(text.contains("Oui, créer mon mot de passe"))
        #expect(text.contains("Vous avez oublié votre nom d'utilisateur ?"))
        #expect(text.contains("gérant 5 établissements ou plus"))
        #expect(text.contains("Vous ne pouvez pas modifier l'adresse e-mail"))
    }

    static func plainText(_ block: Block) -> String {
        switch block {
        case .paragraph(let paragraph): paragraph.content.plainText
        case .note(let note): note.blocks.map(plainText).joined(separator: "\n")
        case .procedure(let procedure): procedure.steps.map(\.sentence.plainText).joined(separator: "\n")
        case .list(let list): list.items.flatMap { $0.map(plainText) }.joined(separator: "\n")
        case .code(let code): code.code
        case .table(let table): table.allRows.joined().map(\.content.plainText).joined(separator: "\n")
        }
    }
}
