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

    private(set) var entries: [String: Entry] = [:]
    /// The paths in order as last serialized, and the paths added since: watch mode writes the
    /// manifest on every edit, and sorting 46,000 paths each time was a tenth of a rebuild.
    private var sortedPaths: [String] = []
    private var addedPaths: [String] = []
    private var removedPaths = false

    /// Records a file written (or nil: removed).
    mutating func set(_ path: String, to entry: Entry?) {
        if let entry {
            if entries.updateValue(entry, forKey: path) == nil { addedPaths.append(path) }
        } else if entries.removeValue(forKey: path) != nil {
            removedPaths = true
        }
    }

    static func load(from folder: String) -> BuildManifest {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return BuildManifest() }
        var manifest = BuildManifest()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 2)
            guard fields.count == 3, let hash = UInt64(fields[0], radix: 16), let size = Int(fields[1]) else { continue }
            manifest.set(String(fields[2]), to: Entry(hash: hash, size: size))
        }
        return manifest
    }

    mutating func serialized() -> [UInt8] {
        if sortedPaths.isEmpty || addedPaths.count > 64 {
            sortedPaths = entries.keys.sorted()
        } else {
            if removedPaths { sortedPaths.removeAll { entries[$0] == nil } }
            for path in addedPaths where entries[path] != nil {
                let place = sortedPaths.partitionPoint(where: { $0 >= path })
                if place == sortedPaths.count || sortedPaths[place] != path { sortedPaths.insert(path, at: place) }
            }
        }
        addedPaths = []
        removedPaths = false
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 64 + 128)
        bytes.append(contentsOf: "# HelpCenter build manifest: content hash, size, path. Used to write only what changed.\n".utf8)
        for path in sortedPaths {
            guard let entry = entries[path] else { continue }
            bytes.append(contentsOf: String(entry.hash, radix: 16).utf8)
            bytes.append(0x09)
            SearchText.appendDecimal(UInt64(entry.size), to: &bytes)
            bytes.append(0x09)
            bytes.append(contentsOf: path.utf8)
            bytes.append(0x0A)
        }
        return bytes
    }
}
