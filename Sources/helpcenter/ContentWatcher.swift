internal import Foundation
internal import Glibc

/// Waits for changes below the content folder with Linux inotify: no polling, and an editor's
/// save (write, or write-to-temporary-then-rename) is seen at once.
final class ContentWatcher {
    private let root: String
    private let descriptor: Int32
    /// Watch descriptor → the folder it watches, as a path under `root`.
    private var folders: [Int32: String] = [:]
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(root: String) throws(Failure) {
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw Failure(description: "cannot watch \(root): \(String(cString: strerror(errno)))") }
        try watchTree(self.root)
    }

    deinit {
        close(descriptor)
    }

    /// Blocks until something changes, then collects what else changes within `settle`, so
    /// that an editor's several writes make one rebuild.
    /// - Returns: the paths of changed `.md` and `.yml` files (edited, added or deleted).
    func waitForChanges(settle: Int32 = 25) -> Set<String> {
        var changed: Set<String> = []
        var timeout: Int32 = -1
        while true {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeout)
            if ready <= 0 {
                if ready < 0, errno == EINTR { continue }
                if !changed.isEmpty { return changed }
                continue
            }
            readEvents(into: &changed)
            if !changed.isEmpty { timeout = settle }
        }
    }

    private func readEvents(into changed: inout Set<String>) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return }
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += headerSize + length
            guard let folder = folders[watch], !name.isEmpty, !name.hasPrefix("."), !name.hasSuffix("~") else { continue }
            let path = folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { try? watchTree(path) }
                changed.insert(path + "/")
            } else if name.hasSuffix(".md") || name.hasSuffix(".yml") {
                changed.insert(path)
            }
        }
    }

    private func watchTree(_ folder: String) throws(Failure) {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else { throw Failure(description: "cannot watch \(folder): \(String(cString: strerror(errno)))") }
        folders[watch] = folder
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for entry in entries where !entry.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + entry
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                try watchTree(path)
            }
        }
    }
}
