internal import Crypto
internal import Foundation

/// HMAC-SHA256 with the database's signing key: CSRF tokens and the short-lived ticket of the
/// "confirm your e-mail address" step are signatures, so the server keeps no state for them.
struct Signer: Sendable {
    private let key: SymmetricKey

    init(key: Data) {
        self.key = SymmetricKey(data: key)
    }

    func sign(_ message: String) -> String {
        SecretToken.base64URL(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key))
    }

    /// Compares in constant time, so a forged signature learns nothing from the timing.
    func verify(_ signature: String, for message: String) -> Bool {
        let expected = Array(sign(message).utf8)
        let given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        return difference == 0
    }
}
