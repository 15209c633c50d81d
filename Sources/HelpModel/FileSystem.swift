internal import Dispatch
internal import Glibc

/// Lists and reads files with POSIX calls: Foundation's directory enumerator and `Data`
/// reading cost more than parsing the 20,000 pages of a large site. In the model because the
/// parser (articles, images) and the validator (the built site) read the same way.
public enum FileSystem {
    /// Every regular file under `root`, as paths relative to it. Hidden entries (the build
    /// manifest, a staging folder) are not part of the site. Nil when `root` is no folder.
    ///
    /// Folders are read level by level, each level's folders on all cores: a 20,000-page site
    /// is 20,000 folders, and opening them one after the other was a tenth of the validation.
    public static func list(_ root: String) -> Set<String>? {
        guard let top = entries(root, relative: "") else { return nil }
        var files = Set(top.files)
        var level = top.folders
        while !level.isEmpty {
            let found = ParallelResults<(files: [String], folders: [String])>(count: level.count)
            let folders = level
            DispatchQueue.concurrentPerform(iterations: folders.count) { position in
                found.store(entries(root, relative: folders[position]) ?? ([], []), at: position)
            }
            level = []
            for entry in found.values {
                files.formUnion(entry.files)
                level += entry.folders
            }
        }
        return files
    }

    /// The files and folders directly in one folder, as paths relative to the root.
    private static func entries(_ root: String, relative: String) -> (files: [String], folders: [String])? {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var files: [String] = []
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix(".") else { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): folders.append(child)
            case Int32(DT_REG): files.append(child)
            case Int32(DT_UNKNOWN), Int32(DT_LNK):
                var status = stat()
                guard stat(root + "/" + child, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFDIR { folders.append(child) }
                if status.st_mode & S_IFMT == S_IFREG { files.append(child) }
            default: continue
            }
        }
        return (files, folders)
    }

    /// The bytes of a file, or nil when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        var complete = true
        // Not zero-filled first: every byte is read over.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var offset = 0
            while offset < size {
                let read = Glibc.read(descriptor, buffer.baseAddress! + offset, size - offset)
                guard read > 0 else {
                    complete = read == 0
                    break
                }
                offset += read
            }
            count = offset
        }
        return complete ? bytes : nil
    }
}
