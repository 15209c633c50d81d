internal import HelpModel

/// Verifies the facts the prose states, each on its own fresh fixture.
enum ClaimCheck {
    /// Numbers above this are not tried (a typo such as "500 fois" fails without 500 requests).
    static let largest = 50

    static func verify(_ claim: Claim, locale: String, tag: String, transport: HTTPTransport) async throws {
        guard (1...largest).contains(claim.value) else {
            throw StepProblem("\(claim.value) is outside what the checker tries (1–\(largest))")
        }
        switch claim.kind {
        case .lockoutThreshold: try await lockout(claim.value, locale: locale, tag: tag, transport: transport)
        case .supportThreshold: try await support(claim.value, locale: locale, tag: tag, transport: transport)
        }
    }

    /// "5 fois sans succès": 4 wrong passwords on the sign-in page leave the account active, the
    /// 5th locks it (as the test API's user state tells).
    private static func lockout(_ limit: Int, locale: String, tag: String, transport: HTTPTransport) async throws {
        let api = TestAPI(transport: transport)
        let person = Person(username: "lock-\(tag)", name: "Lock \(tag)", email: "lock-\(tag)@example.com", password: Secret.password(tag))
        _ = try await api.createAccount(TestAPI.AccountRequest(
            name: "Account \(tag)", properties: 1,
            users: [TestAPI.User(username: person.username, name: person.name, email: person.email, password: person.password)], locale: locale))
        let browser = Browser(transport)
        for attempt in 1...limit {
            _ = try await SignIn.attempt(browser, locale: locale, username: person.username, password: "Wrong-\(attempt)-\(person.password)")
            let state = try await api.user(person.username)?.state ?? "missing"
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
    private static func support(_ threshold: Int, locale: String, tag: String, transport: HTTPTransport) async throws {
        if try await sendsToSupport(properties: threshold, locale: locale, tag: "\(tag)a", transport: transport) == false {
            throw StepProblem("with \(threshold) properties the e-mail change page does not send to the support team")
        }
        if threshold > 1, try await sendsToSupport(properties: threshold - 1, locale: locale, tag: "\(tag)b", transport: transport) {
            throw StepProblem("with \(threshold - 1) properties the e-mail change page already sends to the support team")
        }
    }

    private static func sendsToSupport(properties: Int, locale: String, tag: String, transport: HTTPTransport) async throws -> Bool {
        let api = TestAPI(transport: transport)
        let person = Person(username: "mail-\(tag)", name: "Mail \(tag)", email: "mail-\(tag)@example.com", password: Secret.password(tag))
        _ = try await api.createAccount(TestAPI.AccountRequest(
            name: "Account \(tag)", properties: properties,
            users: [TestAPI.User(username: person.username, name: person.name, email: person.email, password: person.password, admin: true)], locale: locale))
        let browser = Browser(transport)
        _ = try await SignIn.require(browser, locale: locale, person, purpose: "support-threshold")
        let page = try await browser.open("/\(locale)/account/email")
        guard page.status == 200 else { throw StepProblem("/\(locale)/account/email answered \(page.status)") }
        return !page.links(to: "/\(locale)/support").isEmpty
    }
}
