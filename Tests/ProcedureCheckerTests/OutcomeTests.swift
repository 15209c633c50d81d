import AccountEngine
import Foundation
import HelpModel
import ProcedureChecker
import Testing
import TestSupport

/// The outcomes and fixture states beyond the seed article's, on an article written for them
/// (fr, and its en translation): each passes on the real engine and fails at the line that
/// drifted when the engine changes, or when a translation loses a step.
@Suite("New outcomes and states, passing and drifting")
struct OutcomeTests {
    static let fr = "content/fr/essai.md"
    static let en = "content/en/essai.md"

    static let checks = """
        checks:
          - {procedure: sign-out, persona: user, outcome: signed-out}
          - {procedure: sign-out, persona: user, failed-attempts: 4, outcome: signed-out}
          - {procedure: accept-new, persona: user, state: invited, invitation: new-user, outcome: invitation-accepted}
          - {procedure: accept-existing, persona: user, state: invited, invitation: existing-user, properties: 2, outcome: invitation-accepted}
          - {procedure: rights, persona: administrator, second-user: {rights: [reservations]}, outcome: rights-changed}
          - {procedure: unlock, persona: user, state: locked, outcome: account-unlocked}
          - {procedure: support, persona: user, outcome: support-page-shown}

        """

    static let frenchBody = """
        ## Se déconnecter {#sign-out}

        1. Connectez-vous à l’extranet.
        2. Cliquez sur **Se déconnecter**.

        ## Accepter comme nouvel utilisateur {#accept-new}

        1. Cliquez sur le lien indiqué dans l'e-mail que nous vous avons envoyé.
        2. Indiquez 2 fois votre nouveau mot de passe.
        3. Cliquez sur **Accepter l'invitation**.

        ## Accepter comme utilisateur existant {#accept-existing}

        1. Cliquez sur le lien indiqué dans l'e-mail que nous vous avons envoyé.
        2. Cliquez sur **Accepter l'invitation**.

        ## Changer les droits {#rights}

        1. Connectez-vous à l’extranet.
        2. Cliquez sur **Compte** puis sur **Ajouter et gérer des utilisateurs**.
        3. Cliquez sur le bouton **Gérer**, situé à côté de l'ancien identifiant de connexion.
        4. Cochez **Finances**.
        5. Cliquez sur **Enregistrer**.

        ## Débloquer son compte {#unlock}

        1. Rendez-vous sur la page de connexion à l’extranet.
        2. Cliquez sur **Vous ne parvenez pas à vous connecter ?** puis sur **Mot de passe oublié ?**.
        3. Saisissez votre nom d'utilisateur, puis cliquez sur **Confirmer**.
        4. Cliquez sur **Oui, créer mon mot de passe**.
        5. Pour réinitialiser votre mot de passe, cliquez sur le lien indiqué dans l'e-mail que nous vous avons envoyé.

        ## Nom d'utilisateur oublié {#support}

        1. Rendez-vous sur la page de connexion à l’extranet.
        2. Cliquez sur **Vous ne parvenez pas à vous connecter ?** puis sur **Vous avez oublié votre nom d'utilisateur ?**.

        """

    /// The English translation, its sections in another order than the source's.
    static let englishSections = [
        """
        ## Forgotten username {#support}

        1. Go to the extranet sign-in page.
        2. Click **Can't sign in?**, then **Forgot your username?**.

        """,
        """
        ## Change rights {#rights}

        1. Sign in to the extranet.
        2. Click **Account**, then **Add and manage users**.
        3. Click the **Manage** button next to the old login.
        4. Tick **Finance**.
        5. Click **Save**.

        """,
        """
        ## Sign out {#sign-out}

        1. Sign in to the extranet.
        2. Click **Sign out**.

        """,
        """
        ## Accept as a new user {#accept-new}

        1. Click the link in the email we sent you.
        2. Type your new password twice.
        3. Click **Accept invitation**.

        """,
        """
        ## Accept as an existing user {#accept-existing}

        1. Click the link in the email we sent you.
        2. Click **Accept invitation**.

        """,
        """
        ## Unlock your account {#unlock}

        1. Go to the extranet sign-in page.
        2. Click **Can't sign in?**, then **Forgot password?**.
        3. Enter your username, then click **Confirm**.
        4. Click **Yes, create my password**.
        5. To reset your password, click the link in the email we sent you.

        """,
    ]

    static func french(checks: String = checks, body: String = frenchBody) -> String {
        "---\nid: essai\ntitle: Essai\nupdated: 2026-11-18\ncategory: account\nversion: 1\n\(checks)---\n\nEssai.\n\n\(body)"
    }

    static func english(_ sections: [String] = englishSections) -> String {
        "---\nid: essai\ntitle: Trial\nupdated: 2026-11-18\ncategory: account\ntranslates: {locale: fr, version: 1}\n---\n\nTrial.\n\n"
            + sections.joined(separator: "\n")
    }

    static func run(
        fr: String = french(), en: String = english(), engine configure: @escaping (inout EngineOptions) -> Void = { _ in }
    ) async throws -> (CheckPlan.Plan, [CheckResult]) {
        let plan = CheckPlan.make(try CheckerHarness.articles(["fr/essai.md": fr, "en/essai.md": en]))
        let results = try await CheckerHarness.withEngine(configure) { checker in await checker.run(plan.jobs) }
        return (plan, results)
    }

    /// Where `needle` starts in `text` (1-based line, column), `+2` past the `**` of a label.
    static func place(of needle: String, in text: String, occurrence: Int = 0) throws -> String {
        let found = try DriftTests.columns(of: needle, in: "", text: text)
        let at = try #require(found.count > occurrence ? found[occurrence] : nil)
        return "\(at.line):\(at.column + (needle.hasPrefix("**") ? 2 : 0))"
    }

    @Test("every new outcome and state passes on the real engine in fr and in an en translation that reorders its sections")
    func passes() async throws {
        let (plan, results) = try await Self.run()
        #expect(plan.problems.isEmpty, "\(plan.problems.map(\.formatted))")
        #expect(results.count == 14)
        #expect(results.filter { !$0.passed }.compactMap(\.failure).map(\.formatted) == [])
        #expect(plan.uncheckedProcedures.isEmpty)
        // Inherited by name: the en job of 'rights' runs the source's rights-changed check.
        let english = results.filter { $0.job.locale == "en" }.map(\.job.name)
        #expect(english.contains("Change rights"))
        #expect(english.contains("Sign out, active user"))
    }

    @Test("renamed labels: each new outcome's procedure fails at the bold label, in fr only")
    func renamedLabels() async throws {
        let renames = [
            ("Se déconnecter", ["**Se déconnecter**"]),
            ("Accepter l'invitation", ["**Accepter l'invitation**", "**Accepter l'invitation**"]),
            ("Enregistrer", ["**Enregistrer**"]),
            ("Finances", ["**Finances**"]),
            ("Oui, créer mon mot de passe", ["**Oui, créer mon mot de passe**"]),
            ("Vous avez oublié votre nom d'utilisateur ?", ["**Vous avez oublié votre nom d'utilisateur ?**"]),
        ]
        let text = Self.french()
        for (label, needles) in renames {
            let (_, results) = try await Self.run(engine: { $0.labelRenames = [LabelRename(locale: .fr, from: label, to: "\(label) (nouveau)")] })
            let failed = results.filter { !$0.passed }
            #expect(Set(failed.map(\.job.locale)) == ["fr"], "\(label)")
            var expected: [String] = []
            for (index, needle) in needles.enumerated() { expected.append("\(Self.fr):\(try Self.place(of: needle, in: text, occurrence: index))") }
            // "Se déconnecter" is run by two checks of the one procedure.
            let places = Set(failed.compactMap(\.failure).map { "\($0.file):\($0.location)" })
            #expect(places == Set(expected), "\(label): \(failed.compactMap(\.failure).map(\.formatted))")
            for failure in failed.compactMap(\.failure) {
                #expect(failure.message.contains("label \"\(label)\" not on page"), "\(failure.message)")
            }
        }
    }

    @Test("lockout limit 3: the account with 4 failed attempts cannot sign in, at step 1 of the sign-out procedure only")
    func failedAttemptsAgainstLimit() async throws {
        let (_, results) = try await Self.run(engine: { $0.lockoutLimit = 3 })
        let failed = results.filter { !$0.passed }
        #expect(failed.map { "[\($0.job.locale)] \($0.job.name)" }.sorted() == ["[en] Sign out, active user", "[fr] Se déconnecter, active user"])
        let french = try #require(failed.first { $0.job.locale == "fr" }?.failure)
        #expect(french.file == Self.fr)
        // The step's sentence, after "1. ".
        let step = try #require(try DriftTests.columns(of: "1. Connectez-vous", in: "", text: Self.french()).first)
        #expect(french.location == HelpModel.SourceLocation(line: step.line, column: 4))
        #expect(french.message.contains("step 1: the persona cannot sign in: signing in as persona-"), "\(french.message)")
    }

    @Test("a step missing in the en translation: only en fails, with the probe's reason at the source's check")
    func stepMissingInTranslation() async throws {
        var sections = Self.englishSections
        sections[1] = sections[1].replacingOccurrences(of: "4. Tick **Finance**.\n5. Click **Save**.", with: "4. Click **Save**.")
        let (_, results) = try await Self.run(en: Self.english(sections))
        let failed = results.filter { !$0.passed }
        #expect(failed.map { "[\($0.job.locale)] \($0.job.name)" } == ["[en] Change rights"])
        let failure = try #require(failed.first?.failure)
        #expect(failure.message.contains("after the last step: rights-changed: the form sent the rights old-"), "\(failure.message)")
        #expect(failure.message.hasSuffix("already had ([\"reservations\"]); nothing changed"))
        #expect(failure.file == Self.fr)
        // The check's mapping, after "  - ".
        let check = try #require(try DriftTests.columns(of: "{procedure: rights", in: "", text: Self.french()).first)
        #expect(failure.location == check)
    }

    @Test("outcomes the steps do not reach fail with the probe's words, at the check")
    func unreachableOutcomes() async throws {
        let checks = """
            checks:
              - {procedure: support, persona: user, outcome: signed-out}
              - {procedure: sign-out, persona: user, outcome: support-page-shown}
              - {procedure: accept-existing, persona: user, outcome: account-unlocked}

            """
        let (_, results) = try await Self.run(fr: Self.french(checks: checks))
        let messages = results.filter { $0.job.locale == "fr" }.compactMap(\.failure).map(\.message)
        #expect(messages.count == 3)
        #expect(messages.contains { $0.contains("signed-out: the procedure never signed in, so there is no session to end") }, "\(messages)")
        #expect(messages.contains { $0.contains("support-page-shown: the browser ended on /fr/sign-in, not the support page /fr/support") }, "\(messages)")
        #expect(messages.contains { $0.contains("step 1: no e-mail with a link arrived") }, "\(messages)")
    }

    @Test("a translation lacking a named section: an error naming the translation and the id to add; the rest still runs")
    func translationLacksSection() async throws {
        var sections = Self.englishSections
        sections[0] = sections[0].replacingOccurrences(of: "{#support}", with: "")
        let (plan, results) = try await Self.run(en: Self.english(sections))
        #expect(plan.problems.map(\.message) == [
            "[en] the source's check of procedure 'support' finds no such procedure in content/en/essai.md: check names procedure 'support', "
                + "but no section has that anchor; did you mean 'sign-out'?; give the translated section the source's heading id: '## … {#support}'"
        ])
        #expect(plan.problems.first?.file == Self.en)
        #expect(plan.uncheckedProcedures.map { "[\($0.locale)] \($0.procedure)" } == ["[en] Forgotten username"])
        #expect(results.filter { !$0.passed }.isEmpty)
        #expect(results.count == 13)
    }

    @Test(
        "a step missing in the en translation fails that outcome in en only, with the probe's reason",
        arguments: [
            (2, "2. Click **Sign out**.\n", "signed-out: the old session cookie still opens /en/"),
            (3, "3. Click **Accept invitation**.\n", "invitation-accepted: after accepting: signing in as persona-"),
            (0, "2. Click **Can't sign in?**, then **Forgot your username?**.\n", "support-page-shown: the browser ended on /en/sign-in, not the support page /en/support"),
            (5, "5. To reset your password, click the link in the email we sent you.\n", "account-unlocked: signing in as persona-"),
        ])
    func stepMissingPerOutcome(_ section: Int, _ step: String, _ reason: String) async throws {
        var sections = Self.englishSections
        sections[section] = sections[section].replacingOccurrences(of: step, with: "")
        let (_, results) = try await Self.run(en: Self.english(sections))
        let failed = results.filter { !$0.passed }
        #expect(Set(failed.map(\.job.locale)) == ["en"])
        #expect(failed.count == (section == 2 ? 2 : 1), "\(failed.map(\.job.name))")
        for failure in failed.compactMap(\.failure) {
            #expect(failure.message.contains("after the last step: \(reason)"), "\(failure.message)")
            #expect(failure.file == Self.fr)
        }
    }
}
