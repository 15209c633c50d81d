internal import HTMLReader
internal import HelpModel

/// What one procedure run holds while it goes: the browser of the person following it, the
/// page in front of them, and the fixture it started from.
final class Session {
    let transport: HTTPTransport
    let api: TestAPI
    let locale: String
    let fixture: Fixture
    let check: ProcedureCheck
    let browser: Browser
    var page: Page?
    /// The link of the e-mail the procedure followed last (the probe reopens it).
    var followedLink: String?
    /// The browser's cookies right after the procedure signed in: `signed-out` replays them.
    var signedInCookies: CookieJar?
    /// The checkboxes of the last form the procedure sent by a POST button (label, value,
    /// ticked): `rights-changed` compares them with what the changed user sees.
    var lastSentCheckboxes: [(label: String, value: String, checked: Bool)] = []

    init(transport: HTTPTransport, locale: String, fixture: Fixture, check: ProcedureCheck) {
        self.transport = transport
        api = TestAPI(transport: transport)
        self.locale = locale
        self.fixture = fixture
        self.check = check
        browser = Browser(transport)
    }

    /// The value a person types for a kind of field, from the fixture.
    func value(for kind: ValueKind) -> String {
        switch kind {
        case .username: fixture.persona.username
        case .currentPassword: fixture.persona.password
        case .newPassword: fixture.newPassword
        // Inviting to another property concerns a user of the account; otherwise a new person.
        case .emailAddress: check.outcome == .propertyAccessGranted ? fixture.other.email : fixture.invitee.email
        case .personName: fixture.invitee.name
        case .propertyID: String(fixture.propertyIDs.count > 1 ? fixture.propertyIDs[1] : fixture.propertyIDs.first ?? 0)
        case .previousUsername: fixture.other.username
        case .accessRights, .text: "Texte \(fixture.persona.username)"
        }
    }

    var currentPage: Page {
        get throws {
            guard let page else { throw StepProblem("no page is open yet; the procedure must sign in or open a page first") }
            return page
        }
    }
}

/// Signing in through the sign-in page, by its documented form (inputs `username` and
/// `password`, one submit button): steps, probes and claims all use it.
enum SignIn {
    /// - Returns: the page after submitting, and whether it signed in (a redirect away from the form).
    static func attempt(_ browser: Browser, locale: String, username: String, password: String) async throws -> (signedIn: Bool, page: Page) {
        var page = try await browser.open("/\(locale)/sign-in")
        guard let usernameInput = page.document.elements(named: "input").first(where: { page.document.attribute("name", of: $0) == "username" }),
            let passwordInput = page.document.elements(named: "input").first(where: { page.document.attribute("name", of: $0) == "password" }),
            let form = page.form(of: passwordInput),
            page.form(of: usernameInput) == form,
            let button = page.submitButtons.first(where: { page.form(of: $0) == form })
        else {
            throw StepProblem("the sign-in page /\(locale)/sign-in has no form with the inputs 'username' and 'password'")
        }
        page.type(username, into: usernameInput)
        page.type(password, into: passwordInput)
        guard let request = page.submission(of: button) else { throw StepProblem("the sign-in button has no form") }
        let result = try await browser.post(request.action, fields: request.fields)
        return (result.redirected && result.status == 200 && !result.hasPasswordField, result)
    }

    /// Signs in or explains why not ("Nom d'utilisateur ou mot de passe incorrect").
    static func require(_ browser: Browser, locale: String, _ person: Person, password: String? = nil, purpose: String) async throws -> Page {
        let (signedIn, page) = try await attempt(browser, locale: locale, username: person.username, password: password ?? person.password)
        guard signedIn else {
            let reason = page.text(ofRole: "alert").map { ": \"\($0)\"" } ?? " (status \(page.status))"
            throw StepProblem("\(purpose): signing in as \(person.username) failed\(reason)")
        }
        return page
    }
}
