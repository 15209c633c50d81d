import AccountEngine
import Foundation
import HelpModel
import ProcedureChecker
import Testing
import TestSupport

/// `signed-in`: the documented sign-in form, run step by step, signs the persona in; a renamed
/// button fails it at the label, and a "Connectez-vous" step proves nothing.
@Suite("signed-in outcome")
struct SignedInOutcomeTests {
    static func french(_ body: String) -> String {
        "---\nid: essai\ntitle: Essai\nupdated: 2026-11-18\ncategory: account\nversion: 1\nchecks:\n"
            + "  - {procedure: sign-in, persona: user, outcome: signed-in}\n---\n\nEssai.\n\n## Se connecter {#sign-in}\n\n" + body
    }

    static let form = """
        1. Rendez-vous sur la page de connexion à l'extranet.
        2. Saisissez votre nom d'utilisateur et votre mot de passe.
        3. Cliquez sur **Se connecter**.

        """

    static func run(_ text: String, engine configure: @escaping (inout EngineOptions) -> Void = { _ in }) async throws -> [CheckResult] {
        let plan = CheckPlan.make(try CheckerHarness.articles(["fr/essai.md": text]))
        #expect(plan.problems.isEmpty, "\(plan.problems.map(\.formatted))")
        return try await CheckerHarness.withEngine(configure) { checker in await checker.run(plan.jobs) }
    }

    @Test("the sign-in form's steps pass on the real engine")
    func passes() async throws {
        let results = try await Self.run(Self.french(Self.form))
        #expect(results.count == 1)
        let failures = results.compactMap(\.failure).map(\.formatted)
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("a renamed button fails at its label; a step left out fails the probe")
    func drifts() async throws {
        let text = Self.french(Self.form)
        let renamed = try await Self.run(text) { $0.labelRenames = [LabelRename(locale: .fr, from: "Se connecter", to: "Connexion")] }
        let failure = try #require(renamed.first?.failure)
        let label = try OutcomeTests.place(of: "**Se connecter**", in: text)
        #expect("\(failure.file):\(failure.location)" == "content/fr/essai.md:\(label)")
        #expect(failure.message.contains("label \"Se connecter\" not on page"), "\(failure.message)")
        let noClick = try await Self.run(Self.french(Self.form.replacingOccurrences(of: "3. Cliquez sur **Se connecter**.\n", with: "")))
        #expect(noClick.first?.failure?.message.contains("signed-in: the procedure's browser is not signed in") == true,
            "\(noClick.compactMap(\.failure).map(\.formatted))")
    }

    @Test("a procedure that signs in with a 'Connectez-vous' step proves nothing of the form")
    func signInStepRefused() async throws {
        let results = try await Self.run(Self.french("1. Connectez-vous à l’extranet.\n"))
        #expect(results.first?.failure?.message.contains("signed-in: the procedure signed in with a sign-in step") == true,
            "\(results.compactMap(\.failure).map(\.formatted))")
    }
}
