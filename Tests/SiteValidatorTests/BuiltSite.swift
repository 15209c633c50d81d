import Foundation
import HelpModel
import HelpParser
import SiteGenerator
import SiteValidator
import TestSupport

/// The repository's real content built into a fresh temporary `site/`, which a test breaks in
/// exactly one way before validating it.
struct BuiltSite {
    let directory: URL
    var site: URL { directory.appendingPathComponent("site") }
    let configuration: SiteConfiguration

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let loaded = try ContentLoader().load(root: repositoryContent.path)
        guard let content = loaded.content else { throw FixtureError("the repository content did not load: \(loaded.diagnostics)") }
        configuration = content.configuration
        _ = try SiteBuilder(content: content, options: .init(output: site.path, clean: true)).build()
    }

    /// Runs the site rules, naming files `site/…` as the CLI does.
    func validate() throws -> ValidationReport {
        try SiteValidation.run(site: site, displayPath: "site", expectations: SiteExpectations(configuration: configuration))
    }

    func text(_ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: site.appendingPathComponent(path))
    }

    /// Replaces the one occurrence of `old` in a file of the site (failing if it is not there once).
    func edit(_ path: String, replacing old: String, with new: String) throws {
        let text = try text(path)
        let pieces = text.components(separatedBy: old)
        guard pieces.count == 2 else { throw FixtureError("\(path): expected '\(old)' once, found it \(pieces.count - 1) times") }
        try write(path, pieces.joined(separator: new))
    }

    /// Where `needle` first occurs in a file of the site: the line and the column (in characters)
    /// a finding about it must carry.
    func position(of needle: String, in path: String) throws -> SourceLocation {
        let lines = try text(path).components(separatedBy: "\n")
        for (index, line) in lines.enumerated() {
            if let range = line.range(of: needle) {
                return SourceLocation(line: index + 1, column: line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        throw FixtureError("\(path): '\(needle)' not found")
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension ValidationReport {
    /// Findings as `rule file:line:column message` lines, for exact assertions.
    var lines: [String] {
        findings.map { "\($0.rule.rawValue) \($0.diagnostic.file):\($0.diagnostic.location) \($0.diagnostic.message)" }.sorted()
    }
}
