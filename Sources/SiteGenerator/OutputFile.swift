/// One file of the generated site: its path below the output folder and how to make its bytes.
struct OutputJob: Sendable {
    let path: String
    let render: @Sendable () -> [UInt8]
}

/// A 64-bit FNV-1a hash of a file's bytes: the incremental build's "has it changed?".
/// Not cryptographic; it only has to notice edits, and it must be the same from run to run.
enum ContentHash {
    static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        return hash
    }
}
