internal import HelpModel

/// The probes of the outcomes about sessions, invitations, rights and locked accounts: what the
/// person (or the changed user) can do afterwards, through the pages, and the test API.
extension Session {
    /// The procedure's own steps signed the person in: its browser opens the home page signed
    /// in, as the persona (their name is on it). A procedure that signs in with a "Connectez-vous"
    /// step proves nothing of the documented form, so it fails.
    func expectSignedIn() async throws {
        if signedInCookies != nil {
            throw StepProblem("signed-in: the procedure signed in with a sign-in step, so its own steps prove nothing; document the sign-in form instead")
        }
        let home = try await browser.open("/\(locale)/")
        if home.hasPasswordField {
            throw StepProblem("signed-in: the procedure's browser is not signed in: /\(locale)/ shows the sign-in form (\(home.pathForDisplay))")
        }
        guard home.mainText.contains(fixture.persona.name) else {
            throw StepProblem("signed-in: /\(locale)/ opens, but not as \(fixture.persona.username) (\(fixture.persona.name) is not on it)")
        }
    }

    /// The session cookie the procedure signed in with no longer opens the home page, in a
    /// browser that replays it, and the procedure's own browser is signed out too.
    func expectSignedOut() async throws {
        guard let cookies = signedInCookies else {
            throw StepProblem("signed-out: the procedure never signed in, so there is no session to end")
        }
        let replayed = try await Browser(transport, cookies: cookies).open("/\(locale)/")
        if !replayed.hasPasswordField {
            throw StepProblem("signed-out: the old session cookie still opens /\(locale)/ (\(replayed.pathForDisplay), status \(replayed.status))")
        }
        let own = try await browser.open("/\(locale)/")
        if !own.hasPasswordField {
            throw StepProblem("signed-out: the procedure's browser still opens /\(locale)/ signed in")
        }
    }

    /// The invited persona signs in (a new user with the password the procedure chose) and
    /// holds the invitation's property, on their home page and in the test API.
    func expectInvitationAccepted() async throws {
        let newUser = check.invitation == .newUser
        let property = newUser ? fixture.propertyIDs[0] : fixture.propertyIDs[1]
        let home = try await SignIn.require(
            Browser(transport), locale: locale, fixture.persona, password: newUser ? fixture.newPassword : nil,
            purpose: "invitation-accepted: after accepting")
        guard home.mainText.contains(String(property)) else {
            throw StepProblem("invitation-accepted: \(fixture.persona.username)'s home page does not show property \(property)")
        }
        guard try await api.user(fixture.persona.username)?.properties.contains(where: { $0.id == property }) == true else {
            throw StepProblem("invitation-accepted: the test API shows no access of \(fixture.persona.username) to property \(property)")
        }
    }

    /// The other user holds exactly the rights ticked on the last form the procedure sent (the
    /// test API, by the values the form sent), and their home page names exactly those (by
    /// the form's own labels): the ticked ones are shown, the others are not.
    func expectRightsChanged() async throws {
        guard !lastSentCheckboxes.isEmpty else {
            throw StepProblem("rights-changed: the procedure sent no form with access rights to tick")
        }
        let ticked = Set(lastSentCheckboxes.filter(\.checked).map(\.value))
        let before = Set(check.secondUser.rights.map(\.rawValue))
        guard ticked != before else {
            throw StepProblem("rights-changed: the form sent the rights \(fixture.other.username) already had (\(before.sorted())); nothing changed")
        }
        let held = Set(try await api.user(fixture.other.username)?.properties.first { $0.id == fixture.propertyIDs[0] }?.rights ?? [])
        guard held == ticked else {
            throw StepProblem("rights-changed: \(fixture.other.username) holds \(held.sorted()) where the form sent \(ticked.sorted())")
        }
        let home = try await SignIn.require(Browser(transport), locale: locale, fixture.other, purpose: "rights-changed: afterwards")
        let shown = home.mainText
        for box in lastSentCheckboxes where box.checked != shown.contains(box.label) {
            throw StepProblem(
                "rights-changed: \(fixture.other.username)'s home page \(box.checked ? "does not show" : "still shows") the right \"\(box.label)\"")
        }
    }

    /// The locked persona signs in again: with the password chosen on the page the procedure
    /// ended on (a reset link's form), else with their own; the test API says active.
    func expectUnlocked() async throws {
        // After a reset link the password is the new one, chosen here if the procedure ends on
        // the link's form (two password fields), or by its own last steps.
        let password = followedLink == nil ? fixture.persona.password : fixture.newPassword
        if var current = page, followedLink != nil, current.inputs(ofType: "password").count >= 2 {
            let inputs = current.inputs(ofType: "password")
            for input in inputs { current.type(fixture.newPassword, into: input) }
            guard let button = current.submitButtons.first(where: { current.form(of: $0) == current.form(of: inputs[0]) }),
                let request = current.submission(of: button)
            else { throw StepProblem("account-unlocked: \(current.pathForDisplay) has a password field but no form to send it") }
            let done = try await browser.post(request.action, fields: request.fields)
            if done.status >= 400 || done.text(ofRole: "alert") != nil {
                throw StepProblem("account-unlocked: choosing a new password answered \(done.status): \"\(done.text(ofRole: "alert") ?? done.heading ?? "")\"")
            }
        }
        _ = try await SignIn.require(Browser(transport), locale: locale, fixture.persona, password: password, purpose: "account-unlocked")
        guard try await api.user(fixture.persona.username)?.state == "active" else {
            throw StepProblem("account-unlocked: the test API does not show \(fixture.persona.username) active")
        }
    }
}
