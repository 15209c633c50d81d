internal import HelpModel

/// Verifies the facts the prose states, each on its own fresh fixture.
///
/// Claims about durations make time pass with the test API's clock (`POST /_test/clock`), which
/// moves only the fixture user's time: sessions, links and e-mails of the jobs running beside
/// it on the same engine (or of other shards on a shared `--target`) keep the real time, so
/// these claims run in parallel like the others rather than one at a time.
enum ClaimCheck {
    /// The numbers a kind's check tries. Counts cost a request per unit, so a typo such as "500
    /// fois" fails at once instead of sending 500 requests; a length or a duration costs the
    /// same whatever its number (the clock goes at most a year forward).
    static func tried(_ kind: Claim.Kind) -> ClosedRange<Int> {
        switch kind {
        case .lockoutThreshold, .supportThreshold, .resetEmailsPerHour: 1...50
        case .passwordMinLength, .passwordMaxLength: 1...4096
        case .resetLinkHours, .sessionHours: 1...(24 * 365)
        case .invitationDays: 1...365
        case .commonPasswordRefused: 0...0
        }
    }

    static func verify(_ claim: Claim, locale: String, tag: String, transport: HTTPTransport) async throws {
        let context = Context(locale: locale, tag: tag, transport: transport)
        if case .password(let example) = claim.value, claim.kind == .commonPasswordRefused {
            return try await commonPassword(example, context)
        }
        guard let number = claim.number, claim.kind.slot == .number else {
            throw StepProblem("a \(claim.kind.rawValue) claim holds \"\(claim.value)\" where its check needs \(claim.kind.slot.rawValue)")
        }
        let range = tried(claim.kind)
        guard range.contains(number) else {
            throw StepProblem("\(number) is outside what the checker tries (\(range.lowerBound)–\(range.upperBound))")
        }
        switch claim.kind {
        case .lockoutThreshold: try await lockout(number, context)
        case .supportThreshold: try await support(number, context)
        case .passwordMinLength: try await minimumLength(number, context)
        case .passwordMaxLength: try await maximumLength(number, context)
        case .resetLinkHours: try await resetLink(hours: number, context)
        case .resetEmailsPerHour: try await resetEmails(perHour: number, context)
        case .invitationDays: try await invitation(days: number, context)
        case .sessionHours: try await session(hours: number, context)
        case .commonPasswordRefused: break
        }
    }

    /// What every claim's check works with: the article's locale, the job's unique tag for
    /// fixture names, and the target.
    struct Context {
        let locale: String
        let tag: String
        let transport: HTTPTransport

        var api: TestAPI { TestAPI(transport: transport) }

        /// A fresh account with one active user, `name-tag`.
        func activeUser(_ name: String, properties: Int = 1, admin: Bool = false, suffix: String = "") async throws -> Person {
            let id = "\(name)-\(tag)\(suffix)"
            let person = Person(
                username: id, name: "\(name.prefix(1).uppercased())\(name.dropFirst()) \(tag)", email: "\(id)@example.com",
                password: Secret.password(tag))
            _ = try await api.createAccount(TestAPI.AccountRequest(
                name: "Account \(id)", properties: properties,
                users: [TestAPI.User(
                    username: person.username, name: person.name, email: person.email, password: person.password,
                    admin: admin ? true : nil)],
                locale: locale))
            return person
        }
    }

    /// "5 fois sans succès": 4 wrong passwords on the sign-in page leave the account active, the
    /// 5th locks it (as the test API's user state tells).
    private static func lockout(_ limit: Int, _ context: Context) async throws {
        let person = try await context.activeUser("lock")
        let browser = Browser(context.transport)
        for attempt in 1...limit {
            _ = try await SignIn.attempt(
                browser, locale: context.locale, username: person.username, password: "Wrong-\(attempt)-\(person.password)")
            let state = try await context.api.user(person.username)?.state ?? "missing"
            if attempt < limit, state == "locked" {
                throw StepProblem("the account locks after \(attempt) failed sign-in\(attempt == 1 ? "" : "s"), not \(limit)")
            }
            if attempt == limit, state != "locked" {
                throw StepProblem("the account is still \(state) after \(limit) failed sign-ins")
            }
        }
    }

    /// "5 établissements ou plus": with 5 properties the e-mail change page sends to support,
    /// with 4 it does not. The page is the documented `/{locale}/account/email`.
    private static func support(_ threshold: Int, _ context: Context) async throws {
        if try await sendsToSupport(properties: threshold, suffix: "a", context) == false {
            throw StepProblem("with \(threshold) properties the e-mail change page does not send to the support team")
        }
        if threshold > 1, try await sendsToSupport(properties: threshold - 1, suffix: "b", context) {
            throw StepProblem("with \(threshold - 1) properties the e-mail change page already sends to the support team")
        }
    }

    private static func sendsToSupport(properties: Int, suffix: String, _ context: Context) async throws -> Bool {
        let locale = context.locale
        let person = try await context.activeUser("mail", properties: properties, admin: true, suffix: suffix)
        let browser = Browser(context.transport)
        _ = try await SignIn.require(browser, locale: locale, person, purpose: "support-threshold")
        let page = try await browser.open("/\(locale)/account/email")
        guard page.status == 200 else { throw StepProblem("/\(locale)/account/email answered \(page.status)") }
        return !page.links(to: "/\(locale)/support").isEmpty
    }
}
