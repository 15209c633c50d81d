import Foundation
import Testing
import TestSupport

@Suite("helpcenter build")
struct BuildCommandTests {
    static func seededContent() throws -> TemporaryContent {
        let content = try TemporaryContent()
        for file in ["fr/modifier-identifiants-connexion.md", "en/change-reset-login-credentials.md",
                     "de/anmeldedaten-aendern-zuruecksetzen.md", "es/modificar-restablecer-credenciales.md"] {
            try content.copyRepositoryArticle(file)
        }
        return content
    }

    @Test("builds site/, then writes nothing when nothing changed; exit 0 and a summary")
    func buildTwice() throws {
        let content = try Self.seededContent()
        defer { content.remove() }
        let first = try CommandRunner.run(["build"], in: content.directory)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.hasPrefix("built site/ from 4 articles: 44 files written (22 pages), 0 unchanged, 0 removed in "))
        #expect(first.standardError.isEmpty, "quiet when not a terminal")
        let second = try CommandRunner.run(["build", "--output", "site"], in: content.directory)
        #expect(second.standardOutput.hasPrefix("built site/ from 4 articles: 0 files written (0 pages), 44 unchanged, 0 removed in "))
    }

    @Test("on a terminal, a large build shows a progress line and clears it", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressOnTerminal() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        for number in 1...520 {
            try content.write("fr/a\(number).md", frenchArticle(id: "a\(number)", title: "Article \(number)", body: "Texte."))
        }
        // script(1) gives the command a pseudo-terminal, as a writer's shell would.
        let command = "\(CommandRunner.executable.path) build 2>&1"
        let result = try CommandRunner.run(["-qec", command, "/dev/null"], in: content.directory, executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(result.status == 0, "\(result.standardOutput)")
        // Updates are throttled to one per 100 ms, but the last one (all files done) always shows.
        let written = try #require(result.standardOutput.firstMatch(of: /(\d+) files written/).map { String($0.1) })
        #expect(result.standardOutput.contains("\r[\(written)/\(written)] files"), "progress line, to every file the summary counts")
        #expect(result.standardOutput.contains("\r\u{1B}[K"), "the line is cleared before the summary")
        #expect(result.standardOutput.contains("built site/ from 520 articles"))
    }

    @Test("build leaves drafts out and says so; build --drafts builds them")
    func drafts() throws {
        let content = try Self.seededContent()
        defer { content.remove() }
        try content.write("fr/brouillon.md", frenchArticle(id: "brouillon", body: "Texte.")
            .replacingOccurrences(of: "category: account\n", with: "category: account\ndraft: true\n"))
        let page = content.directory.appendingPathComponent("site/fr/brouillon/index.html").path
        let plain = try CommandRunner.run(["build"], in: content.directory)
        #expect(plain.status == 0, "\(plain.standardError)")
        #expect(plain.standardOutput.hasPrefix("built site/ from 4 articles (1 draft left out): 44 files written"), "\(plain.standardOutput)")
        #expect(!FileManager.default.fileExists(atPath: page))
        let withDrafts = try CommandRunner.run(["build", "--drafts"], in: content.directory)
        #expect(withDrafts.status == 0, "\(withDrafts.standardError)")
        #expect(withDrafts.standardOutput.hasPrefix("built site/ from 5 articles: "), "\(withDrafts.standardOutput)")
        #expect(FileManager.default.fileExists(atPath: page))
    }

    @Test("a broken article: exit 1, every diagnostic, and site/ as it was")
    func brokenBuild() throws {
        let content = try Self.seededContent()
        defer { content.remove() }
        #expect(try CommandRunner.run(["build"], in: content.directory).status == 0)
        let index = content.directory.appendingPathComponent("site/fr/index.html")
        let before = try Data(contentsOf: index)
        try content.write("fr/a.md", frenchArticle(id: "a", body: "1. Dansez."))
        try content.write("de/b.md", "kein Front Matter\n")
        let result = try CommandRunner.run(["build"], in: content.directory)
        #expect(result.status == 1)
        #expect(result.standardError.contains("content/fr/a.md:8:4: error: step 1 does not read"))
        #expect(result.standardError.contains("content/de/b.md:1:1: error: missing front matter"))
        #expect(result.standardError.hasSuffix("build failed: site/ was left as it was\n"))
        #expect(try Data(contentsOf: index) == before)
        #expect(!FileManager.default.fileExists(atPath: content.directory.appendingPathComponent("site/fr/a").path))
    }

    @Test("--watch rebuilds an edited article and the site matches a full build")
    func watch() throws {
        let content = try Self.seededContent()
        defer { content.remove() }
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["build", "--watch"]
        process.currentDirectoryURL = content.directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { process.terminate() }
        let lines = LineReader(output.fileHandleForReading)
        #expect(lines.next(containing: "watching content/", within: 30) != nil)
        let file = content.root.appendingPathComponent("fr/modifier-identifiants-connexion.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Voici la procédure à suivre", with: "Voici la marche à suivre")
            .write(to: file, atomically: true, encoding: .utf8)
        let rebuilt = lines.next(containing: "rebuilt in", within: 30)
        // The page, and the French search files its changed words are in.
        #expect(rebuilt?.contains("fr/modifier-identifiants-connexion/index.html") == true, "\(rebuilt ?? "nothing")")
        #expect(rebuilt.map { !$0.contains("en/") && !$0.contains("de/") && !$0.contains("es/") } == true, "\(rebuilt ?? "nothing")")
        let page = try String(contentsOf: content.directory.appendingPathComponent("site/fr/modifier-identifiants-connexion/index.html"), encoding: .utf8)
        #expect(page.contains("Voici la marche à suivre"))
    }
}

/// Reads lines from a pipe on a background thread, so a test can wait for one with a deadline.
final class LineReader: @unchecked Sendable {
    private var lines: [String] = []
    private var everyLine: [String] = []
    private let condition = NSCondition()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            var buffer = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { return }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...newline)
                    condition.lock()
                    lines.append(line)
                    everyLine.append(line)
                    condition.broadcast()
                    condition.unlock()
                }
            }
        }
    }

    /// Every line read so far, returned by ``next(containing:within:)`` or not.
    var received: [String] {
        condition.lock()
        defer { condition.unlock() }
        return everyLine
    }

    /// The first line not yet returned that contains `text`, waiting up to `seconds`.
    func next(containing text: String, within seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = lines.firstIndex(where: { $0.contains(text) }) {
                let line = lines[index]
                lines.removeSubrange(...index)
                return line
            }
            guard condition.wait(until: deadline) else { return nil }
        }
    }
}
