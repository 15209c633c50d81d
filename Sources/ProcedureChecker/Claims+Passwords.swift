/// The password rules an article states, tried where a new user chooses their password: the
/// invitation page, whose two password fields (new, confirmation) are those of every form that
/// sets a password. Each claim gets its own invited user; an accepted password is proven by
/// signing in with it.
extension ClaimCheck {
    /// "Au moins 8 caractères": 7 characters are refused, 8 accepted.
    static func minimumLength(_ length: Int, _ context: Context) async throws {
        let form = try await PasswordForm.open(context, name: "min")
        if length > 1 {
            if case .accepted = try await form.choose(Secret.password(length: length - 1)) {
                throw StepProblem("a password of \(length - 1) characters is accepted, so fewer than \(length) are allowed")
            }
        }
        try await form.expectAccepted(Secret.password(length: length), "a password of \(length) characters")
    }

    /// "Au plus 128 caractères": 129 characters are refused, 128 accepted.
    static func maximumLength(_ length: Int, _ context: Context) async throws {
        let form = try await PasswordForm.open(context, name: "max")
        if case .accepted = try await form.choose(Secret.password(length: length + 1)) {
            throw StepProblem("a password of \(length + 1) characters is accepted, so more than \(length) are allowed")
        }
        try await form.expectAccepted(Secret.password(length: length), "a password of \(length) characters")
    }

    /// "Pas un mot de passe trop courant, comme « motdepasse »": the example is refused as
    /// written and in capitals ("quelle que soit la casse"), while a password of the same length
    /// that is not common is accepted — so it is the example that is refused, not its length.
    static func commonPassword(_ example: String, _ context: Context) async throws {
        let form = try await PasswordForm.open(context, name: "common")
        if case .accepted = try await form.choose(example) {
            throw StepProblem("the common password \"\(example)\" is accepted")
        }
        let capitals = example.uppercased()
        if capitals != example, case .accepted = try await form.choose(capitals) {
            throw StepProblem("\"\(example)\" is refused but \"\(capitals)\" is accepted: the case decides")
        }
        try await form.expectAccepted(
            Secret.password(length: example.count), "a password of \(example.count) characters, like \"\(example)\" but not common")
    }
}

/// An invited user's invitation page, where a password is chosen.
struct PasswordForm {
    let context: ClaimCheck.Context
    let person: Person
    let link: String

    enum Outcome {
        case accepted
        case refused(String)
    }

    /// A fresh account whose only user is invited (no password yet), and the link of the
    /// invitation e-mail the test API shows.
    static func open(_ context: ClaimCheck.Context, name: String) async throws -> PasswordForm {
        let email = "\(name)-\(context.tag)@example.com"
        let person = Person(username: email, name: "\(name.prefix(1).uppercased())\(name.dropFirst()) \(context.tag)", email: email, password: "")
        _ = try await context.api.createAccount(TestAPI.AccountRequest(
            name: "Account \(email)", properties: 1,
            users: [TestAPI.User(username: email, name: person.name, email: email, state: "invited")],
            locale: context.locale))
        guard let link = try await context.api.latestMessage(to: [email])?.links.first else {
            throw StepProblem("the invitation e-mail to \(email) holds no link")
        }
        return PasswordForm(context: context, person: person, link: link)
    }

    /// Opens the link in a fresh browser and sends `password` in both password fields.
    func choose(_ password: String) async throws -> Outcome {
        let browser = Browser(context.transport)
        let page = try await browser.open(link)
        let sent = try await PasswordForm.send(password, on: page, browser: browser, what: "the invitation page")
        return sent.status < 400 && sent.text(ofRole: "alert") == nil
            ? .accepted : .refused(sent.text(ofRole: "alert") ?? "status \(sent.status)")
    }

    /// `password` is accepted, and the invitee then signs in with it.
    func expectAccepted(_ password: String, _ description: String) async throws {
        if case .refused(let reason) = try await choose(password) {
            throw StepProblem("\(description) is refused: \"\(reason)\"")
        }
        var invitee = person
        invitee.password = password
        _ = try await SignIn.require(Browser(context.transport), locale: context.locale, invitee, purpose: "after choosing \(description)")
    }

    /// Types `password` into every password field of `page` and sends their form.
    static func send(_ password: String, on page: Page, browser: Browser, what: String) async throws -> Page {
        var page = page
        let inputs = page.inputs(ofType: "password")
        guard page.status == 200, let first = inputs.first else {
            throw StepProblem("\(what) \(page.pathForDisplay) shows no password field (status \(page.status)\(page.heading.map { ", \"\($0)\"" } ?? ""))")
        }
        for input in inputs { page.type(password, into: input) }
        guard let button = page.submitButtons.first(where: { page.form(of: $0) == page.form(of: first) }),
            let request = page.submission(of: button)
        else { throw StepProblem("\(what) \(page.pathForDisplay) has a password field but no form to send it") }
        return try await browser.post(request.action, fields: request.fields)
    }
}
