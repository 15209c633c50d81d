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
    /// The paths in order as last sorted, each with its entry, and the paths added since:
    /// watch mode writes the manifest on every edit, and sorting 46,000 paths (or looking each
    /// one up) every time was a tenth of a rebuild.
    private var sortedPaths: [String] = []
    private var sortedEntries: [Entry] = []
    private var addedPaths: [String] = []

    /// Records a file written (or nil: removed).
    mutating func set(_ path: String, to entry: Entry?) {
        if let entry {
            if entries.updateValue(entry, forKey: path) == nil {
                addedPaths.append(path)
            } else if let place = sortedPlace(of: path) {
                sortedEntries[place] = entry
            }
        } else if entries.removeValue(forKey: path) != nil, let place = sortedPlace(of: path) {
            sortedPaths.remove(at: place)
            sortedEntries.remove(at: place)
        }
    }

    /// The recorded paths that start with `prefix`, in order.
    mutating func paths(withPrefix prefix: String) -> ArraySlice<String> {
        sort()
        let low = sortedPaths.partitionPoint { $0 >= prefix }
        let high = sortedPaths[low...].firstIndex { !$0.hasPrefix(prefix) } ?? sortedPaths.endIndex
        return sortedPaths[low..<high]
    }

    private func sortedPlace(of path: String) -> Int? {
        let place = sortedPaths.partitionPoint { $0 >= path }
        return place < sortedPaths.count && sortedPaths[place] == path ? place : nil
    }

    /// Takes the added paths into the sorted ones (sorting all again after many).
    private mutating func sort() {
        if sortedPaths.isEmpty || addedPaths.count > 64 {
            sortedPaths = entries.keys.sorted()
            sortedEntries = sortedPaths.map { entries[$0]! }
        } else {
            for path in addedPaths {
                guard let entry = entries[path] else { continue }
                let place = sortedPaths.partitionPoint { $0 >= path }
                if place < sortedPaths.count, sortedPaths[place] == path {
                    sortedEntries[place] = entry
                } else {
                    sortedPaths.insert(path, at: place)
                    sortedEntries.insert(entry, at: place)
                }
            }
        }
        addedPaths = []
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
        sort()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 64 + 128)
        bytes.append(contentsOf: "# HelpCenter build manifest: content hash, size, path. Used to write only what changed.\n".utf8)
        for (path, entry) in zip(sortedPaths, sortedEntries) {
            SearchText.appendHexadecimal(entry.hash, to: &bytes)
            bytes.append(0x09)
            SearchText.appendDecimal(UInt64(entry.size), to: &bytes)
            bytes.append(0x09)
            bytes.append(contentsOf: path.utf8)
            bytes.append(0x0A)
        }
        return bytes
    }
}
