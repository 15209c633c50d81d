/// The rule every new password meets: 8 to 128 characters, all of them significant (the hasher
/// never truncates), and not one of the passwords attackers try first.
public enum PasswordPolicy {
    public static let minimumLength = 8
    public static let maximumLength = 128

    /// Why a password is refused.
    public enum Violation: Sendable, Equatable {
        case tooShort, tooLong, common
    }

    /// The first rule `password` breaks, or `nil` when it is acceptable.
    public static func violation(of password: String) -> Violation? {
        let length = password.count
        if length < minimumLength { return .tooShort }
        if length > maximumLength { return .tooLong }
        if CommonPasswords.contains(password) { return .common }
        return nil
    }
}
