internal import Foundation
internal import Hummingbird

/// The invitee's side: the link of the invitation e-mail opens a page that accepts it. A new
/// user chooses their password there (their username is their e-mail address); an existing
/// user just accepts, and gets access to the property from that moment. A browser signed in
/// as someone else neither sees the form nor can post it: it is asked to sign out first, so an
/// invitation is never accepted in, or mixed with, another person's session.
extension AccountEngine {
    func addInvitationRoutes(to router: Router<BasicRequestContext>) {
        page(router, "/invitation") { request, _, visit in
            let token = SecretToken(value: request.uri.queryParameters.get("token") ?? "")
            guard token.isWellFormed, let invitation = try await self.store.pendingInvitation(tokenHash: token.hash) else {
                return self.linkInvalid(visit)
            }
            if let refusal = self.otherSession(visit, invitation) { return refusal }
            return self.invitationPage(visit, token: token, invitation)
        }
        action(router, "/invitation") { _, _, visit, form in
            let token = SecretToken(value: form["token"] ?? "")
            guard token.isWellFormed, let invitation = try await self.store.pendingInvitation(tokenHash: token.hash) else {
                return self.linkInvalid(visit)
            }
            if let refusal = self.otherSession(visit, invitation) { return refusal }
            var hash: String?
            if invitation.user.isPending {
                let new = form["new-password"] ?? ""
                if let problem = self.newPasswordProblem(new, form["confirm-password"] ?? "", visit.text) {
                    return self.invitationPage(visit, token: token, invitation, error: problem)
                }
                hash = try await self.hasher.hash(new)
            }
            do {
                guard try await self.store.acceptInvitation(tokenHash: token.hash, newHash: hash) != nil else {
                    return self.linkInvalid(visit)
                }
            } catch is AcceptanceNeedsPassword {
                return self.linkInvalid(visit)
            }
            return self.redirect(self.href(visit, "/sign-in?done=invitationAccepted"))
        }
    }

    /// 409 when the browser is signed in as another user than the invitee: sign out, then open
    /// the link again.
    private func otherSession(_ visit: Visit, _ invitation: PendingInvitation) -> Response? {
        guard let session = visit.session, session.user.id != invitation.user.id else { return nil }
        let text = visit.text
        return page(
            visit, title: text[.invitationTitle], status: .conflict,
            """
            <p>\(text(.invitationOtherSession, ["username": session.user.username]))</p>\
            \(form(visit, action: href(visit, "/sign-out"), submit(text[.signOut])))
            """
        )
    }

    private func invitationPage(
        _ visit: Visit, token: SecretToken, _ invitation: PendingInvitation, error: String? = nil
    ) -> Response {
        let text = visit.text
        let names = invitation.properties.map(\.name).joined(separator: ", ")
        var fields: HTML = "<input type=\"hidden\" name=\"token\" value=\"\(token.value)\">"
        if invitation.user.isPending {
            fields = """
                \(fields)\
                \(field("new-password", label: text[.newPassword], type: "password", autocomplete: "new-password"))\
                \(field("confirm-password", label: text[.confirmNewPassword], type: "password", autocomplete: "new-password"))\
                <p class="hint">\(text[.passwordRules])</p>
                """
        }
        return page(
            visit, title: text[.invitationTitle], status: error == nil ? .ok : .badRequest, error: error,
            """
            <p>\(text(.invitationIntro, ["properties": names]))</p>\
            <p>\(text(.invitationUsername, ["username": invitation.user.username]))</p>\
            \(form(visit, action: href(visit, "/invitation"), "\(fields)\(submit(text[.acceptInvitation]))"))
            """
        )
    }
}
