public import Foundation

/// The repository this test run was built from, found from this file's path.
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The repository's real `content/` folder.
public let repositoryContent: URL = repositoryRoot.appendingPathComponent("content")

/// Paths of the repository, as one namespace for tests that import Foundation types by name.
public enum TestSupportPaths {
    public static var root: URL { repositoryRoot }
    public static var content: URL { repositoryContent }
}

/// A content folder in a fresh temporary directory, seeded with the real site settings and
/// phrasebooks, into which a test writes the articles it needs (broken ones included).
public struct TemporaryContent {
    /// The temporary directory; `content` is inside it.
    public let directory: URL
    public var root: URL { directory.appendingPathComponent("content") }
    /// The content folder's path, as a user would pass it.
    public var path: String { root.path }

    /// - Parameter locales: locale folders to create, each with the repository's phrasebook.
    public init(locales: [String] = ["fr", "en", "de", "es"]) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("helpcenter-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repositoryContent.appendingPathComponent("helpcenter.yml"),
            to: root.appendingPathComponent("helpcenter.yml"))
        for locale in locales {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(locale), withIntermediateDirectories: true)
            for name in ["phrasebook.yml", "chrome.yml"] {
                try FileManager.default.copyItem(
                    at: repositoryContent.appendingPathComponent(locale).appendingPathComponent(name),
                    to: root.appendingPathComponent(locale).appendingPathComponent(name))
            }
        }
    }

    /// Writes text to a path relative to the content folder and returns the full path.
    @discardableResult
    public func write(_ relativePath: String, _ text: String) throws -> String {
        try write(relativePath, bytes: Array(text.utf8))
    }

    @discardableResult
    public func write(_ relativePath: String, bytes: [UInt8]) throws -> String {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Copies one of the repository's real articles into this folder.
    public func copyRepositoryArticle(_ relativePath: String) throws {
        let text = try String(contentsOf: repositoryContent.appendingPathComponent(relativePath), encoding: .utf8)
        try write(relativePath, text)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A minimal valid French article with the given body, for tests that vary one thing.
public func frenchArticle(id: String = "sample", title: String = "Exemple", body: String) -> String {
    """
    ---
    id: \(id)
    title: \(title)
    updated: 2026-11-18
    category: account
    ---

    \(body)
    """
}
