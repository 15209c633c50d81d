import Foundation
import HelpModel
import HelpParser
import SiteValidator
import Testing
import TestSupport

/// A temporary content folder holding the seed article in four locales, which a test breaks in
/// exactly one way before auditing it.
struct ContentFixture {
    static let source = "fr/modifier-identifiants-connexion.md"
    static let english = "en/change-reset-login-credentials.md"
    static let seedFiles = [
        source, english, "de/anmeldedaten-aendern-zuruecksetzen.md", "es/modificar-restablecer-credenciales.md",
    ]

    let content: TemporaryContent
    var directory: String { content.directory.path }

    init(seed: [String] = seedFiles) throws {
        content = try TemporaryContent()
        for file in seed { try content.copyRepositoryArticle(file) }
    }

    /// Rewrites a file of the content folder.
    func edit(_ relativePath: String, _ change: (String) -> String) throws {
        let url = content.root.appendingPathComponent(relativePath)
        try content.write(relativePath, change(try String(contentsOf: url, encoding: .utf8)))
    }

    /// Removes whole lines (1-based, inclusive) from a file of the content folder.
    func removeLines(_ lines: ClosedRange<Int>, from relativePath: String) throws {
        try edit(relativePath) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .filter { !lines.contains($0.offset + 1) }.map { String($0.element) }.joined(separator: "\n")
        }
    }

    /// Removes a file; an article goes with the screenshots of its locale it showed, as a
    /// writer would delete both (else they are reported as shown by no article).
    func remove(_ relativePath: String) throws {
        let url = content.root.appendingPathComponent(relativePath)
        if relativePath.hasSuffix(".md") {
            let text = try String(contentsOf: url, encoding: .utf8)
            let locale = relativePath.split(separator: "/").first.map(String.init) ?? ""
            for source in TemporaryContent.imageSources(in: text) {
                try? FileManager.default.removeItem(at: content.root.appendingPathComponent(locale).appendingPathComponent(source))
            }
        }
        try FileManager.default.removeItem(at: url)
    }

    /// Loads the folder as `content/` from its parent, as the CLI does, requiring it to parse.
    func load() throws -> (ContentLoader, ContentLoadResult, HelpContent) {
        let loader = ContentLoader(workingDirectory: directory)
        let loaded = try loader.load(root: "content")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.formatted))")
        return (loader, loaded, try #require(loaded.content))
    }

    /// The git history of this folder, reading old texts with the loaded phrasebooks.
    func gitHistory() throws -> GitSourceHistory {
        let (loader, loaded, _) = try load()
        return GitSourceHistory(workingDirectory: directory) { text, file, locale in
            loader.parseArticle(text: text, file: file, locale: locale, in: loaded).0
        }
    }

    /// Every finding of the content audit, printed as the CLI prints them.
    func audit(history: (any SourceHistory)? = nil) throws -> [String] {
        let (_, _, model) = try load()
        return ContentAudit.run(model, history: history).diagnostics.map(\.formatted)
    }

    /// Runs git in the temporary folder (`git init`, `git commit -a`…), failing the test on an error.
    func git(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = content.directory
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    }

    func cleanUp() { content.remove() }
}
