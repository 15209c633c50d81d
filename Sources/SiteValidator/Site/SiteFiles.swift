internal import Glibc

/// Lists and reads the site's files with POSIX calls: Foundation's directory enumerator and
/// `Data` reading cost more than parsing the 20,000 pages of a large site.
enum SiteFiles {
    /// Every regular file under `root`, as paths relative to it. Hidden entries (the build
    /// manifest, a staging folder) are not part of the site. Nil when `root` is no folder.
    static func list(_ root: String) -> Set<String>? {
        var files: Set<String> = []
        var pending: [String] = [""]
        var first = true
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(path) else {
                if first { return nil }
                continue
            }
            first = false
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard !name.hasPrefix(".") else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): pending.append(child)
                case Int32(DT_REG): files.insert(child)
                case Int32(DT_UNKNOWN), Int32(DT_LNK):
                    var status = stat()
                    guard stat(root + "/" + child, &status) == 0 else { continue }
                    if status.st_mode & S_IFMT == S_IFDIR { pending.append(child) }
                    if status.st_mode & S_IFMT == S_IFREG { files.insert(child) }
                default: continue
                }
            }
        }
        return files
    }

    /// The bytes of a file, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            guard count > 0 else { return count == 0 ? Array(bytes[..<offset]) : nil }
            offset += count
        }
        return bytes
    }
}
