import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("helpcenter engine")
struct EngineCommandTests {
    @Test("bad engine options are usage errors: exit 2, message on stderr", arguments: [
        ["engine", "--rename-label", "Compte=Mon compte"], ["engine", "--rename-label", "xx:A=B"],
        ["engine", "--lockout-limit", "0"], ["engine", "--bcrypt-cost", "3"], ["engine", "--port", "70000"],
        ["engine", "--session-hours", "0"], ["engine", "--reset-link-minutes", "0"], ["engine", "--reset-mails-per-hour", "0"],
        ["engine", "--invitation-days", "0"], ["engine", "--password-min-length", "0"],
        ["engine", "--password-min-length", "10", "--password-max-length", "9"],
    ])
    func usageErrors(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(!result.standardError.isEmpty)
    }

    @Test("--port 0: the first line of stdout is the URL it listens on; the test API answers there")
    func listens() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("engine-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = [
            "engine", "--port", "0", "--database", folder.appendingPathComponent("e.sqlite").path, "--test-mode",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 10 {
            line.append(first)
        }
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix("listening on http://127.0.0.1:"))
        let base = try #require(URL(string: String(text.dropFirst("listening on ".count))))
        #expect(base.port != nil && base.port != 0)

        let (page, pageResponse) = try await URLSession.shared.data(from: base.appendingPathComponent("fr/sign-in"))
        #expect((pageResponse as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: page, as: UTF8.self).contains("<label for=\"f-username\">Nom d&#39;utilisateur</label>"))

        var request = URLRequest(url: base.appendingPathComponent("_test/accounts"))
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"properties": 5, "users": []}"#.utf8)
        let (_, created) = try await URLSession.shared.data(for: request)
        #expect((created as? HTTPURLResponse)?.statusCode == 201)
    }
}
