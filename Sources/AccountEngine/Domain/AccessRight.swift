/// What a user may do on one property. Account administration is one of the rights, so an
/// administrator is a user who holds ``administration`` on at least one property of the account.
public enum AccessRight: String, CaseIterable, Sendable, Codable {
    case reservations
    case rates
    case finance
    case administration

    /// Reads a comma-separated list as stored in the database, ignoring unknown names.
    static func parseList(_ text: String) -> Set<AccessRight> {
        Set(text.split(separator: ",").compactMap { AccessRight(rawValue: String($0)) })
    }

    /// Writes rights in a stable order, the form they are stored in.
    static func list(_ rights: Set<AccessRight>) -> String {
        allCases.filter(rights.contains).map(\.rawValue).joined(separator: ",")
    }
}
