internal import Foundation
internal import Hummingbird

/// Sign-in, sign-out, the "can't sign in?" page and the support page.
///
/// The failure page is the same for an unknown user, a wrong password and a locked account:
/// same status, same text, and a bcrypt verification in every case so the timing matches too.
extension AccountEngine {
    func addSignInRoutes(to router: Router<BasicRequestContext>) {
        page(router, "/sign-in") { request, _, visit in
            let done = request.uri.queryParameters.get("done").flatMap { Self.notices[$0] }
            return self.signInPage(visit, notice: done.map { visit.text[$0] })
        }
        action(router, "/sign-in") { _, _, visit, form in
            let username = String(form.trimmed("username").prefix(256))
            let password = String((form["password"] ?? "").prefix(1024))
            guard let token = try await self.signIn(username: username, password: password) else {
                return self.signInPage(visit, error: visit.text[.signInFailed], username: username)
            }
            // A new id at every sign-in; the session the browser had before ends.
            if let previous = visit.session { try await self.store.deleteSession(hash: previous.sessionHash) }
            let cookie = self.cookie(Visit.sessionCookie, token.value, maxAge: Int(self.options.sessionLifetime))
            return self.redirect(self.href(visit, "/"), setting: [cookie])
        }
        action(router, "/sign-out") { request, _, visit, _ in
            if let session = visit.session { try await self.store.deleteSession(hash: session.sessionHash) }
            return self.redirect(
                self.href(visit, "/sign-in?done=signedOut"), setting: [self.cookie(Visit.sessionCookie, "", maxAge: 0)]
            )
        }
        page(router, "/sign-in/help") { _, _, visit in
            let text = visit.text
            return self.page(
                visit, title: text[.cantSignIn],
                """
                <p>\(text[.cantSignInIntro])</p><ul class="choices">\
                <li><a href="\(self.href(visit, "/forgot-password"))">\(text[.forgotPassword])</a></li>\
                <li><a href="\(self.href(visit, "/support"))">\(text[.forgotUsername])</a></li></ul>
                """
            )
        }
        page(router, "/support") { _, _, visit in
            self.page(visit, title: visit.text[.supportTitle], "<p>\(visit.text[.supportBody])</p>")
        }
    }

    /// Messages a redirect may ask the next page to show (`?done=…`); anything else is ignored.
    static let notices: [String: TextKey] = [
        "signedOut": .signedOut, "resetDone": .resetDone, "invitationAccepted": .invitationAccepted,
        "passwordChanged": .passwordChanged,
    ]

    func signInPage(_ visit: Visit, notice: String? = nil, error: String? = nil, username: String = "") -> Response {
        let text = visit.text
        let fields: HTML = """
            \(field("username", label: text[.usernameLabel], value: username, autocomplete: "username"))\
            \(field("password", label: text[.passwordLabel], type: "password", autocomplete: "current-password"))\
            \(submit(text[.signInButton]))
            """
        return page(
            visit, title: text[.signInTitle], notice: notice, error: error,
            """
            \(form(visit, action: href(visit, "/sign-in"), fields))\
            <p><a href="\(href(visit, "/sign-in/help"))">\(text[.cantSignIn])</a></p>
            """
        )
    }

    /// Signs a user in: one attempt is reserved before the password is checked (see
    /// ``EngineStore/reserveSignIn(username:limit:)``), so concurrent guesses cannot exceed the limit.
    /// - Returns: the new session's token, or `nil` for any failure.
    func signIn(username: String, password: String) async throws -> SecretToken? {
        switch try await store.reserveSignIn(username: username, limit: options.lockoutLimit) {
        case .unknown, .refused:
            try await hasher.burn(password)
            return nil
        case .reserved(let user):
            countCheck()
            guard let hash = user.passwordHash, try await hasher.verify(password, against: hash) else {
                try await store.failSignIn(userID: user.id, limit: options.lockoutLimit)
                return nil
            }
            let token = SecretToken.random()
            guard try await store.completeSignIn(userID: user.id, sessionHash: token.hash, lifetime: options.sessionLifetime)
            else { return nil }
            return token
        }
    }
}
