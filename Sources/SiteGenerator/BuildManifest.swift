internal import Foundation

/// What the last successful build wrote: path → content hash and size.
///
/// Kept inside the output folder as `.helpcenter-manifest.tsv`, so it moves with the folder
/// when a cold build swaps it in. A file whose hash and size match and that is still on disk
/// with that size is not written again.
struct BuildManifest {
    static let fileName = ".helpcenter-manifest.tsv"

    struct Entry: Equatable {
        var hash: UInt64
        var size: Int
    }

    var entries: [String: Entry] = [:]

    static func load(from folder: String) -> BuildManifest {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return BuildManifest() }
        var manifest = BuildManifest()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 2)
            guard fields.count == 3, let hash = UInt64(fields[0], radix: 16), let size = Int(fields[1]) else { continue }
            manifest.entries[String(fields[2])] = Entry(hash: hash, size: size)
        }
        return manifest
    }

    func serialized() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 64 + 128)
        bytes.append(contentsOf: "# HelpCenter build manifest: content hash, size, path. Used to write only what changed.\n".utf8)
        for path in entries.keys.sorted() {
            guard let entry = entries[path] else { continue }
            bytes.append(contentsOf: String(entry.hash, radix: 16).utf8)
            bytes.append(0x09)
            bytes.append(contentsOf: String(entry.size).utf8)
            bytes.append(0x09)
            bytes.append(contentsOf: path.utf8)
            bytes.append(0x0A)
        }
        return bytes
    }
}
