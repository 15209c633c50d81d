import ContentImporter
import Foundation
import HelpModel
import HelpParser
import TestSupport

/// A source fixture imported into a fresh content folder (English chrome and phrasebook from
/// the repository), then read back by the real parser.
struct ImportFixture {
    let directory: URL
    var content: String { directory.appendingPathComponent("content").path }
    /// The source folder the test wrote (``init(source:)``), removed with the content.
    private(set) var writtenSource: URL?
    /// Its path, as findings name it.
    var sourcePath: String { writtenSource?.path ?? "" }

    static func source(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/ContentImporterTests/Fixtures/\(name)").path
    }

    /// A source folder written by the test, in a fresh temporary directory.
    static func writeSource(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("import-source-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// - Parameter seedSettings: start from the repository's own helpcenter.yml (to merge into).
    init(seedSettings: Bool = false) throws {
        if seedSettings {
            directory = try TemporaryContent(locales: ["en"]).directory
        } else {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-test-\(UUID().uuidString)")
            let english = directory.appendingPathComponent("content/en")
            try FileManager.default.createDirectory(at: english, withIntermediateDirectories: true)
            for name in ["chrome.yml", "phrasebook.yml"] {
                try FileManager.default.copyItem(
                    at: repositoryContent.appendingPathComponent("en/\(name)"), to: english.appendingPathComponent(name))
            }
        }
    }

    /// A fresh content folder and a source folder of these files (paths below the source), both
    /// removed by ``remove()``: what a test of one import needs.
    init(source files: [String: String]) throws {
        try self.init()
        writtenSource = try Self.writeSource(files)
    }

    /// Imports `source`, else the source the test wrote, else the format's fixture folder.
    func run(_ format: ImportOptions.Format, source: String? = nil, markUnreadSteps: Bool = false) -> Result<ContentImporter.Summary, ImportFailure> {
        ContentImporter.run(ImportOptions(
            format: format, source: source ?? writtenSource?.path ?? Self.source(format.rawValue), content: content, locale: "en",
            updated: CalendarDay(year: 2026, month: 12, day: 1), markUnreadSteps: markUnreadSteps))
    }

    /// Writes a binary file (an image) into the source the test wrote, at `path` below it.
    func writeSource(_ path: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: sourcePath).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func text(_ path: String) throws -> String {
        try String(contentsOfFile: content + "/" + path, encoding: .utf8)
    }

    func load() throws -> ContentLoadResult {
        try ContentLoader().load(root: content)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
        if let writtenSource { try? FileManager.default.removeItem(at: writtenSource) }
    }
}

extension Result where Failure == ImportFailure {
    /// The summary, or a failure that says what the import refused.
    func summary() throws -> Success {
        switch self {
        case .success(let summary): return summary
        case .failure(let failure): throw ImportTestFailure(failure: failure)
        }
    }
}

struct ImportTestFailure: Error, CustomStringConvertible {
    var failure: ImportFailure
    var description: String { (failure.diagnostics.map(\.formatted) + [failure.message ?? ""]).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    /// `file:line: message` of each finding, with the fixture folder taken off the path.
    func lines(under root: String) -> [String] {
        map { "\($0.file.replacingOccurrences(of: root + "/", with: "")):\($0.location.line): \($0.message)" }
    }
}

extension Article {
    /// Every block of the article, intro and sections, notes' blocks included.
    var allBlocks: [Block] {
        func flattened(_ blocks: [Block]) -> [Block] {
            blocks.flatMap { block -> [Block] in
                if case .note(let note) = block { return [block] + flattened(note.blocks) }
                return [block]
            }
        }
        return flattened(intro + sections.flatMap(\.blocks))
    }

    var noteKinds: [Note.Kind] {
        allBlocks.compactMap { if case .note(let note) = $0 { return note.kind } else { return nil } }
    }

    var tables: [Table] {
        allBlocks.compactMap { if case .table(let table) = $0 { return table } else { return nil } }
    }

    var sectionTitles: [String] { sections.map(\.title.plainText) }
}
