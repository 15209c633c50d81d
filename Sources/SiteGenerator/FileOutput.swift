internal import Glibc

/// Thin POSIX file writing: faster than Foundation for 20,000 small files, and explicit about
/// atomic replacement (write a sibling, then `rename`).
enum FileOutput {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var operation: String
        var code: Int32

        var description: String { "\(path): \(operation) failed: \(String(cString: strerror(code)))" }
    }

    /// Creates a folder and its parents; an existing folder is fine.
    static func makeDirectories(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.dropLast().lastIndex(of: "/") else {
            throw Failure(path: path, operation: "mkdir", code: errno)
        }
        try makeDirectories(String(path[..<slash]))
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw Failure(path: path, operation: "mkdir", code: errno) }
    }

    /// Writes bytes to a new file (or truncates an existing one).
    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, operation: "open", code: errno) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            guard written > 0 else { throw Failure(path: path, operation: "write", code: errno) }
            offset += written
        }
    }

    /// Replaces a file atomically: readers see the old bytes or the new ones, never a mix.
    /// - Parameter source: a file to hard-link in place of writing `bytes` (see ``link(_:to:)``).
    static func replace(_ path: String, with bytes: [UInt8], linking source: String? = nil, temporarySuffix: String) throws(Failure) {
        let temporary = path + temporarySuffix
        if let source, link(source, to: temporary) {
            // Renaming a link onto another link of the same file does nothing and leaves the
            // temporary name: the output already was this file.
            let renamed = Glibc.rename(temporary, path) == 0
            unlink(temporary)
            guard renamed else { throw Failure(path: path, operation: "rename", code: errno) }
            return
        }
        try write(bytes, to: temporary)
        guard Glibc.rename(temporary, path) == 0 else { throw Failure(path: path, operation: "rename", code: errno) }
    }

    /// Makes `path` a hard link to `source` when that is safe to publish: a regular file that
    /// everyone may read, on the same file system. False (nothing made) otherwise, and the
    /// caller writes a copy. A link shares the file: an editor that rewrites the source in
    /// place changes the published copy too, as a rebuild would.
    static func link(_ source: String, to path: String) -> Bool {
        var info = stat()
        guard stat(source, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_mode & 0o444 == 0o444 else { return false }
        return Glibc.link(source, path) == 0
    }

    /// The size of a regular file, or nil when there is none.
    static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    static func rename(from source: String, to destination: String) throws(Failure) {
        guard Glibc.rename(source, destination) == 0 else { throw Failure(path: destination, operation: "rename", code: errno) }
    }

    static func remove(_ path: String) {
        unlink(path)
    }

    static var processID: Int32 { getpid() }
}
