/// The durations and rates an article states, proven on both sides of the limit with the test
/// API's clock: still working a minute before, refused a minute after. The clock moves only the
/// fixture user's time (see ``ClaimCheck``).
extension ClaimCheck {
    /// How far from the limit each side is tried.
    static let margin = 60

    /// "Un lien de réinitialisation est valable 1 heure": the link of the e-mail the
    /// forgotten-password page sends opens its form 59 minutes later, and that form is refused
    /// 1 hour 1 minute after the e-mail.
    static func resetLink(hours: Int, _ context: Context) async throws {
        let person = try await context.activeUser("link")
        let browser = Browser(context.transport)
        try await requestReset(person, browser: browser, context)
        guard let link = try await context.api.latestMessage(to: [person.email])?.links.first else {
            throw StepProblem("the forgotten-password page sent \(person.email) no e-mail with a link")
        }
        let limit = hours * 3600
        try await context.api.advanceClock(of: person.username, by: Double(limit - margin))
        let form = try await browser.open(link)
        guard form.status == 200, !form.inputs(ofType: "password").isEmpty else {
            throw StepProblem(
                "the reset link no longer works \(Elapsed(limit - margin)) after it was sent (status \(form.status)), before the \(Elapsed(limit)) stated")
        }
        try await context.api.advanceClock(of: person.username, by: Double(2 * margin))
        let sent = try await PasswordForm.send(Secret.password(context.tag), on: form, browser: browser, what: "the reset page")
        if sent.status < 400 {
            throw StepProblem("the reset link still sets a password \(Elapsed(limit + margin)) after it was sent, past the \(Elapsed(limit)) stated")
        }
    }

    /// "Vous pouvez en recevoir 3 par heure au plus": 3 requests on the forgotten-password page
    /// each send an e-mail, the 4th sends none, and an hour later one is sent again.
    static func resetEmails(perHour limit: Int, _ context: Context) async throws {
        let person = try await context.activeUser("mails")
        let browser = Browser(context.transport)
        for request in 1...(limit + 1) {
            try await requestReset(person, browser: browser, context)
            let received = try await context.api.linkMessages(to: person.email).count
            if request <= limit, received < request {
                throw StepProblem("request \(request) sent no e-mail: \(received) reset e-mail\(received == 1 ? "" : "s") arrive per hour, not \(limit)")
            }
            if request > limit, received > limit {
                throw StepProblem("request \(request) within the hour sent a reset e-mail too: more than \(limit) arrive per hour")
            }
        }
        try await context.api.advanceClock(of: person.username, by: Double(3600 + margin))
        try await requestReset(person, browser: browser, context)
        if try await context.api.linkMessages(to: person.email).count <= limit {
            throw StepProblem("an hour after \(limit) reset e-mails, a request sends none: the limit is not per hour")
        }
    }

    /// "Son lien est valable 7 jours": the invitation page opens 6 days 23 hours 59 minutes
    /// after the e-mail, and choosing a password there is refused 7 days 1 minute after it.
    static func invitation(days: Int, _ context: Context) async throws {
        let form = try await PasswordForm.open(context, name: "invite")
        let limit = days * 24 * 3600
        try await context.api.advanceClock(of: form.person.username, by: Double(limit - margin))
        let browser = Browser(context.transport)
        let page = try await browser.open(form.link)
        guard page.status == 200, !page.inputs(ofType: "password").isEmpty else {
            throw StepProblem(
                "the invitation link no longer works \(Elapsed(limit - margin)) after it was sent (status \(page.status)), before the \(Elapsed(limit)) stated")
        }
        try await context.api.advanceClock(of: form.person.username, by: Double(2 * margin))
        let sent = try await PasswordForm.send(Secret.password(context.tag), on: page, browser: browser, what: "the invitation page")
        if sent.status < 400 {
            throw StepProblem("the invitation link is still accepted \(Elapsed(limit + margin)) after it was sent, past the \(Elapsed(limit)) stated")
        }
    }

    /// "Votre session se ferme d'elle-même 12 heures après la connexion": signed in on the
    /// sign-in page, the browser still opens the home page 11 hours 59 minutes later, and is
    /// sent to the sign-in form 12 hours 1 minute after signing in.
    static func session(hours: Int, _ context: Context) async throws {
        let person = try await context.activeUser("session")
        let browser = Browser(context.transport)
        _ = try await SignIn.require(browser, locale: context.locale, person, purpose: "session-hours")
        let limit = hours * 3600
        let home = "/\(context.locale)/"
        try await context.api.advanceClock(of: person.username, by: Double(limit - margin))
        let before = try await browser.open(home)
        if before.hasPasswordField || !before.mainText.contains(person.name) {
            throw StepProblem(
                "the session has ended \(Elapsed(limit - margin)) after sign-in (\(home) shows \(before.pathForDisplay)), before the \(Elapsed(limit)) stated"
            )
        }
        try await context.api.advanceClock(of: person.username, by: Double(2 * margin))
        let after = try await browser.open(home)
        if !after.hasPasswordField {
            throw StepProblem("the session still opens \(home) \(Elapsed(limit + margin)) after sign-in, past the \(Elapsed(limit)) stated")
        }
    }

    /// The forgotten-password page, as a person sends it: their username in its one text field.
    private static func requestReset(_ person: Person, browser: Browser, _ context: Context) async throws {
        var page = try await browser.open("/\(context.locale)/forgot-password")
        guard let field = page.inputs(ofType: "text").first,
            let button = page.submitButtons.first(where: { page.form(of: $0) == page.form(of: field) })
        else { throw StepProblem("/\(context.locale)/forgot-password has no form with a text field") }
        page.type(person.username, into: field)
        guard let request = page.submission(of: button) else { throw StepProblem("the forgotten-password button has no form") }
        let sent = try await browser.post(request.action, fields: request.fields)
        guard sent.status == 200 else { throw StepProblem("the forgotten-password page answered \(sent.status)") }
    }
}

/// A duration as the failure messages say it: "11 hours 59 minutes", "7 days 1 minute".
struct Elapsed: CustomStringConvertible {
    let seconds: Int

    init(_ seconds: Int) {
        self.seconds = seconds
    }

    var description: String {
        let parts = [(seconds / 86400, "day"), (seconds % 86400 / 3600, "hour"), (seconds % 3600 / 60, "minute")]
        let words = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        return words.isEmpty ? "\(seconds) seconds" : words.joined(separator: " ")
    }
}
