import AccountEngine
import Foundation
import HelpModel
import HelpParser
import ProcedureChecker
import TestSupport

/// An engine in this process on a free loopback port, with a temporary database, and the
/// checker pointed at it over real HTTP.
struct CheckerHarness {
    /// Starts an engine (options adjusted by `configure`), runs `body`, stops the engine.
    static func withEngine<Value: Sendable>(
        _ configure: (inout EngineOptions) -> Void = { _ in },
        _ body: @Sendable (ProcedureChecker) async throws -> Value
    ) async throws -> Value {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checker-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = EngineOptions(databasePath: folder.appendingPathComponent("engine.sqlite").path)
        options.testMode = true
        options.bcryptCost = 4
        configure(&options)
        let engine = try await AccountEngine(options: options).start()
        let transport = HTTPTransport(base: engine.url)
        do {
            let value = try await body(ProcedureChecker(transport: transport))
            await transport.shutdown()
            await engine.stop()
            return value
        } catch {
            await transport.shutdown()
            await engine.stop()
            throw error
        }
    }

    /// The repository's real content, loaded as `helpcenter check` loads it.
    static func realArticles() throws -> [Article] {
        let loaded = try ContentLoader(workingDirectory: repositoryRoot.path).load(root: "content")
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw ContentError(diagnostics: errors) }
        return loaded.articles
    }

    /// Content copied from the repository, with `edit` applied to one article's text first.
    static func articles(editing file: String, _ edit: (String) -> String) throws -> [Article] {
        let content = try TemporaryContent()
        defer { content.remove() }
        for article in Self.seedFiles {
            try content.copyRepositoryArticle(article)  // with the images it shows
            if article == file {
                let text = try String(contentsOf: repositoryContent.appendingPathComponent(article), encoding: .utf8)
                try content.write(article, edit(text))
            }
        }
        let loaded = try ContentLoader(workingDirectory: content.directory.path).load(root: "content")
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw ContentError(diagnostics: errors) }
        return loaded.articles
    }

    /// Content of the given files only (path under content/ → text), loaded as `check` loads it.
    static func articles(_ files: [String: String]) throws -> [Article] {
        let content = try TemporaryContent()
        defer { content.remove() }
        for (path, text) in files { try content.write(path, text) }
        let loaded = try ContentLoader(workingDirectory: content.directory.path).load(root: "content")
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw ContentError(diagnostics: errors) }
        return loaded.articles
    }

    static let seedFiles = [
        "fr/modifier-identifiants-connexion.md", "en/change-reset-login-credentials.md",
        "de/anmeldedaten-aendern-zuruecksetzen.md", "es/modificar-restablecer-credenciales.md",
    ]

    struct ContentError: Error, CustomStringConvertible {
        let diagnostics: [Diagnostic]
        var description: String { diagnostics.map(\.formatted).joined(separator: "\n") }
    }
}
