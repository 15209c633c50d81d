/// Joins and normalises `/`-separated paths (`a/b/../c` → `a/c`) without touching the disk.
public enum PathArithmetic {
    /// Keeps a leading `/`; a `..` that climbs above the start stays. On bytes: every `.md`
    /// link and every image of every article is resolved through here.
    public static func normalized(_ path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            let root = bytes.first == slash ? 1 : 0
            if root == 1 { out.append(slash) }
            // Where each kept segment starts in `out` (its separator included), and whether it is "..".
            var kept: [(start: Int, climbs: Bool)] = []
            kept.reserveCapacity(12)
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == slash {
                defer { start = end + 1 }
                let length = end - start
                if length == 0 || (length == 1 && bytes[start] == dot) { continue }  // "" or "."
                let climbs = length == 2 && bytes[start] == dot && bytes[start + 1] == dot
                if climbs, let last = kept.last, !last.climbs {
                    out.removeSubrange(last.start...)
                    kept.removeLast()
                    continue
                }
                kept.append((out.count, climbs))
                if out.count > root { out.append(slash) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The folder of a file path, with a trailing `/` (empty for a bare name).
    public static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[...slash])
    }
}
