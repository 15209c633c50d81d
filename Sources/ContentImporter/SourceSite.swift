internal import Foundation
public import HelpModel
internal import Yams

/// A source site as read from disk: its articles, what it calls itself, its category names
/// and the old addresses of its articles.
struct SourceSite: Sendable {
    var articles: [SourceArticle]
    var title: String?
    /// Where image paths start inside the source (`images/`, `docs/`).
    var imagesRoot: String
    /// Category folder → the name the source gives it (MkDocs `nav:` sections).
    var folderNames: [String: String] = [:]
    /// Source path of an article → its title in the source's navigation.
    var navigationTitles: [String: String] = [:]
    /// Source path of an article → its former slugs (MkDocs redirect maps, Jekyll `_redirects`).
    var formerSlugs: [String: [String]] = [:]

    /// Reads the site in `root`; errors name the file and line (a front matter that does not
    /// parse) and are all returned at once.
    static func read(_ format: ImportOptions.Format, root: String) -> Result<SourceSite, ImportFailure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(ImportFailure(diagnostics: [], message: "\(root): no such folder; give the \(format.rawValue) site's folder as SOURCE_DIR"))
        }
        switch format {
        case .jekyll: return JekyllSite.read(root: root)
        case .mkdocs: return MkDocsSite.read(root: root)
        }
    }

    /// Every `.md` file under `folder` (a path inside `root`), sorted, as paths inside `root`.
    static func markdownFiles(root: String, under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder) else { return [] }
        var files: [String] = []
        while let entry = enumerator.nextObject() as? String {
            if entry.hasSuffix(".md"), !entry.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.hasPrefix("_") && folder.isEmpty }) {
                files.append(folder.isEmpty ? entry : folder + "/" + entry)
            }
        }
        return files.sorted()
    }

    /// Reads one article file; its front matter's problems are errors at their lines.
    static func article(root: String, relativePath: String, slug: String, folder: String) -> Result<SourceArticle, Diagnostic> {
        let file = root + "/" + relativePath
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            return .failure(.error("cannot be read as UTF-8 text", file: file, at: SourceLocation(line: 1, column: 1)))
        }
        return SourceFrontMatter.read(text, file: file).map { values, lines, body, findings in
            let modified = (try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date).map(CalendarDay.utc)
            return SourceArticle(
                file: file, relativePath: relativePath, slug: slug, folder: folder, frontMatter: values,
                frontMatterLines: lines, body: body, modified: modified ?? nil, findings: findings)
        }
    }

    /// Composes a YAML settings file (`_config.yml`, `mkdocs.yml`); its errors at their lines.
    static func settings(_ path: String) -> Result<Node?, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else { return .success(nil) }
        do {
            return .success(try Yams.compose(yaml: String(decoding: data, as: UTF8.self), Resolver.basic, Constructor.default, .utf8))
        } catch let error as YamlError {
            var line = 1
            if case .scanner(_, _, let mark, _) = error { line = mark.line }
            if case .parser(_, _, let mark, _) = error { line = mark.line }
            return .failure(.error("unreadable YAML: \("\(error)".replacingOccurrences(of: "\n", with: " "))", file: path, at: SourceLocation(line: line, column: 1)))
        } catch {
            return .failure(.error("unreadable YAML: \(error)", file: path, at: SourceLocation(line: 1, column: 1)))
        }
    }
}

/// Input the import cannot read: every problem found, or one message (a missing folder).
public struct ImportFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var message: String?
}

extension CalendarDay {
    /// The UTC day of a moment.
    static func utc(_ date: Date) -> CalendarDay? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDay(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
    }
}

/// Reading a Jekyll help center: `_articles/<folder>/<name>.md` (a collection published at
/// `/article/<name>/`), `images/`, `_config.yml`'s title, `_redirects`.
enum JekyllSite {
    static func read(root: String) -> Result<SourceSite, ImportFailure> {
        var diagnostics: [Diagnostic] = []
        var title: String?
        switch SourceSite.settings(root + "/_config.yml") {
        case .success(let node): title = node?["title"]?.string
        case .failure(let problem): diagnostics.append(problem)
        }
        let collection = FileManager.default.fileExists(atPath: root + "/_articles") ? "_articles" : "_posts"
        var articles: [SourceArticle] = []
        for path in SourceSite.markdownFiles(root: root, under: collection) {
            let inside = path.dropFirst(collection.count + 1).split(separator: "/")
            let name = String(inside.last ?? "").replacingOccurrences(of: ".md", with: "")
            let folder = inside.count > 1 ? String(inside[0]) : ""
            switch SourceSite.article(root: root, relativePath: path, slug: name, folder: folder) {
            case .success(let article): articles.append(article)
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        guard diagnostics.isEmpty else { return .failure(ImportFailure(diagnostics: diagnostics)) }
        if articles.isEmpty {
            return .failure(ImportFailure(diagnostics: [], message: "\(root): no articles in _articles/ or _posts/; is this a Jekyll site?"))
        }
        var site = SourceSite(articles: articles, title: title, imagesRoot: "images/")
        site.formerSlugs = redirects(root: root, articles: articles)
        return .success(site)
    }

    /// `_redirects` lines (`/article/old/ /article/new/ 301`): the old slug of the new article.
    private static func redirects(root: String, articles: [SourceArticle]) -> [String: [String]] {
        guard let data = FileManager.default.contents(atPath: root + "/_redirects") else { return [:] }
        let bySlug = Dictionary(articles.map { ($0.slug, $0.relativePath) }, uniquingKeysWith: { first, _ in first })
        var former: [String: [String]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let old = articleSlug(fields[0]), let new = articleSlug(fields[1]), let path = bySlug[new] else { continue }
            former[path, default: []].append(old)
        }
        return former
    }

    static func articleSlug(_ address: Substring) -> String? {
        let parts = address.split(separator: "/")
        guard let index = parts.firstIndex(of: "article"), index + 1 < parts.count else { return nil }
        return String(parts[index + 1])
    }
}
