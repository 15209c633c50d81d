/// Joins and normalises `/`-separated paths (`a/b/../c` → `a/c`) without touching the disk.
public enum PathArithmetic {
    /// Keeps a leading `/`; a `..` that climbs above the start stays. On bytes: every `.md`
    /// link and every image of every article is resolved through here.
    public static func normalized(_ path: String) -> String {
        let bytes = Array(path.utf8)
        var segments: [Range<Int>] = []
        var start = 0
        var index = 0
        func close() {
            let segment = start..<index
            defer { start = index + 1 }
            if segment.isEmpty || (segment.count == 1 && bytes[segment.lowerBound] == 0x2E) { return }  // "" or "."
            if segment.count == 2, bytes[segment.lowerBound] == 0x2E, bytes[segment.lowerBound + 1] == 0x2E {  // ".."
                if let last = segments.last, !(last.count == 2 && bytes[last.lowerBound] == 0x2E && bytes[last.lowerBound + 1] == 0x2E) {
                    segments.removeLast()
                    return
                }
            }
            segments.append(segment)
        }
        while index < bytes.count {
            if bytes[index] == 0x2F { close() }
            index += 1
        }
        close()
        var result: [UInt8] = bytes.first == 0x2F ? [0x2F] : []
        result.reserveCapacity(bytes.count)
        for (offset, segment) in segments.enumerated() {
            if offset > 0 { result.append(0x2F) }
            result += bytes[segment]
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The folder of a file path, with a trailing `/` (empty for a bare name).
    public static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[...slash])
    }
}
