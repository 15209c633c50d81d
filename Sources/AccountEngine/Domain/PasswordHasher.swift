internal import Crypto
internal import Foundation
internal import HummingbirdBcrypt
internal import NIOPosix

/// bcrypt without its two traps: it reads only the first 72 bytes and stops at a NUL byte. The
/// password is first reduced to the base64 of its SHA-256 (44 ASCII characters), so every
/// character of a 128-character password counts. Hashing runs on NIO's thread pool, off the
/// request tasks, because it is slow on purpose.
struct PasswordHasher: Sendable {
    let cost: UInt8
    /// A throwaway hash at the same cost, made once when the engine starts.
    private let decoy: String

    init(cost: Int) {
        self.cost = UInt8(clamping: min(max(cost, 4), 31))
        self.decoy = Bcrypt.hash("decoy", cost: self.cost)
    }

    func hash(_ password: String) async throws -> String {
        let input = Self.prehash(password)
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(input, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        let input = Self.prehash(password)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(input, hash: hash) }
    }

    /// A verification against a throwaway hash, so an unknown user costs the same time as a
    /// known one.
    func burn(_ password: String) async throws {
        _ = try await verify(password, against: decoy)
    }

    private static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }
}
