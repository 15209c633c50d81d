internal import Foundation
internal import Hummingbird

/// "Ajouter et gérer des utilisateurs": the administrator's list of users, adding a new user
/// (name and e-mail → access rights → invitation), inviting an existing user to another
/// property, and deleting a user. Every route requires the administration right, and every
/// user id is looked up within the administrator's own account (another account's id → 404).
extension AccountEngine {
    func addUserRoutes(to router: Router<BasicRequestContext>) {
        page(router, "/account/users", for: .administrator) { _, _, visit in try await self.usersPage(visit) }
        page(router, "/account/users/add", for: .administrator) { _, _, visit in
            let text = visit.text
            return self.page(
                visit, title: text[.addUser],
                """
                <p>\(text[.addUserIntro])</p><ul class="choices">\
                <li><a href="\(self.href(visit, "/account/users/new"))">\(text[.newUser])</a></li>\
                <li><a href="\(self.href(visit, "/account/users/existing"))">\(text[.existingUser])</a></li></ul>
                """
            )
        }
        page(router, "/account/users/new", for: .administrator) { _, _, visit in self.newUserPage(visit) }
        action(router, "/account/users/new", for: .administrator) { _, _, visit, form in
            let (name, email) = (form.trimmed("name"), form.trimmed("email").lowercased())
            if let problem = try await self.newUserProblem(name: name, email: email, visit.text) {
                return self.newUserPage(visit, name: name, email: email, error: problem)
            }
            return try await self.rightsPage(visit, name: name, email: email)
        }
        action(router, "/account/users/new/invite", for: .administrator) { _, _, visit, form in
            try await self.inviteNewUser(visit, form)
        }
        page(router, "/account/users/existing", for: .administrator) { _, _, visit in self.existingUserPage(visit) }
        action(router, "/account/users/existing", for: .administrator) { _, _, visit, form in
            try await self.existingUserRights(visit, form)
        }
        action(router, "/account/users/existing/invite", for: .administrator) { _, _, visit, form in
            try await self.inviteExistingUser(visit, form)
        }
        page(router, "/account/users/:id", for: .administrator) { _, context, visit in
            guard let session = visit.session, let id = context.parameters.get("id", as: Int64.self),
                let (user, memberships) = try await self.store.user(id: id, inAccount: session.user.accountID)
            else { return self.notFound(visit) }
            return self.managePage(visit, user, memberships)
        }
        action(router, "/account/users/:id/delete", for: .administrator) { _, context, visit, _ in
            guard let session = visit.session, let id = context.parameters.get("id", as: Int64.self) else {
                return self.notFound(visit)
            }
            let text = visit.text
            let outcome = try await self.store.deleteUser(id: id, actorID: session.user.id, accountID: session.user.accountID)
            switch outcome {
            case .notFound:
                return self.notFound(visit)
            case .deleted(let user):
                return try await self.usersPage(visit, notice: text(.userDeleted, ["username": user.username]))
            case .isSelf, .lastAdministrator:
                guard let (user, memberships) = try await self.store.user(id: id, inAccount: session.user.accountID) else {
                    return self.notFound(visit)
                }
                let error = outcome == .isSelf ? text[.errorDeleteSelf] : text[.errorLastAdmin]
                return self.managePage(visit, user, memberships, error: error, status: .conflict)
            }
        }
    }

    private func usersPage(_ visit: Visit, notice: String? = nil) async throws -> Response {
        guard let session = visit.session else { return notFound(visit) }
        let text = visit.text
        let rows = try await store.users(ofAccount: session.user.accountID).map { user -> HTML in
            let status = user.isPending ? text[.statusInvited] : user.locked ? text[.statusLocked] : text[.statusActive]
            return """
                <tr><td>\(user.name)</td><td>\(user.username)</td><td>\(user.email)</td><td>\(status)</td>\
                <td><a href="\(href(visit, "/account/users/\(user.id)"))">\(text[.manage])</a></td></tr>
                """
        }
        return page(
            visit, title: text[.usersTitle], notice: notice,
            """
            <p><a href="\(href(visit, "/account/users/add"))">\(text[.addUser])</a></p>\
            <table><thead><tr><th>\(text[.columnName])</th><th>\(text[.columnUsername])</th>\
            <th>\(text[.columnEmail])</th><th>\(text[.columnStatus])</th><th>\(text[.columnActions])</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
        )
    }

    private func newUserPage(_ visit: Visit, name: String = "", email: String = "", error: String? = nil) -> Response {
        let text = visit.text
        let fields: HTML = """
            \(field("name", label: text[.nameLabel], value: name, autocomplete: "name"))\
            \(field("email", label: text[.emailLabel], type: "email", value: email, autocomplete: "email"))\
            \(submit(text[.nextStepRights]))
            """
        return page(
            visit, title: text[.newUser], status: error == nil ? .ok : .badRequest, error: error,
            form(visit, action: href(visit, "/account/users/new"), fields)
        )
    }

    private func newUserProblem(name: String, email: String, _ text: Catalog) async throws -> String? {
        if name.isEmpty || name.count > 200 { return text[.errorNameRequired] }
        if !Self.isEmailAddress(email) { return text[.errorEmailInvalid] }
        if try await store.emailInUse(email) { return text[.errorEmailInUse] }
        return nil
    }

    /// Step 2 of a new user: one fieldset per property of the account with a checkbox per
    /// right ("Réservations" ticked by default); name and e-mail ride along as hidden fields.
    private func rightsPage(_ visit: Visit, name: String, email: String, error: String? = nil) async throws -> Response {
        guard let session = visit.session else { return notFound(visit) }
        let text = visit.text
        let properties = try await store.properties(ofAccount: session.user.accountID)
        let fields: HTML = """
            <input type="hidden" name="name" value="\(name)"><input type="hidden" name="email" value="\(email)">\
            \(properties.map { rightsFieldset(visit, $0) })\(submit(text[.sendInvitation]))
            """
        return page(
            visit, title: text[.accessRightsTitle], status: error == nil ? .ok : .badRequest, error: error,
            "<p>\(text(.accessRightsIntro, ["name": name, "email": email]))</p>\(form(visit, action: href(visit, "/account/users/new/invite"), fields))"
        )
    }

    func rightsFieldset(_ visit: Visit, _ property: PropertyRecord) -> HTML {
        let boxes = AccessRight.allCases.map { right -> HTML in
            let id = "r-\(property.id)-\(right.rawValue)"
            let checked: HTML = right == .reservations ? " checked" : ""
            return """
                <p><input type="checkbox" id="\(id)" name="rights-\(property.id)" value="\(right.rawValue)"\(checked)>\
                <label for="\(id)">\(Self.rightName(right, visit.text))</label></p>
                """
        }
        return "<fieldset><legend>\(property.name) (\(visit.text(.propertyID, ["id": String(property.id)])))</legend>\(boxes)</fieldset>"
    }

    private func inviteNewUser(_ visit: Visit, _ form: FormData) async throws -> Response {
        guard let session = visit.session else { return notFound(visit) }
        let text = visit.text
        let (name, email) = (form.trimmed("name"), form.trimmed("email").lowercased())
        if let problem = try await newUserProblem(name: name, email: email, text) {
            return newUserPage(visit, name: name, email: email, error: problem)
        }
        let properties = try await store.properties(ofAccount: session.user.accountID)
        let grants = properties.compactMap { property -> Grant? in
            let rights = Set(form.values("rights-\(property.id)").compactMap(AccessRight.init(rawValue:)))
            return rights.isEmpty ? nil : Grant(propertyID: property.id, rights: rights)
        }
        guard !grants.isEmpty else { return try await rightsPage(visit, name: name, email: email, error: text[.errorNoRights]) }
        let token = SecretToken.random()
        let names = properties.filter { property in grants.contains { $0.propertyID == property.id } }.map(\.name)
        let mail = invitationMail(visit, to: email, name: name, properties: names, token: token)
        guard
            try await store.inviteNewUser(
                accountID: session.user.accountID, name: name, email: email, grants: grants, tokenHash: token.hash,
                lifetime: options.invitationLifetime, mail: mail
            ) != nil
        else { return newUserPage(visit, name: name, email: email, error: text[.errorEmailInUse]) }
        return try await usersPage(visit, notice: text(.invitationSent, ["email": email]))
    }

    private func existingUserPage(_ visit: Visit, propertyID: String = "", email: String = "", error: String? = nil) -> Response {
        let text = visit.text
        let fields: HTML = """
            \(field("property", label: text[.propertyIDLabel], value: propertyID))\
            \(field("email", label: text[.emailLabel], type: "email", value: email, autocomplete: "email"))\
            \(submit(text[.viewAccessRights]))
            """
        return page(
            visit, title: text[.existingUser], status: error == nil ? .ok : .badRequest, error: error,
            form(visit, action: href(visit, "/account/users/existing"), fields)
        )
    }

    /// Checks the property and the user, then shows the rights for that one property.
    private func existingUserRights(_ visit: Visit, _ form: FormData, error: String? = nil) async throws -> Response {
        guard let session = visit.session else { return notFound(visit) }
        let text = visit.text
        let (propertyText, email) = (form.trimmed("property"), form.trimmed("email").lowercased())
        let properties = try await store.properties(ofAccount: session.user.accountID)
        guard let property = Int64(propertyText).flatMap({ id in properties.first { $0.id == id } }) else {
            return existingUserPage(visit, propertyID: propertyText, email: email, error: text[.errorUnknownProperty])
        }
        guard let user = try await store.users(ofAccount: session.user.accountID).first(where: { $0.email == email }) else {
            return existingUserPage(visit, propertyID: propertyText, email: email, error: text[.errorUnknownUser])
        }
        let fields: HTML = """
            <input type="hidden" name="property" value="\(String(property.id))">\
            <input type="hidden" name="email" value="\(email)">\(rightsFieldset(visit, property))\
            \(submit(text[.sendInvitation]))
            """
        return page(
            visit, title: text[.accessRightsTitle], status: error == nil ? .ok : .badRequest, error: error,
            "<p>\(text(.accessRightsIntro, ["name": user.name, "email": user.email]))</p>\(self.form(visit, action: href(visit, "/account/users/existing/invite"), fields))"
        )
    }

    private func inviteExistingUser(_ visit: Visit, _ form: FormData) async throws -> Response {
        guard let session = visit.session else { return notFound(visit) }
        let text = visit.text
        let (propertyText, email) = (form.trimmed("property"), form.trimmed("email").lowercased())
        guard let propertyID = Int64(propertyText),
            let property = try await store.properties(ofAccount: session.user.accountID).first(where: { $0.id == propertyID })
        else { return existingUserPage(visit, propertyID: propertyText, email: email, error: text[.errorUnknownProperty]) }
        let rights = Set(form.values("rights-\(propertyID)").compactMap(AccessRight.init(rawValue:)))
        guard !rights.isEmpty else { return try await existingUserRights(visit, form, error: text[.errorNoRights]) }
        let token = SecretToken.random()
        let outcome = try await store.inviteExistingUser(
            accountID: session.user.accountID, email: email, grant: Grant(propertyID: propertyID, rights: rights),
            tokenHash: token.hash, lifetime: options.invitationLifetime
        ) { user in
            self.invitationMail(visit, to: user.email, name: user.name, properties: [property.name], token: token)
        }
        switch outcome {
        case .invited: return try await usersPage(visit, notice: text(.invitationSent, ["email": email]))
        case .unknownProperty:
            return existingUserPage(visit, propertyID: propertyText, email: email, error: text[.errorUnknownProperty])
        case .unknownUser:
            return existingUserPage(visit, propertyID: propertyText, email: email, error: text[.errorUnknownUser])
        case .alreadyMember:
            return existingUserPage(visit, propertyID: propertyText, email: email, error: text[.errorAlreadyMember])
        }
    }

    /// A user's **Gérer** page: who they are, their rights as a form to change them, and deleting them.
    func managePage(
        _ visit: Visit, _ user: UserRecord, _ memberships: [Membership], notice: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let text = visit.text
        return page(
            visit, title: user.name, status: status, notice: notice, error: error,
            """
            <dl><dt>\(text[.columnUsername])</dt><dd>\(user.username)</dd>\
            <dt>\(text[.columnEmail])</dt><dd>\(user.email)</dd></dl>\
            <h2>\(text[.userRights])</h2>\(rightsForm(visit, user, memberships))\
            \(form(visit, action: href(visit, "/account/users/\(user.id)/delete"), submit(text[.deleteUser])))
            """
        )
    }

    func invitationMail(_ visit: Visit, to email: String, name: String, properties: [String], token: SecretToken) -> OutgoingMail {
        let link = "\(publicOrigin)\(href(visit, "/invitation"))?token=\(token.value)"
        return OutgoingMail(
            to: email, subject: visit.text[.mailInviteSubject],
            body: visit.text(.mailInviteBody, ["name": name, "properties": properties.joined(separator: ", "), "link": link]),
            secret: token.value
        )
    }

    static func rightName(_ right: AccessRight, _ text: Catalog) -> String {
        switch right {
        case .reservations: text[.rightReservations]
        case .rates: text[.rightRates]
        case .finance: text[.rightFinance]
        case .administration: text[.rightAdministration]
        }
    }

    /// One "@", something before it, a dot in the domain, no spaces: what a form can check.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return text.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}
