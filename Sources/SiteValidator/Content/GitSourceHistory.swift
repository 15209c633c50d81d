internal import Foundation
public import HelpModel

/// Earlier versions of source articles, read from the git checkout the content folder is in.
///
/// For a version N it takes the newest commit in which the file's front matter said
/// `version: N` (following renames) and parses that text with the injected parser — the
/// validator does not know how articles are read; the CLI passes
/// `ContentLoader.parseArticle(text:file:locale:in:)`.
public struct GitSourceHistory: SourceHistory {
    /// Reads one article text: `(text, file, locale)` → the article, or nil when it has errors.
    public typealias Parse = @Sendable (_ text: String, _ file: String, _ locale: String) -> Article?

    /// Where relative article paths are resolved; nil for the process's working directory.
    public var workingDirectory: String?
    public var gitExecutable: String
    private let parse: Parse

    /// - Parameters:
    ///   - workingDirectory: the folder article paths are relative to, as given to the loader.
    ///   - gitExecutable: the git program to run.
    ///   - parse: reads an old text of a source article into the model.
    public init(workingDirectory: String? = nil, gitExecutable: String = "/usr/bin/git", parse: @escaping Parse) {
        self.workingDirectory = workingDirectory
        self.gitExecutable = gitExecutable
        self.parse = parse
    }

    public func article(_ source: Article, atVersion version: Int) throws(SourceHistoryUnavailable) -> Article {
        let path = resolved(source.file)
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let git = GitCommand(executable: gitExecutable, directory: folder.isEmpty ? "/" : folder)
        let log = try git.run(["log", "--follow", "--format=@%H", "--name-only", "--", name])
        guard log.status == 0 else {
            if log.standardError.contains("not a git repository") {
                throw SourceHistoryUnavailable("\(source.file) is not in a git checkout")
            }
            throw SourceHistoryUnavailable("git log failed: \(firstLine(of: log.standardError))")
        }
        let commits = Self.commits(in: String(decoding: log.standardOutput, as: UTF8.self))
        guard !commits.isEmpty else { throw SourceHistoryUnavailable("\(source.file) was never committed") }
        for commit in commits {
            let shown = try git.run(["show", "\(commit.hash):\(commit.path)"])
            guard shown.status == 0 else { continue }
            let text = String(decoding: shown.standardOutput, as: UTF8.self)
            guard Self.frontMatterVersion(of: text) == version else { continue }
            guard let article = parse(text, source.file, source.locale) else {
                throw SourceHistoryUnavailable(
                    "version \(version) of \(source.file) (commit \(commit.hash.prefix(7))) no longer parses")
            }
            return article
        }
        throw SourceHistoryUnavailable("no commit of \(source.file) has 'version: \(version)'")
    }

    /// The commits of `git log --format=@%H --name-only`, newest first, each with the file's
    /// path (from the repository root) in that commit.
    static func commits(in log: String) -> [(hash: String, path: String)] {
        var commits: [(hash: String, path: String)] = []
        var hash: String?
        for line in log.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("@") {
                hash = String(line.dropFirst())
            } else if let current = hash {
                commits.append((current, String(line)))
                hash = nil
            }
        }
        return commits
    }

    /// The top-level `version:` of a text's front matter, read without a YAML parser: it only
    /// picks which commits are worth parsing.
    static func frontMatterVersion(of text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        for line in lines.dropFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" || trimmed == "..." { return nil }
            guard line.hasPrefix("version:") else { continue }
            let value = line.dropFirst("version:".count).prefix { $0 != "#" }
            return Int(value.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")))
        }
        return nil
    }

    private func resolved(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        let base = workingDirectory ?? FileManager.default.currentDirectoryPath
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }

    private func firstLine(of text: String) -> String {
        text.split(separator: "\n").first.map(String.init) ?? "no message"
    }
}
