internal import HelpModel

/// Black-box proofs that a procedure produced its declared outcome: only what a person can do
/// afterwards (sign in, open a link again) and the documented test API.
extension Session {
    func verify(_ outcome: ProcedureCheck.Outcome) async throws {
        switch outcome {
        case .passwordChanged:
            try await expectPasswordChanged(for: fixture.persona, to: fixture.newPassword)
        case .resetLinkSent:
            try await useResetLink()
        case .userInvited:
            try await acceptInvitation(sentTo: fixture.invitee, choosingPassword: true)
            _ = try await SignIn.require(
                Browser(transport), locale: locale,
                Person(username: fixture.invitee.email, name: "", email: "", password: fixture.invitee.password),
                purpose: "user-invited: the invited user accepted, but cannot sign in with the new e-mail address")
        case .userDeleted:
            let (signedIn, _) = try await SignIn.attempt(
                Browser(transport), locale: locale, username: fixture.other.username, password: fixture.other.password)
            if signedIn { throw StepProblem("user-deleted: the old login \(fixture.other.username) still signs in") }
            if try await api.user(fixture.other.username) != nil {
                throw StepProblem("user-deleted: the old login \(fixture.other.username) still exists")
            }
        case .propertyAccessGranted:
            guard fixture.propertyIDs.count > 1 else {
                throw StepProblem("property-access-granted needs an account with 2 properties or more ('properties: 2')")
            }
            let property = fixture.propertyIDs[1]
            try await acceptInvitation(sentTo: fixture.other, choosingPassword: false)
            let home = try await SignIn.require(
                Browser(transport), locale: locale, fixture.other, purpose: "property-access-granted: after accepting")
            guard home.mainText.contains(String(property)) else {
                throw StepProblem("property-access-granted: after accepting, \(fixture.other.username)'s home page does not show property \(property)")
            }
            let state = try await api.user(fixture.other.username)
            guard state?.properties.contains(where: { $0.id == property }) == true else {
                throw StepProblem("property-access-granted: the test API shows no access to property \(property)")
            }
        case .signedIn:
            try await expectSignedIn()
        case .signedOut:
            try await expectSignedOut()
        case .invitationAccepted:
            try await expectInvitationAccepted()
        case .rightsChanged:
            try await expectRightsChanged()
        case .accountUnlocked:
            try await expectUnlocked()
        case .supportPageShown:
            guard let page, page.pathForDisplay == "/\(locale)/support", page.status == 200 else {
                throw StepProblem("support-page-shown: the browser ended on \(page?.pathForDisplay ?? "no page"), not the support page /\(locale)/support")
            }
        }
    }

    /// The new password signs in and the old one no longer does.
    private func expectPasswordChanged(for person: Person, to newPassword: String) async throws {
        let (newWorks, _) = try await SignIn.attempt(Browser(transport), locale: locale, username: person.username, password: newPassword)
        guard newWorks else { throw StepProblem("\(check.outcome.rawValue): the new password does not sign in") }
        let (oldWorks, _) = try await SignIn.attempt(Browser(transport), locale: locale, username: person.username, password: person.password)
        if oldWorks { throw StepProblem("\(check.outcome.rawValue): the old password still signs in") }
    }

    /// The e-mail's link opened a page to choose a password: choose one, then it signs in, the
    /// old one does not, and the link no longer works.
    private func useResetLink() async throws {
        guard var current = page, let link = followedLink else {
            throw StepProblem("reset-link-sent: the procedure did not follow the link of an e-mail")
        }
        let passwords = current.inputs(ofType: "password")
        guard !passwords.isEmpty, let button = current.submitButtons.first(where: { current.form(of: $0) == current.form(of: passwords[0]) }) else {
            throw StepProblem("reset-link-sent: the e-mail's link opened \(current.pathForDisplay), which has no password form")
        }
        for input in passwords { current.type(fixture.newPassword, into: input) }
        guard let request = current.submission(of: button) else { throw StepProblem("reset-link-sent: no form") }
        let done = try await browser.post(request.action, fields: request.fields)
        if done.status >= 400 || done.text(ofRole: "alert") != nil {
            throw StepProblem("reset-link-sent: choosing a new password answered \(done.status): \"\(done.text(ofRole: "alert") ?? done.heading ?? "")\"")
        }
        try await expectPasswordChanged(for: fixture.persona, to: fixture.newPassword)
        let again = try await Browser(transport).open(link)
        if again.status < 400, again.hasPasswordField {
            throw StepProblem("reset-link-sent: the reset link still works after it was used")
        }
    }

    /// Opens the latest e-mail with a link to `person` in their own browser and accepts the invitation.
    private func acceptInvitation(sentTo person: Person, choosingPassword: Bool) async throws {
        let what = check.outcome.rawValue
        guard let message = try await api.latestMessage(to: [person.email]), let link = message.links.first else {
            throw StepProblem("\(what): no invitation reached \(person.email)")
        }
        let invitee = Browser(transport)
        var invitation = try await invitee.open(link)
        guard invitation.status < 400, let button = invitation.submitButtons.first else {
            throw StepProblem("\(what): the invitation link answered \(invitation.status): \"\(invitation.heading ?? "")\"")
        }
        if choosingPassword {
            for input in invitation.inputs(ofType: "password") { invitation.type(person.password, into: input) }
        }
        guard let request = invitation.submission(of: button) else { throw StepProblem("\(what): the invitation has no form") }
        let accepted = try await invitee.post(request.action, fields: request.fields)
        if accepted.status >= 400 || accepted.text(ofRole: "alert") != nil {
            throw StepProblem("\(what): accepting the invitation answered \(accepted.status): \"\(accepted.text(ofRole: "alert") ?? accepted.heading ?? "")\"")
        }
    }
}
