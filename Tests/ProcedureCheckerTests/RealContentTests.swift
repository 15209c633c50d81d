import HelpModel
import ProcedureChecker
import Testing

/// The repository's content, as published: every procedure and claim passes in every locale.
@Suite("The real content passes against the engine")
struct RealContentTests {
    @Test("76 procedure runs (19 per locale) and 64 claims (16 per locale) pass in fr, en, de and es; every procedure is checked")
    func realContentPasses() async throws {
        let articles = try CheckerHarness.realArticles()
        let plan = CheckPlan.make(articles)
        #expect(plan.problems.isEmpty)
        #expect(plan.unchecked == 0)
        let results = try await CheckerHarness.withEngine { checker in
            try await checker.verifyTarget()
            return await checker.run(plan.jobs)
        }
        #expect(results.count == 140)
        for locale in ["fr", "en", "de", "es"] {
            let local = results.filter { $0.job.locale == locale }
            #expect(local.count { if case .procedure = $0.job.work { true } else { false } } == 19, "\(locale)")
            #expect(local.count { if case .claim = $0.job.work { true } else { false } } == 16, "\(locale)")
        }
        #expect(results.compactMap(\.failure).map(\.formatted) == [])
    }

    @Test("translations without checks inherit the source's, procedure for procedure")
    func translationsInherit() throws {
        let articles = try CheckerHarness.realArticles().filter { $0.id == "login-credentials" }
        let plan = CheckPlan.make(articles)
        let outcomes = { (locale: String) in
            plan.jobs.filter { $0.locale == locale }.compactMap { job -> String? in
                if case .procedure(_, let check, _, _) = job.work { check.outcome.rawValue } else { nil }
            }
        }
        let french = outcomes("fr")
        #expect(french == [
            "password-changed", "reset-link-sent", "reset-link-sent", "user-invited", "user-deleted", "property-access-granted",
        ])
        for locale in ["en", "de", "es"] { #expect(outcomes(locale) == french, "\(locale)") }
    }
}
