internal import Foundation

/// Runs one `git` command in a folder and collects what it printed.
struct GitCommand {
    struct Output {
        var status: Int32
        var standardOutput: Data
        var standardError: String
    }

    let executable: String
    /// The folder git runs in; it finds the repository from there.
    let directory: String

    /// - Throws: ``SourceHistoryUnavailable`` when git cannot be started at all.
    func run(_ arguments: [String]) throws(SourceHistoryUnavailable) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // Paths printed raw (not octal-escaped) so that "différent.md" reads back as itself.
        process.arguments = ["-c", "core.quotePath=false"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SourceHistoryUnavailable("cannot run \(executable): \(error.localizedDescription)")
        }
        // Read before waiting, so a large output cannot fill the pipe and stall git.
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, standardOutput: printed,
            standardError: String(decoding: complaint, as: UTF8.self))
    }
}
