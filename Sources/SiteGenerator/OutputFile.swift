/// One file of the generated site: its path below the output folder and how to make its bytes.
struct OutputJob: Sendable {
    let path: String
    let render: @Sendable () -> [UInt8]
    /// A file whose bytes the output holds as they are (an image): the writer hard-links it
    /// rather than writing a copy when it can (same file system, readable by all), which spares
    /// the file system a new file and its data; `render` still gives the bytes, for the
    /// manifest's hash and for the copy made when no link can be.
    var linkSource: String? = nil
}

/// A 64-bit hash of a file's bytes: the incremental build's "has it changed?".
///
/// FNV-1a taken eight bytes at a time, with a final mix: not cryptographic, it only has to
/// notice edits (the size is compared too) and be the same from run to run. Byte-wise FNV cost
/// 0.4 s of CPU over the 280 MB of a 20,000-page site; this is about eight times cheaper.
enum ContentHash {
    static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01B3
        bytes.withUnsafeBytes { buffer in
            let words = buffer.count / 8
            for index in 0..<words {
                hash ^= buffer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                hash &*= prime
                hash ^= hash >> 29
            }
            for index in (words * 8)..<buffer.count {
                hash ^= UInt64(buffer[index])
                hash &*= prime
            }
        }
        hash ^= UInt64(bytes.count)
        hash &*= 0x9E37_79B9_7F4A_7C15
        return hash ^ (hash >> 32)
    }
}
