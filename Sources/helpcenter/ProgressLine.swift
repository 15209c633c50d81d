internal import Foundation

/// A progress line on standard error (`\r[12000/20000] files`), only when it is a terminal:
/// CI logs and pipes stay quiet.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var lastPrinted = ContinuousClock.now
    private var printed = false

    /// nil when standard error is not a terminal.
    static func forStandardError() -> ProgressLine? {
        isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil
    }

    func update(done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard total >= 500, ContinuousClock.now - lastPrinted > .milliseconds(100) || done == total else { return }
        lastPrinted = ContinuousClock.now
        printed = true
        FileHandle.standardError.write(Data("\r[\(done)/\(total)] files".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if printed { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
