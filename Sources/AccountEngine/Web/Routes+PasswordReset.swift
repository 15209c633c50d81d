internal import Foundation
internal import Hummingbird
internal import Logging
internal import NIOConcurrencyHelpers

/// Forgotten password: username → e-mail with a reset link → new password.
///
/// An unknown username and a known one get the same "if an account exists…" page, after the
/// same write (``EngineStore/recordResetRequest(_:limit:)``): same status, same text, same
/// time, whether or not an e-mail was queued — it is not when the account has had its
/// `resetMailsPerHour` e-mails, or when the database is busy (then it is retried in the
/// background, see ``AccountEngine/requestReset(for:_:)``). A locked
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
            let user = try await self.store.activeUser(username: username)
            if let user, user.locked { return self.confirmEmailPage(visit, user) }
            await self.requestReset(for: user, visit)
            return self.resetSentPage(visit)
        }
        action(router, "/forgot-password/confirm") { _, _, visit, form in
            let username = form["username"] ?? ""
            let expires = form["expires"] ?? ""
            guard let deadline = Double(expires), deadline > self.store.now,
                self.signer.verify(form["signature"] ?? "", for: "confirm|\(username)|\(expires)")
            else { return self.formExpired(visit) }
            await self.requestReset(for: try await self.store.activeUser(username: username), visit)
            return self.resetSentPage(visit)
        }
        page(router, "/reset-password") { request, _, visit in
            let token = SecretToken(value: request.uri.queryParameters.get("token") ?? "")
            guard token.isWellFormed, try await self.store.resetTokenIsUsable(token.hash) else { return self.linkInvalid(visit) }
            return self.resetPage(visit, token: token)
        }
        action(router, "/reset-password") { _, _, visit, form in
            let token = SecretToken(value: form["token"] ?? "")
            guard token.isWellFormed, try await self.store.resetTokenIsUsable(token.hash) else { return self.linkInvalid(visit) }
            let new = form["new-password"] ?? ""
            if let problem = self.newPasswordProblem(new, form["confirm-password"] ?? "", visit.text) {
                return self.resetPage(visit, token: token, error: problem)
            }
            let hash = try await self.hasher.hash(new)
            let notice = { @Sendable (user: UserRecord) in self.passwordChangedMail(to: user, visit.text) }
            guard try await self.store.resetPassword(tokenHash: token.hash, newHash: hash, notice: notice) != nil else {
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

    /// Records the request and, for a user, a new reset token with its e-mail in the visitor's
    /// language. Never fails as the visitor sees it: a write the database refused is logged and
    /// retried in the background (``retryResetIssue(_:)``), and the page stays the same.
    private func requestReset(for user: UserRecord?, _ visit: Visit) async {
        let issue = user.map { user in
            let token = SecretToken.random()
            let link = "\(publicOrigin)\(href(visit, "/reset-password"))?token=\(token.value)"
            let mail = OutgoingMail(
                to: user.email, subject: visit.text[.mailResetSubject],
                body: visit.text(.mailResetBody, ["name": user.name, "link": link]), secret: token.value
            )
            return ResetIssue(userID: user.id, tokenHash: token.hash, lifetime: options.resetTokenLifetime, mail: mail)
        }
        do {
            _ = try await store.recordResetRequest(issue, limit: options.resetMailsPerHour)
        } catch {
            guard let issue else { return }
            logger.error("reset e-mail not queued, retrying: \(error)", metadata: ["user": "\(issue.userID)"])
            retryResetIssue(issue)
        }
    }

    /// Tries again after 0.5 s, 1 s, 2 s … (at most 5 s apart) for 15 minutes, off any request;
    /// at most `maxPendingResets` at a time, so a flood during a long outage costs no more.
    private func retryResetIssue(_ issue: ResetIssue) {
        let admitted = pendingResets.withLockedValue { count in
            guard count < Self.maxPendingResets else { return false }
            count += 1
            return true
        }
        guard admitted else {
            logger.error("reset e-mail dropped: too many retries pending", metadata: ["user": "\(issue.userID)"])
            return
        }
        Task {
            defer { pendingResets.withLockedValue { $0 -= 1 } }
            var delay = 0.5
            var waited = 0.0
            while waited < 900 {
                try? await Task.sleep(for: .seconds(delay))
                waited += delay
                do {
                    _ = try await store.recordResetRequest(issue, limit: options.resetMailsPerHour)
                    logger.warning("reset e-mail queued after a retry", metadata: ["user": "\(issue.userID)"])
                    return
                } catch {
                    delay = min(delay * 2, 5)
                }
            }
            logger.error("reset e-mail dropped after 15 minutes of retries", metadata: ["user": "\(issue.userID)"])
        }
    }

    /// "Your password was changed; if it was not you…", in the language of the page where it
    /// was changed. Neither the password nor a link: a genuine notice should not teach people
    /// to click links in such e-mails, and the checker follows only e-mails with a link.
    func passwordChangedMail(to user: UserRecord, _ text: Catalog) -> OutgoingMail {
        OutgoingMail(
            to: user.email, subject: text[.mailPasswordChangedSubject],
            body: text(.mailPasswordChangedBody, ["name": user.name, "username": user.username])
        )
    }

    /// What is wrong with a new password and its confirmation, in the visitor's language.
    func newPasswordProblem(_ password: String, _ confirmation: String, _ text: Catalog) -> String? {
        if password != confirmation { return text[.errorMismatch] }
        switch options.passwordPolicy.violation(of: password) {
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
