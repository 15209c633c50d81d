internal import Foundation

/// A progress line on standard error (`\r[12000/20000] files`), only when it is a terminal:
/// CI logs and pipes stay quiet.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    /// What is counted ("files", "procedures").
    private let noun: String
    /// Below this total the work is quick enough to need no progress line.
    private let minimumTotal: Int
    private var lastPrinted = ContinuousClock.now
    private var printed = false

    /// nil when standard error is not a terminal.
    static func forStandardError(noun: String = "files", minimumTotal: Int = 500) -> ProgressLine? {
        isatty(STDERR_FILENO) == 1 ? ProgressLine(noun: noun, minimumTotal: minimumTotal) : nil
    }

    private init(noun: String, minimumTotal: Int) {
        self.noun = noun
        self.minimumTotal = minimumTotal
    }

    func update(done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard total >= minimumTotal, ContinuousClock.now - lastPrinted > .milliseconds(100) || done == total else { return }
        lastPrinted = ContinuousClock.now
        printed = true
        FileHandle.standardError.write(Data("\r[\(done)/\(total)] \(noun)".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if printed { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
