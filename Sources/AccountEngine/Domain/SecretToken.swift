internal import Crypto
internal import Foundation

/// A secret handed to a browser or written in an e-mail link: 256 random bits from the system's
/// generator, in URL-safe base64. The database keeps only its SHA-256 (``hash``), so a copy of
/// the database opens no session and resets no password.
struct SecretToken: Sendable, Hashable {
    let value: String

    init(value: String) {
        self.value = value
    }

    /// A new random token (32 bytes from `SystemRandomNumberGenerator`).
    static func random() -> SecretToken {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in bytes.indices { bytes[index] = generator.next() }
        return SecretToken(value: Self.base64URL(bytes))
    }

    /// What is stored: the SHA-256 of the token's text.
    var hash: Data { Data(SHA256.hash(data: Data(value.utf8))) }

    /// Whether the text has the shape of a token (43 URL-safe base64 characters); anything else
    /// is refused before the database is asked.
    var isWellFormed: Bool {
        value.utf8.count == 43 && value.utf8.allSatisfy { Self.alphabet.contains($0) }
    }

    static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
}
