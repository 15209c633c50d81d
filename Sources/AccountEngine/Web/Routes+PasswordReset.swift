internal import Foundation
internal import Hummingbird

/// Forgotten password: username → e-mail with a reset link → new password.
///
/// An unknown username and a known one get the same "if an account exists…" page. A locked
/// user is first asked to confirm their (masked) e-mail address with "Oui, créer mon mot de
/// passe", as the articles describe: this tells whoever typed the username that it is locked,
/// which an attacker who locked it knows anyway (see docs/engine-test-api.md).
extension AccountEngine {
    func addPasswordResetRoutes(to router: Router<BasicRequestContext>) {
        page(router, "/forgot-password") { _, _, visit in
            self.forgotPasswordPage(visit)
        }
        action(router, "/forgot-password") { _, _, visit, form in
            let username = String(form.trimmed("username").prefix(256))
            guard !username.isEmpty else { return self.forgotPasswordPage(visit) }
            if let user = try self.store.activeUser(username: username) {
                if user.locked { return self.confirmEmailPage(visit, user) }
                try self.sendResetLink(to: user, visit)
            }
            return self.resetSentPage(visit)
        }
        action(router, "/forgot-password/confirm") { _, _, visit, form in
            let username = form["username"] ?? ""
            let expires = form["expires"] ?? ""
            guard let deadline = Double(expires), deadline > self.store.now,
                self.signer.verify(form["signature"] ?? "", for: "confirm|\(username)|\(expires)")
            else { return self.formExpired(visit) }
            if let user = try self.store.activeUser(username: username) { try self.sendResetLink(to: user, visit) }
            return self.resetSentPage(visit)
        }
        page(router, "/reset-password") { request, _, visit in
            let token = SecretToken(value: request.uri.queryParameters.get("token") ?? "")
            guard token.isWellFormed, try self.store.resetTokenIsUsable(token.hash) else { return self.linkInvalid(visit) }
            return self.resetPage(visit, token: token)
        }
        action(router, "/reset-password") { _, _, visit, form in
            let token = SecretToken(value: form["token"] ?? "")
            guard token.isWellFormed, try self.store.resetTokenIsUsable(token.hash) else { return self.linkInvalid(visit) }
            let new = form["new-password"] ?? ""
            if let problem = self.newPasswordProblem(new, form["confirm-password"] ?? "", visit.text) {
                return self.resetPage(visit, token: token, error: problem)
            }
            let hash = try await self.hasher.hash(new)
            guard try self.store.resetPassword(tokenHash: token.hash, newHash: hash) != nil else {
                return self.linkInvalid(visit)
            }
            return self.redirect(self.href(visit, "/sign-in?done=resetDone"))
        }
    }

    private func forgotPasswordPage(_ visit: Visit) -> Response {
        let text = visit.text
        let fields: HTML = """
            \(field("username", label: text[.usernameLabel], autocomplete: "username"))\(submit(text[.confirm]))
            """
        return page(
            visit, title: text[.forgotPassword],
            """
            <p>\(text[.forgotPasswordIntro])</p>\(form(visit, action: href(visit, "/forgot-password"), fields))\
            <p><a href="\(href(visit, "/support"))">\(text[.forgotUsername])</a></p>
            """
        )
    }

    private func resetSentPage(_ visit: Visit) -> Response {
        page(visit, title: visit.text[.resetSentTitle], "<p>\(visit.text[.resetSentBody])</p>")
    }

    /// The confirmation step of a locked user: a signed ticket (username and a 15-minute
    /// deadline) carries the request to the next POST without server state.
    private func confirmEmailPage(_ visit: Visit, _ user: UserRecord) -> Response {
        let text = visit.text
        let expires = String(Int(store.now + 900))
        let signature = signer.sign("confirm|\(user.username)|\(expires)")
        let fields: HTML = """
            <input type="hidden" name="username" value="\(user.username)">\
            <input type="hidden" name="expires" value="\(expires)">\
            <input type="hidden" name="signature" value="\(signature)">\(submit(text[.confirmEmailButton]))
            """
        return page(
            visit, title: text[.confirmEmailTitle],
            """
            <p>\(text(.confirmEmailBody, ["email": Self.masked(user.email)]))</p>\
            \(form(visit, action: href(visit, "/forgot-password/confirm"), fields))
            """
        )
    }

    private func resetPage(_ visit: Visit, token: SecretToken, error: String? = nil) -> Response {
        let text = visit.text
        let fields: HTML = """
            <input type="hidden" name="token" value="\(token.value)">\
            \(field("new-password", label: text[.newPassword], type: "password", autocomplete: "new-password"))\
            \(field("confirm-password", label: text[.confirmNewPassword], type: "password", autocomplete: "new-password"))\
            <p class="hint">\(text[.passwordRules])</p>\(submit(text[.save]))
            """
        return page(
            visit, title: text[.resetTitle], status: error == nil ? .ok : .badRequest, error: error,
            form(visit, action: href(visit, "/reset-password"), fields)
        )
    }

    func linkInvalid(_ visit: Visit) -> Response {
        page(
            visit, title: visit.text[.linkInvalidTitle], status: .badRequest,
            """
            <p>\(visit.text[.linkInvalidBody])</p><p><a href="\(href(visit, "/forgot-password"))">\(visit.text[.forgotPassword])</a></p>
            """
        )
    }

    /// Stores a new reset token and queues its e-mail, in the visitor's language.
    private func sendResetLink(to user: UserRecord, _ visit: Visit) throws {
        let token = SecretToken.random()
        let link = "\(publicOrigin)\(href(visit, "/reset-password"))?token=\(token.value)"
        let mail = OutgoingMail(
            to: user.email, subject: visit.text[.mailResetSubject],
            body: visit.text(.mailResetBody, ["name": user.name, "link": link])
        )
        try store.issueResetToken(
            userID: user.id, tokenHash: token.hash, lifetime: options.resetTokenLifetime, mail: mail
        )
    }

    /// What is wrong with a new password and its confirmation, in the visitor's language.
    func newPasswordProblem(_ password: String, _ confirmation: String, _ text: Catalog) -> String? {
        if password != confirmation { return text[.errorMismatch] }
        switch PasswordPolicy.violation(of: password) {
        case .tooShort: return text[.errorTooShort]
        case .tooLong: return text[.errorTooLong]
        case .common: return text[.errorCommon]
        case nil: return nil
        }
    }

    /// "marie.dupont@example.com" → "m•••@example.com": enough to recognise one's address.
    static func masked(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@"), let first = email.first else { return "•••" }
        return "\(first)•••\(email[at...])"
    }
}
