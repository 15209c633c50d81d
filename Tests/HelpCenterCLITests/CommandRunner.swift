import Foundation
import TestSupport

/// Runs the built `helpcenter` executable as a user would, capturing output and exit status.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

enum CommandRunner {
    /// The executable beside the test bundle in the build folder.
    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // Linux runs `…/debug/HelpCenterPackageTests.xctest`; macOS a bundle's `Contents/MacOS/`.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("helpcenter").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("helpcenter")
    }

    static func run(_ arguments: [String], in directory: URL = repositoryRoot, executable: URL? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable ?? Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}
