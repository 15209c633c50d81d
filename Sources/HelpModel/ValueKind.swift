/// What a person types into a field, named by meaning rather than by text.
///
/// The checker turns each kind into a concrete value from the procedure's fixture (the current
/// password of the persona, a fresh new password, …); the phrasebook names kinds by raw value.
public enum ValueKind: String, Sendable, Hashable, Codable, CaseIterable {
    case username
    case currentPassword = "current-password"
    case newPassword = "new-password"
    case emailAddress = "email-address"
    case personName = "person-name"
    case accessRights = "access-rights"
    case propertyID = "property-id"
    case previousUsername = "previous-username"
    case text
}

/// A page a step opens by name rather than by clicking to it.
public enum PageName: String, Sendable, Hashable, Codable, CaseIterable {
    case signIn = "sign-in"
    case home
}
