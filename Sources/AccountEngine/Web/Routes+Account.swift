internal import Foundation
internal import Hummingbird

/// The signed-in user's pages: home, "Compte", change password, change login e-mail.
extension AccountEngine {
    func addAccountRoutes(to router: Router<BasicRequestContext>) {
        page(router, "/", for: .signedIn) { _, _, visit in self.homePage(visit) }
        page(router, "/account", for: .signedIn) { request, _, visit in
            let done = request.uri.queryParameters.get("done").flatMap { Self.notices[$0] }
            return self.accountPage(visit, notice: done.map { visit.text[$0] })
        }
        page(router, "/account/password", for: .signedIn) { _, _, visit in self.passwordPage(visit) }
        action(router, "/account/password", for: .signedIn) { _, _, visit, form in
            guard let session = visit.session else { return self.redirect(self.href(visit, "/sign-in")) }
            guard try await self.currentPasswordIsRight(form["current-password"] ?? "", of: session.user.id) else {
                guard try await self.store.session(hash: session.sessionHash) != nil else {
                    let ended = self.cookie(Visit.sessionCookie, "", maxAge: 0)
                    return self.redirect(self.href(visit, "/sign-in"), setting: [ended])
                }
                return self.passwordPage(visit, error: visit.text[.errorCurrentPassword])
            }
            let new = form["new-password"] ?? ""
            if let problem = self.newPasswordProblem(new, form["confirm-password"] ?? "", visit.text) {
                try await self.store.clearAttempts(userID: session.user.id)
                return self.passwordPage(visit, error: problem)
            }
            let hash = try await self.hasher.hash(new)
            let token = SecretToken.random()
            try await self.store.changePassword(
                userID: session.user.id, newHash: hash, newSessionHash: token.hash,
                lifetime: self.options.sessionLifetime, notice: self.passwordChangedMail(to: session.user, visit.text)
            )
            let cookie = self.cookie(Visit.sessionCookie, token.value, maxAge: Int(self.options.sessionLifetime))
            return self.redirect(self.href(visit, "/account?done=passwordChanged"), setting: [cookie])
        }
        page(router, "/account/email", for: .signedIn) { _, _, visit in try await self.emailPage(visit) }
    }

    /// Checks the change form's current password as a sign-in does: an attempt is reserved
    /// first, a wrong one stays counted, and the one that reaches the lockout limit locks the
    /// account and ends its sessions, so a stolen session cannot try passwords without end.
    private func currentPasswordIsRight(_ password: String, of userID: Int64) async throws -> Bool {
        switch try await store.reserveAttempt(userID: userID, limit: options.lockoutLimit) {
        case .unknown:
            return false
        case .refused:
            try await store.endSessions(userID: userID)
            return false
        case .reserved(let user):
            countCheck()
            guard let hash = user.passwordHash, try await hasher.verify(password, against: hash) else {
                if try await store.failSignIn(userID: userID, limit: options.lockoutLimit) {
                    try await store.endSessions(userID: userID)
                }
                return false
            }
            return true
        }
    }

    private func homePage(_ visit: Visit) -> Response {
        guard let session = visit.session else { return notFound(visit) }
        let text = visit.text
        let items = session.memberships.map { membership -> HTML in
            // The user's own rights there, so that a change of rights is visible to them.
            let rights = AccessRight.allCases.filter(membership.rights.contains).map { Self.rightName($0, text) }
            return """
                <li>\(membership.property.name) <span class="id">(\(text(.propertyID, ["id": String(membership.property.id)])))</span> — \
                <span class="rights">\(rights.joined(separator: ", "))</span></li>
                """
        }
        let list: HTML = items.isEmpty ? "<p>\(text[.noProperties])</p>" : "<ul>\(items)</ul>"
        return page(
            visit, title: text(.welcome, ["name": session.user.name]),
            "<h2>\(text[.yourProperties])</h2>\(list)"
        )
    }

    private func accountPage(_ visit: Visit, notice: String?) -> Response {
        guard let session = visit.session else { return notFound(visit) }
        let text = visit.text
        let user = session.user
        let administration: HTML =
            session.isAdministrator
            ? "<li><a href=\"\(href(visit, "/account/users"))\">\(text[.manageUsers])</a></li>" : .empty
        return page(
            visit, title: text[.accountTitle], notice: notice,
            """
            <dl><dt>\(text[.usernameLabel])</dt><dd>\(user.username)</dd>\
            <dt>\(text[.nameLabel])</dt><dd>\(user.name)</dd><dt>\(text[.emailLabel])</dt><dd>\(user.email)</dd></dl>\
            <ul class="choices"><li><a href="\(href(visit, "/account/password"))">\(text[.changePassword])</a></li>\
            \(administration)<li><a href="\(href(visit, "/account/email"))">\(text[.changeEmail])</a></li></ul>
            """
        )
    }

    private func passwordPage(_ visit: Visit, error: String? = nil) -> Response {
        let text = visit.text
        let fields: HTML = """
            \(field("current-password", label: text[.currentPassword], type: "password", autocomplete: "current-password"))\
            \(field("new-password", label: text[.newPassword], type: "password", autocomplete: "new-password"))\
            \(field("confirm-password", label: text[.confirmNewPassword], type: "password", autocomplete: "new-password"))\
            <p class="hint">\(text[.passwordRules])</p>\(submit(text[.save]))
            """
        return page(
            visit, title: text[.changePassword], status: error == nil ? .ok : .badRequest, error: error,
            form(visit, action: href(visit, "/account/password"), fields)
        )
    }

    /// The login e-mail cannot be changed: accounts with 5 properties or more are sent to
    /// their local support team, smaller ones are told to create a new user and delete the old.
    private func emailPage(_ visit: Visit) async throws -> Response {
        guard let session = visit.session else { return notFound(visit) }
        let text = visit.text
        let count = try await store.properties(ofAccount: session.user.accountID).count
        let body: HTML
        if count >= 5 {
            body = """
                <p>\(text(.changeEmailSupport, ["count": String(count)]))</p>\
                <p><a href="\(href(visit, "/support"))">\(text[.contactSupport])</a></p>
                """
        } else {
            let next: HTML =
                session.isAdministrator
                ? "<p><a href=\"\(href(visit, "/account/users"))\">\(text[.manageUsers])</a></p>" : .empty
            body = "<p>\(text[.changeEmailNewUser])</p>\(next)"
        }
        return page(visit, title: text[.changeEmail], body)
    }
}
