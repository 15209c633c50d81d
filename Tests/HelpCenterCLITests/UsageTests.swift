import Testing

@Suite("Usage and help")
struct UsageTests {
    @Test("--help on every command: exit 0 and usage on stdout", arguments: [[], ["lint"], ["model"]])
    func help(command: [String]) throws {
        let result = try CommandRunner.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: helpcenter"))
    }

    @Test("an unknown option or command is a usage error: exit 2, message on stderr", arguments: [
        ["lint", "--no-such-option"], ["frobnicate"], ["model", "--json=maybe"],
    ])
    func usageErrors(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.contains("Error:"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("no command prints the help and exits 0")
    func noCommand() throws {
        let result = try CommandRunner.run([])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("SUBCOMMANDS"))
    }
}
