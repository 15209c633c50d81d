import Foundation
import HelpModel
import HelpParser
import SiteGenerator
import TestSupport

/// A temporary content folder holding the seed article in four locales, and a site built from it.
struct SiteFixture {
    static let seedFiles = [
        "fr/modifier-identifiants-connexion.md", "en/change-reset-login-credentials.md",
        "de/anmeldedaten-aendern-zuruecksetzen.md", "es/modificar-restablecer-credenciales.md",
    ]

    let content: TemporaryContent
    var siteURL: URL { content.directory.appendingPathComponent("site") }

    init(withSeed: Bool = true) throws {
        content = try TemporaryContent()
        if withSeed {
            for file in Self.seedFiles { try content.copyRepositoryArticle(file) }
        }
    }

    func loadContent() throws -> ContentLoadResult {
        try ContentLoader(workingDirectory: content.directory.path).load(root: "content")
    }

    /// Loads the content and builds `site/`; parse errors are returned as the report's diagnostics.
    @discardableResult
    func build(clean: Bool = false, includeDrafts: Bool = false) throws -> SiteBuilder.Report {
        let loaded = try loadContent()
        guard let model = loaded.content, loaded.diagnostics.errorCount == 0 else {
            return SiteBuilder.Report(diagnostics: loaded.diagnostics)
        }
        var report = try SiteBuilder(content: model, options: .init(output: siteURL.path, clean: clean, includeDrafts: includeDrafts)).build()
        report.diagnostics = loaded.diagnostics + report.diagnostics
        return report
    }

    func page(_ relativePath: String) throws -> String {
        try String(contentsOf: siteURL.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Every file of the site by relative path, with its bytes.
    func snapshotOfSite() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = siteURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            if exists, !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: root + "/" + path) }
        }
        return files
    }

    /// Every file of a locale's search index (``SearchIndex``), joined: what a test that looks
    /// for a word in the index reads.
    func searchFiles(_ locale: String) throws -> String {
        try snapshotOfSite().filter { $0.key.hasPrefix("\(locale)/search/") && $0.key.hasSuffix(".js") }
            .sorted { $0.key < $1.key }.map { String(decoding: $0.value, as: UTF8.self) }.joined(separator: "\n")
    }

    func remove() { content.remove() }
}
