import AccountEngine
import Foundation
import HelpModel
import ProcedureChecker
import Testing
import TestSupport

/// The claims about passwords, reset links and e-mails, invitations and sessions: they pass on
/// the real engine, and fail at the claim's number (or example) when the engine enforces another
/// value, or when the article states a wrong one.
@Suite("Password, link and session claims are verified")
struct ClaimKindTests {
    static let kinds: Set<Claim.Kind> = [
        .passwordMinLength, .passwordMaxLength, .commonPasswordRefused, .resetLinkHours, .resetEmailsPerHour,
        .invitationDays, .sessionHours,
    ]

    /// The real content's claim jobs of `kinds`.
    static func jobs(_ kinds: Set<Claim.Kind> = kinds) throws -> [CheckJob] {
        CheckPlan.make(try CheckerHarness.realArticles()).jobs.filter { job in
            if case .claim(let claim) = job.work { kinds.contains(claim.kind) } else { false }
        }
    }

    static func claim(of job: CheckJob) -> Claim? {
        if case .claim(let claim) = job.work { claim } else { nil }
    }

    @Test("the 40 claims (10 per locale) pass on the real engine")
    func pass() async throws {
        let jobs = try Self.jobs()
        #expect(jobs.count == 40)
        for locale in ["fr", "en", "de", "es"] {
            #expect(Set(jobs.filter { $0.locale == locale }.compactMap { Self.claim(of: $0)?.kind }) == Self.kinds, "\(locale)")
        }
        let results = try await CheckerHarness.withEngine { checker in await checker.run(jobs) }
        #expect(results.compactMap(\.failure).map(\.formatted) == [])
    }

    struct Drift: Sendable, CustomStringConvertible {
        var description: String
        var kind: Claim.Kind
        var configure: @Sendable (inout EngineOptions) -> Void
        /// The end of each failure's message.
        var message: String
    }

    static let drifts: [Drift] = [
        Drift(description: "--password-min-length 9", kind: .passwordMinLength, configure: { $0.passwordPolicy.length = 9...128 },
            message: "a password of 8 characters is refused: \"Le mot de passe doit contenir au moins 8 caractères.\""),
        Drift(description: "--password-min-length 7", kind: .passwordMinLength, configure: { $0.passwordPolicy.length = 7...128 },
            message: "a password of 7 characters is accepted, so fewer than 8 are allowed"),
        Drift(description: "--password-max-length 64", kind: .passwordMaxLength, configure: { $0.passwordPolicy.length = 8...64 },
            message: "a password of 128 characters is refused: \"Le mot de passe doit contenir au plus 128 caractères.\""),
        Drift(description: "--password-max-length 200", kind: .passwordMaxLength, configure: { $0.passwordPolicy.length = 8...200 },
            message: "a password of 129 characters is accepted, so more than 128 are allowed"),
        Drift(description: "--allow-common-passwords", kind: .commonPasswordRefused, configure: { $0.passwordPolicy.refusesCommon = false },
            message: "the common password \"motdepasse\" is accepted"),
        Drift(description: "--reset-link-minutes 30", kind: .resetLinkHours, configure: { $0.resetTokenLifetime = 1800 },
            message: "the reset link no longer works 59 minutes after it was sent (status 400), before the 1 hour stated"),
        Drift(description: "--reset-link-minutes 120", kind: .resetLinkHours, configure: { $0.resetTokenLifetime = 7200 },
            message: "the reset link still sets a password 1 hour 1 minute after it was sent, past the 1 hour stated"),
        Drift(description: "--reset-mails-per-hour 2", kind: .resetEmailsPerHour, configure: { $0.resetMailsPerHour = 2 },
            message: "request 3 sent no e-mail: 2 reset e-mails arrive per hour, not 3"),
        Drift(description: "--reset-mails-per-hour 4", kind: .resetEmailsPerHour, configure: { $0.resetMailsPerHour = 4 },
            message: "request 4 within the hour sent a reset e-mail too: more than 3 arrive per hour"),
        Drift(description: "--invitation-days 3", kind: .invitationDays, configure: { $0.invitationLifetime = 3 * 86400 },
            message: "the invitation link no longer works 6 days 23 hours 59 minutes after it was sent (status 400), before the 7 days stated"),
        Drift(description: "--session-hours 8", kind: .sessionHours, configure: { $0.sessionLifetime = 8 * 3600 },
            message: "the session has ended 11 hours 59 minutes after sign-in (/fr/ shows /fr/sign-in), before the 12 hours stated"),
        Drift(description: "--session-hours 24", kind: .sessionHours, configure: { $0.sessionLifetime = 24 * 3600 },
            message: "the session still opens /fr/ 12 hours 1 minute after sign-in, past the 12 hours stated"),
    ]

    @Test("an engine that enforces another value fails exactly that kind's claims, each at its number, in every locale", arguments: drifts)
    func engineDrift(_ drift: Drift) async throws {
        let jobs = try Self.jobs()
        let results = try await CheckerHarness.withEngine(drift.configure) { checker in await checker.run(jobs) }
        let failed = results.filter { !$0.passed }
        let expected = jobs.filter { Self.claim(of: $0)?.kind == drift.kind }
        #expect(!expected.isEmpty)
        #expect(
            failed.map { "\($0.failure?.file ?? ""):\($0.failure?.location ?? .init(line: 0, column: 0))" }.sorted()
                == expected.compactMap { job in Self.claim(of: job).map { "\(job.articleFile):\($0.range.start)" } }.sorted())
        #expect(Set(failed.map(\.job.locale)) == ["fr", "en", "de", "es"])
        let french = failed.filter { $0.job.locale == "fr" }.compactMap(\.failure)
        #expect(!french.isEmpty)
        for failure in french {
            #expect(failure.message.hasSuffix(drift.message), "\(failure.formatted)")
        }
    }

    @Test("an article that states wrong numbers fails each claim at its number on the real engine")
    func wrongNumbers() async throws {
        let text = """
            ---
            id: wrong
            title: Des règles fausses
            updated: 2026-12-01
            category: security
            ---

            | Règle |
            | --- |
            | Au moins 9 caractères |
            | Au plus 100 caractères |
            | Pas un mot de passe trop courant, comme « Soleil-Levant-77 » |

            Un lien de réinitialisation est valable 2 heures, et vous pouvez en recevoir 4 par heure au plus.
            Son lien est valable 8 jours. Votre session se ferme d'elle-même 13 heures après la connexion.

            """
        let plan = CheckPlan.make(try CheckerHarness.articles(["fr/faux.md": text]))
        #expect(plan.jobs.count == 7)
        let results = try await CheckerHarness.withEngine { checker in await checker.run(plan.jobs) }
        let file = "content/fr/faux.md"
        #expect(results.compactMap(\.failure).map(\.formatted) == [
            "\(file):10:12: error: [fr] claim password-min-length \"Au moins 9 caractères\": a password of 8 characters is accepted, so fewer than 9 are allowed",
            "\(file):11:11: error: [fr] claim password-max-length \"Au plus 100 caractères\": a password of 101 characters is accepted, so more than 100 are allowed",
            "\(file):12:45: error: [fr] claim common-password-refused \"trop courant, comme « Soleil-Levant-77 »\": the common password \"Soleil-Levant-77\" is accepted",
            "\(file):14:41: error: [fr] claim reset-link-hours \"réinitialisation est valable 2 heure\": the reset link no longer works 1 hour 59 minutes after it was sent (status 400), before the 2 hours stated",
            "\(file):14:78: error: [fr] claim reset-emails-per-hour \"en recevoir 4 par heure\": request 4 sent no e-mail: 3 reset e-mails arrive per hour, not 4",
            "\(file):15:22: error: [fr] claim invitation-days \"lien est valable 8 jours\": the invitation link no longer works 7 days 23 hours 59 minutes after it was sent (status 400), before the 8 days stated",
            "\(file):15:66: error: [fr] claim session-hours \"13 heures après la connexion\": the session has ended 12 hours 59 minutes after sign-in (/fr/ shows /fr/sign-in), before the 13 hours stated",
        ])
    }
}
