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

    /// Copies one of the repository's real articles into this folder, with the image files it
    /// shows (`![…](images/x.png)`: the locale's own file, else the shared one), so that the
    /// copy builds as the real content does.
    public func copyRepositoryArticle(_ relativePath: String) throws {
        let text = try String(contentsOf: repositoryContent.appendingPathComponent(relativePath), encoding: .utf8)
        try write(relativePath, text)
        let folder = (relativePath as NSString).deletingLastPathComponent
        let locale = relativePath.split(separator: "/").first.map(String.init) ?? ""
        for source in Self.imageSources(in: text) {
            let local = ((folder as NSString).appendingPathComponent(source) as NSString).standardizingPath
            let shared = local.hasPrefix(locale + "/") ? String(local.dropFirst(locale.count + 1)) : local
            for candidate in [local, shared] {
                let url = repositoryContent.appendingPathComponent(candidate)
                if let data = FileManager.default.contents(atPath: url.path) {
                    try write(candidate, bytes: [UInt8](data))
                    break
                }
            }
        }
    }

    /// The relative sources of `![alt](source)` images in Markdown text.
    public static func imageSources(in text: String) -> [String] {
        var sources: [String] = []
        var rest = text[...]
        while let start = rest.range(of: "](") {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(where: { $0 == ")" || $0 == " " }) else { break }
            let source = String(tail[..<end])
            let opening = rest[..<start.lowerBound].lastIndex(of: "[")
            if let opening, opening > rest.startIndex, rest[rest.index(before: opening)] == "!",
                !source.contains(":"), !source.hasPrefix("/")
            {
                sources.append(source)
            }
            rest = tail[end...]
        }
        return sources
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
