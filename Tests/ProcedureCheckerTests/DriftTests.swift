import AccountEngine
import Foundation
import HelpModel
import ProcedureChecker
import Testing
import TestSupport

/// The checker fails where the product and the text part ways, at the exact place to edit, and
/// only in the locale concerned.
@Suite("Drift between the articles and the engine is reported at its line")
struct DriftTests {
    static let fr = "content/fr/modifier-identifiants-connexion.md"

    /// The seed article in its four locales, out of the real content: the drifts below are
    /// counted on it (the other articles use the same labels and claims, and fail there too).
    static func seedArticles() throws -> [Article] {
        try CheckerHarness.realArticles().filter { $0.id == "login-credentials" }
    }

    @Test("fr 'Compte' renamed 'Mon compte': each fr procedure using it fails at its **Compte**; en, de, es pass")
    func renamedLabel() async throws {
        let plan = CheckPlan.make(try Self.seedArticles())
        let results = try await CheckerHarness.withEngine({
            $0.labelRenames = [LabelRename(locale: .fr, from: "Compte", to: "Mon compte")]
        }) { checker in await checker.run(plan.jobs) }
        let failures = results.compactMap(\.failure)
        #expect(Set(results.filter { !$0.passed }.map(\.job.locale)) == ["fr"])
        // Step 2 of four procedures reads "Cliquez sur **Compte** puis sur …" (lines 23, 47, 55, 62).
        let places = failures.map { "\($0.file):\($0.location)" }.sorted()
        let expected = try Self.columns(of: "**Compte**", in: Self.fr).map { "\(Self.fr):\($0.line):\($0.column + 2)" }
        #expect(places == expected.sorted())
        #expect(expected.count == 4)
        for failure in failures {
            #expect(failure.message.contains("step 2: label \"Compte\" not on page /fr/ (labels there: "), "\(failure.message)")
            #expect(failure.message.contains("\"Mon compte\""))
        }
        #expect(failures.first?.formatted.hasPrefix(
            "\(Self.fr):23:18: error: [fr] Comment changer votre mot de passe: step 2: label \"Compte\" not on page /fr/") == true)
    }

    @Test("the locked account's click from the text: renamed, it fails at that bold label in the fr paragraph only")
    func renamedInterlude() async throws {
        let plan = CheckPlan.make(try Self.seedArticles())
        let results = try await CheckerHarness.withEngine({
            $0.labelRenames = [LabelRename(locale: .fr, from: "Oui, créer mon mot de passe", to: "Oui, continuer")]
        }) { checker in await checker.run(plan.jobs) }
        let failures = results.compactMap(\.failure)
        let place = try #require(try Self.columns(of: "**Oui, créer mon mot de passe**", in: Self.fr).first)
        #expect(failures.map { "\($0.file):\($0.location)" } == ["\(Self.fr):\(place.line):\(place.column + 2)"])
        #expect(failures.first?.message.contains(
            "Comment réinitialiser votre mot de passe, locked user: step 3: label \"Oui, créer mon mot de passe\" not on page /fr/forgot-password") == true,
            "\(failures)")
    }

    @Test("lockout limit 3: the lock claim fails at the \"5\" in each locale's article, and nothing else fails")
    func lockoutLimit() async throws {
        let plan = CheckPlan.make(try Self.seedArticles())
        let results = try await CheckerHarness.withEngine({ $0.lockoutLimit = 3 }) { checker in await checker.run(plan.jobs) }
        let failures = results.compactMap(\.failure)
        let phrases = [
            "fr": ("content/fr/modifier-identifiants-connexion.md", "5 fois sans succès"),
            "en": ("content/en/change-reset-login-credentials.md", "5 unsuccessful sign-in attempts"),
            "de": ("content/de/anmeldedaten-aendern-zuruecksetzen.md", "5 erfolglosen Anmeldeversuchen"),
            "es": ("content/es/modificar-restablecer-credenciales.md", "5 veces sin éxito"),
        ]
        var expected: [String] = []
        for (file, phrase) in phrases.values {
            let place = try #require(try Self.columns(of: phrase, in: file).first)
            expected.append("\(file):\(place.line):\(place.column)")
        }
        #expect(failures.map { "\($0.file):\($0.location)" }.sorted() == expected.sorted())
        for failure in failures {
            #expect(failure.message.hasSuffix("the account locks after 3 failed sign-ins, not 5"), "\(failure.message)")
        }
    }

    @Test("an English translation missing step 2 fails in en, in that procedure only")
    func translationMissingStep() async throws {
        let file = "en/change-reset-login-credentials.md"
        let articles = try CheckerHarness.articles(editing: file) {
            $0.replacingOccurrences(of: "2. Click **Account**, then **Change password**.\n3. Enter", with: "2. Enter")
                .replacingOccurrences(of: "4. Click **Save**.\n\nIf you've forgotten", with: "3. Click **Save**.\n\nIf you've forgotten")
        }
        let plan = CheckPlan.make(articles)
        let results = try await CheckerHarness.withEngine { checker in await checker.run(plan.jobs) }
        let failed = results.filter { !$0.passed }
        #expect(failed.map { "[\($0.job.locale)] \($0.job.name)" } == ["[en] How to change your password"])
        let failure = try #require(failed.first?.failure)
        // The field label comes from the phrasebook; the note points at the step in the article.
        #expect(failure.file.hasSuffix("content/en/phrasebook.yml"))
        #expect(failure.message.contains("step 2: field \"Current password\" not on page /en/"), "\(failure.message)")
        #expect(failure.notes.first?.file.hasSuffix(file) == true)
        #expect(failure.notes.first?.location.line == 18)
    }

    @Test("an outcome the steps do not produce fails with the probe's message, at the check")
    func unreachableOutcome() async throws {
        let articles = try CheckerHarness.articles(editing: "fr/modifier-identifiants-connexion.md") {
            $0.replacingOccurrences(of: "- {procedure: change-password, persona: user, outcome: password-changed}", with: "- {procedure: change-password, persona: user, outcome: user-deleted}")
        }
        let plan = CheckPlan.make(articles)
        let results = try await CheckerHarness.withEngine { checker in await checker.run(plan.jobs) }
        let failures = results.compactMap(\.failure)
        // The translations inherit the check, so the procedure fails in every locale.
        #expect(failures.count == 4)
        for failure in failures {
            #expect(failure.message.contains("after the last step: user-deleted: the old login old-"), "\(failure.message)")
            #expect(failure.message.hasSuffix("still signs in"))
            #expect(failure.file.hasSuffix("content/fr/modifier-identifiants-connexion.md"))
            #expect(failure.location == HelpModel.SourceLocation(line: 8, column: 5))
        }
    }

    @Test("a persona without the administration right cannot reach user management: step 2 fails at that label")
    func personaLacksRights() async throws {
        let articles = try CheckerHarness.articles(editing: "fr/modifier-identifiants-connexion.md") {
            $0.replacingOccurrences(of: "- {procedure: new-username, number: 1, persona: administrator, outcome: user-invited}", with: "- {procedure: new-username, number: 1, persona: user, outcome: user-invited}")
        }
        let plan = CheckPlan.make(articles.filter { $0.locale == "fr" })
        let results = try await CheckerHarness.withEngine { checker in await checker.run(plan.jobs) }
        let failures = results.compactMap(\.failure)
        #expect(failures.count == 1)
        #expect(failures.first?.message.contains(
            "(1/3): step 2: label \"Ajouter et gérer des utilisateurs\" not on page /fr/account") == true, "\(failures)")
        #expect(failures.first?.location == HelpModel.SourceLocation(line: 47, column: 38))
    }

    @Test("a support threshold the engine does not have fails at the number: 6 and 4 établissements")
    func supportThreshold() async throws {
        for (number, reason) in [
            ("6", "with 5 properties the e-mail change page already sends to the support team"),
            ("4", "with 4 properties the e-mail change page does not send to the support team"),
        ] {
            let articles = try CheckerHarness.articles(editing: "fr/modifier-identifiants-connexion.md") {
                $0.replacingOccurrences(of: "gérant 5 établissements", with: "gérant \(number) établissements")
            }
            let plan = CheckPlan.make(articles.filter { $0.locale == "fr" })
            let results = try await CheckerHarness.withEngine { checker in await checker.run(plan.jobs) }
            let failures = results.compactMap(\.failure)
            #expect(failures.count == 1)
            let place = try #require(try Self.columns(of: "\(number) établissements", in: Self.fr, text: Self.frText(replacing: number)).first)
            #expect(failures.first?.location == HelpModel.SourceLocation(line: place.line, column: place.column))
            #expect(failures.first?.message.hasSuffix(reason) == true, "\(failures)")
        }
    }

    /// Lines and columns (1-based, in characters) where `needle` occurs in a repository file.
    static func columns(of needle: String, in file: String, text: String? = nil) throws -> [HelpModel.SourceLocation] {
        let content = try text ?? String(contentsOf: repositoryRoot.appendingPathComponent(file), encoding: .utf8)
        var found: [HelpModel.SourceLocation] = []
        for (offset, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let range = rest.range(of: needle) {
                let column = line[..<range.lowerBound].unicodeScalars.count + 1
                found.append(HelpModel.SourceLocation(line: offset + 1, column: column))
                rest = rest[range.upperBound...]
            }
        }
        return found
    }

    static func frText(replacing number: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent(fr), encoding: .utf8)
            .replacingOccurrences(of: "gérant 5 établissements", with: "gérant \(number) établissements")
    }
}
