/// The rule every new password meets: 8 to 128 characters, all of them significant (the hasher
/// never truncates), and not one of the passwords attackers try first.
public struct PasswordPolicy: Sendable, Equatable {
    public static let minimumLength = 8
    public static let maximumLength = 128

    /// How many characters a password may have (the articles say 8 to 128; drift tests of the
    /// checker change it).
    public var length: ClosedRange<Int> = Self.minimumLength...Self.maximumLength
    /// Whether `CommonPasswords` are refused (only drift tests turn it off).
    public var refusesCommon = true

    public init() {}

    /// Why a password is refused.
    public enum Violation: Sendable, Equatable {
        case tooShort, tooLong, common
    }

    /// The first rule `password` breaks, or `nil` when it is acceptable.
    public func violation(of password: String) -> Violation? {
        let count = password.count
        if count < length.lowerBound { return .tooShort }
        if count > length.upperBound { return .tooLong }
        if refusesCommon, CommonPasswords.contains(password) { return .common }
        return nil
    }

    /// The shipped rule's verdict.
    public static func violation(of password: String) -> Violation? {
        PasswordPolicy().violation(of: password)
    }
}
