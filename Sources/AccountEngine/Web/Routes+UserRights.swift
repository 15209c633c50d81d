internal import Foundation
internal import Hummingbird

/// Changing a user's rights from their **Gérer** page: one checkbox per right and property the
/// user belongs to, ticked as they are now, and **Enregistrer**. Like every users route it is
/// for administrators only, finds the user within the administrator's own account (another
/// account's id is a 404), and goes through the cross-site and CSRF refusals of `action`; the
/// rules (a right left on every property, an administrator left in the account) are enforced
/// in the store's transaction, so a refused request changes nothing.
extension AccountEngine {
    func addUserRightsRoutes(to router: Router<BasicRequestContext>) {
        action(router, "/account/users/:id/rights", for: .administrator) { _, context, visit, form in
            guard let session = visit.session, let id = context.parameters.get("id", as: Int64.self),
                let (user, memberships) = try await self.store.user(id: id, inAccount: session.user.accountID)
            else { return self.notFound(visit) }
            var rights: [Int64: Set<AccessRight>] = [:]
            for membership in memberships {
                let id = membership.property.id
                rights[id] = Set(form.values("rights-\(id)").compactMap(AccessRight.init(rawValue:)))
            }
            let text = visit.text
            switch try await self.store.setRights(userID: id, accountID: session.user.accountID, rights: rights) {
            case .notFound:
                return self.notFound(visit)
            case .saved(let saved, let now):
                return self.managePage(visit, saved, now, notice: text(.rightsSaved, ["username": saved.username]))
            case .noRights:
                return self.managePage(visit, user, memberships, error: text[.errorNoRights], status: .badRequest)
            case .lastAdministrator:
                return self.managePage(visit, user, memberships, error: text[.errorLastAdminRights], status: .conflict)
            }
        }
    }

    /// The rights form of the **Gérer** page: a fieldset per property with the user's rights ticked.
    func rightsForm(_ visit: Visit, _ user: UserRecord, _ memberships: [Membership]) -> HTML {
        let text = visit.text
        let groups = memberships.map { membership -> HTML in
            let property = membership.property
            let boxes = AccessRight.allCases.map { right -> HTML in
                let id = "u-\(property.id)-\(right.rawValue)"
                let checked: HTML = membership.rights.contains(right) ? " checked" : ""
                return """
                    <p><input type="checkbox" id="\(id)" name="rights-\(property.id)" value="\(right.rawValue)"\(checked)>\
                    <label for="\(id)">\(Self.rightName(right, text))</label></p>
                    """
            }
            return "<fieldset><legend>\(property.name) (\(text(.propertyID, ["id": String(property.id)])))</legend>\(boxes)</fieldset>"
        }
        return form(visit, action: href(visit, "/account/users/\(user.id)/rights"), "\(groups)\(submit(text[.save]))")
    }
}
