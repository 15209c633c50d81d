internal import Dispatch
internal import Foundation
public import HelpModel

/// A path that cannot be read at all: a usage or environment problem rather than a finding.
public struct UnreadableInputError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// What loading a content folder gives: the content that parsed and every diagnostic.
public struct ContentLoadResult: Sendable {
    /// Nil when `helpcenter.yml` itself is unusable or was not read (single files).
    public var configuration: SiteConfiguration?
    /// The articles that parsed without error, by locale then path.
    public var articles: [Article]
    public var diagnostics: [Diagnostic]
    /// Markdown files read, and their total size in bytes.
    public var fileCount: Int
    public var byteCount: Int

    /// The chrome catalog of each locale that has a readable one.
    public var catalogs: [String: ChromeCatalog] = [:]
    /// Every image file an article shows (see ``ContentImages``), by path.
    public var images: [String: ImageFile] = [:]

    /// What re-reading single files needs: the root, the phrasebooks, each file's own result
    /// and the findings that belong to no article file.
    var root = ""
    var phrasebooks: [String: Phrasebook] = [:]
    var perFile: [String: ContentLoader.ParsedArticle] = [:]
    var folderDiagnostics: [Diagnostic] = []
    /// Article files in publication order (locale, then path), kept while no file comes or goes.
    var orderedFiles: [String] = []
    /// What the image check found, with each image file measured and the size and time it had
    /// then: a watch-mode reload reads again only the images that changed (a large help center
    /// has thousands), and none at all when it knows that no image file changed.
    var imageScan: ContentImages.Scan?
    /// Whether ``articles`` holds every file of ``orderedFiles``, in that order, with no
    /// cross-file finding (every file parsed, no duplicate taken out): then an edit that keeps
    /// it so replaces its article where it is rather than assembling twenty thousand again.
    var assembledInOrder = false
    /// Each article file's place in ``articles``, made on the first such edit (a one-shot
    /// build never needs it) and kept while ``assembledInOrder`` holds.
    var positions: [String: Int]?

    /// Article files that were read but are not among ``articles`` (each has its error among
    /// the diagnostics), so that a link to one is not also reported as leading nowhere.
    public var unparsedArticleFiles: Set<String> {
        Set(perFile.keys).subtracting(articles.map(\.file))
    }

    /// The loaded content, when the site settings were read.
    public var content: HelpContent? {
        configuration.map { HelpContent(configuration: $0, articles: articles, catalogs: catalogs, images: images) }
    }
}

/// Loads `content/`: the site settings, each locale's phrasebook and every article, in parallel.
public struct ContentLoader: Sendable {
    public static let configurationFileName = "helpcenter.yml"
    public static let phrasebookFileName = "phrasebook.yml"
    public static let chromeCatalogFileName = "chrome.yml"

    public var parser: ArticleParser
    /// Where relative paths are resolved; nil for the process's working directory. Diagnostics
    /// keep paths as they were given, so tests and tools print what a writer would type.
    public var workingDirectory: String?

    public init(parser: ArticleParser = ArticleParser(), workingDirectory: String? = nil) {
        self.parser = parser
        self.workingDirectory = workingDirectory
    }

    /// Reads only `helpcenter.yml`: what checking a built site needs without its articles.
    /// - Throws: ``UnreadableInputError`` when the file cannot be read.
    public func loadConfiguration(root: String) throws(UnreadableInputError) -> (SiteConfiguration?, [Diagnostic]) {
        let configurationPath = join(root, Self.configurationFileName)
        return SiteConfigurationLoader.load(text: try readText(configurationPath), file: configurationPath)
    }

    /// Loads a whole content folder.
    /// - Parameter root: the content folder as the user named it; diagnostics use paths under it.
    /// - Throws: ``UnreadableInputError`` when the folder or its `helpcenter.yml` cannot be read.
    public func load(root: String) throws(UnreadableInputError) -> ContentLoadResult {
        let configurationPath = join(root, Self.configurationFileName)
        let configurationText = try readText(configurationPath)
        var (configuration, diagnostics) = SiteConfigurationLoader.load(text: configurationText, file: configurationPath)
        let entries = try listDirectory(root)
        guard var configuration else {
            return ContentLoadResult(configuration: nil, articles: [], diagnostics: diagnostics, fileCount: 0, byteCount: 0)
        }

        if let sheet = configuration.brand.stylesheet {
            let path = join(root, sheet)
            if FileManager.default.fileExists(atPath: resolved(path)) {
                configuration.brand.stylesheet = path
                configuration.brand.stylesheetReadPath = resolved(path)
            } else {
                diagnostics.append(.error(
                    "brand stylesheet \(path) does not exist; create it or remove 'stylesheet' from brand",
                    file: configurationPath, at: SourceLocation(line: 1, column: 1)))
            }
        }
        if let logo = configuration.brand.logo {
            let path = join(root, logo.file)
            let bytes = FileManager.default.contents(atPath: resolved(path)).map { [UInt8]($0) }
            if let bytes, let size = ImageHeader.size(of: bytes), size.format == logo.format,
                size.format != .svg || !ImageHeader.svgIsActive(bytes)
            {
                configuration.brand.logo = ImageFile(
                    file: path, readPath: resolved(path), sitePath: logo.sitePath, format: size.format, width: size.width,
                    height: size.height, byteCount: bytes.count)
            } else {
                diagnostics.append(.error(
                    bytes == nil ? "brand logo \(path) does not exist" : "brand logo \(path) is not a \(logo.format.rawValue.uppercased()) image with a size (or holds script)",
                    file: configurationPath, at: SourceLocation(line: 1, column: 1)))
            }
        }
        var jobs: [ArticleJob] = []
        var phrasebooks: [String: Phrasebook] = [:]
        var catalogs: [String: ChromeCatalog] = [:]
        for entry in entries where entry != Self.configurationFileName && !entry.hasPrefix(".") {
            let path = join(root, entry)
            // `content/images/`: the images every locale shares (``ContentImages``).
            if entry == ContentImages.folderName, !configuration.locales.contains(entry), isDirectory(path) { continue }
            guard isDirectory(path) else {
                if entry.hasSuffix(".md") {
                    diagnostics.append(.error(
                        "an article must live in a locale folder (\(configuration.locales.joined(separator: ", "))); move it into one",
                        file: path, at: SourceLocation(line: 1, column: 1)))
                }
                continue
            }
            let files = try markdownFiles(under: path)
            guard configuration.locales.contains(entry) else {
                diagnostics += unknownLocale(entry, folder: path, files: files, configuration: configuration, configurationPath: configurationPath)
                continue
            }
            let (phrasebook, phrasebookDiagnostics) = try loadPhrasebook(locale: entry, folder: path)
            diagnostics += phrasebookDiagnostics
            phrasebooks[entry] = phrasebook
            let (catalog, catalogDiagnostics) = try loadCatalog(locale: entry, folder: path)
            diagnostics += catalogDiagnostics
            catalogs[entry] = catalog
            jobs += files.map { ArticleJob(file: $0, locale: entry) }
        }

        var result = ContentLoadResult(configuration: configuration, articles: [], diagnostics: [], fileCount: 0, byteCount: 0)
        result.catalogs = catalogs
        result.root = root
        result.phrasebooks = phrasebooks
        for locale in configuration.locales where !entries.contains(locale) {
            diagnostics.append(.error(
                "locale '\(locale)' has no folder: create \(join(root, locale))/ with its phrasebook.yml and chrome.yml",
                file: configurationPath, at: SourceLocation(line: 1, column: 1)))
        }
        result.folderDiagnostics = diagnostics
        for (job, parsed) in zip(jobs, parseInParallel(jobs, phrasebooks: phrasebooks)) {
            result.perFile[job.file] = parsed
        }
        assemble(&result)
        return result
    }

    /// Re-reads some article files of a loaded content folder (changed, added or deleted ones),
    /// keeping everything else: what `helpcenter build --watch` does on each edit.
    /// - Parameter files: paths as the folder's diagnostics name them (`content/fr/a.md`).
    /// - Parameter imagesUnchanged: whether the caller knows that no image file changed since
    ///   `previous` was loaded (a watcher that saw only `.md` files change): then no image
    ///   folder is listed again and no image file looked at.
    public func reload(_ files: Set<String>, in previous: ContentLoadResult, imagesUnchanged: Bool = false) -> ContentLoadResult {
        var result = previous
        reload(files, in: &result, imagesUnchanged: imagesUnchanged)
        return result
    }

    /// Re-reads some article files in place; a uniquely held result is updated without copying
    /// the other twenty thousand articles.
    public func reload(_ files: Set<String>, in result: inout ContentLoadResult, imagesUnchanged: Bool = false) {
        var jobs: [ArticleJob] = []
        var fileSetChanged = false
        for file in files.sorted() {
            guard FileManager.default.fileExists(atPath: resolved(file)) else {
                if result.perFile.removeValue(forKey: file) != nil { fileSetChanged = true }
                continue
            }
            if result.perFile[file] == nil { fileSetChanged = true }
            let relative = file.hasPrefix(result.root + "/") ? file.dropFirst(result.root.count + 1) : Substring(file)
            guard let locale = relative.split(separator: "/").first.map(String.init),
                result.configuration?.locales.contains(locale) == true, relative.contains("/")
            else { continue }
            jobs.append(ArticleJob(file: file, locale: locale))
        }
        var replaced: [String: ParsedArticle] = [:]
        for (job, parsed) in zip(jobs, parseInParallel(jobs, phrasebooks: result.phrasebooks)) {
            replaced[job.file] = result.perFile.updateValue(parsed, forKey: job.file)
        }
        if !fileSetChanged, imagesUnchanged, jobs.count == files.count, replaceInPlace(&result, replaced: replaced) { return }
        assemble(&result, reorder: fileSetChanged, reread: files, imagesUnchanged: imagesUnchanged)
    }

    /// Puts re-read articles in the places of their former selves, when nothing another file
    /// could see has changed: the same id, slug, locale, category and source, no finding
    /// before or after, the same image files. Then every other article, every cross-file
    /// finding (there were none) and the image listing stand as they were.
    /// - Parameter replaced: each re-read file's former result.
    /// - Returns: false, leaving `result` as it was, when a whole assembly is needed.
    private func replaceInPlace(_ result: inout ContentLoadResult, replaced: [String: ParsedArticle]) -> Bool {
        guard result.assembledInOrder, let configuration = result.configuration, result.imageScan != nil else { return false }
        let positions = result.positions ?? Dictionary(uniqueKeysWithValues: result.orderedFiles.enumerated().map { ($1, $0) })
        result.positions = positions
        var updates: [(position: Int, article: Article, images: ContentImages.ArticleImages)] = []
        var byteDelta = 0
        // In a scope of its own: the scan is changed below, and a copy still alive would copy it.
        do {
            guard let scan = result.imageScan else { return false }
            let images = contentImages(root: result.root, configuration: configuration)
            for (file, before) in replaced {
                guard let position = positions[file], let after = result.perFile[file], var article = after.article,
                    before.diagnostics.isEmpty, after.diagnostics.isEmpty, let former = scan.perArticle[file],
                    former.diagnostics.isEmpty, ContentConsistency.sameKeys(result.articles[position], article),
                    let found = images.recheck(article, in: scan), found.diagnostics.isEmpty, found.shown == former.shown,
                    Set(found.resolved.values) == Set(former.resolved.values)
                else { return false }
                article.imageFiles = found.resolved
                updates.append((position, article, found))
                byteDelta += after.byteCount - before.byteCount
            }
        }
        for update in updates {
            result.articles[update.position] = update.article
            result.imageScan?.perArticle[update.article.file] = update.images
        }
        result.byteCount += byteDelta
        return true
    }

    private func contentImages(root: String, configuration: SiteConfiguration) -> ContentImages {
        let workingDirectory = self.workingDirectory
        return ContentImages(root: root, locales: configuration.locales, maximumBytes: configuration.imageLimitMiB << 20) { path in
            guard let workingDirectory, !path.hasPrefix("/") else { return path }
            return workingDirectory.hasSuffix("/") ? workingDirectory + path : workingDirectory + "/" + path
        }
    }

    /// Orders the parsed articles, runs the cross-file checks and gathers every diagnostic.
    /// - Parameters:
    ///   - reread: the article files read again since the result was last assembled.
    ///   - imagesUnchanged: whether no image file changed since then.
    private func assemble(_ result: inout ContentLoadResult, reorder: Bool = true, reread: Set<String> = [], imagesUnchanged: Bool = false) {
        guard let configuration = result.configuration else { return }
        if reorder || result.orderedFiles.count != result.perFile.count {
            // Locale folders come first in the path (`root/<locale>/…`): order by locale, then path.
            let localeOrder = Dictionary(uniqueKeysWithValues: configuration.locales.enumerated().map { ($1, $0) })
            let prefix = result.root.count + 1
            result.orderedFiles = result.perFile.keys.map { file in
                let locale = file.dropFirst(prefix).prefix { $0 != "/" }
                return (order: localeOrder[String(locale)] ?? Int.max, file: file)
            }.sorted { ($0.order, $0.file) < ($1.order, $1.file) }.map(\.file)
            result.positions = nil
        }
        var articles: [Article] = []
        articles.reserveCapacity(result.orderedFiles.count)
        var diagnostics = result.folderDiagnostics
        var byteCount = 0
        for file in result.orderedFiles {
            guard let entry = result.perFile[file] else { continue }
            if let article = entry.article { articles.append(article) }
            diagnostics += entry.diagnostics
            byteCount += entry.byteCount
        }
        let checker = ContentConsistency(
            configuration: configuration, configurationPath: join(result.root, Self.configurationFileName))
        let consistency = checker.check(&articles)
        diagnostics += consistency
        result.assembledInOrder = consistency.isEmpty && articles.count == result.orderedFiles.count
        let images = contentImages(root: result.root, configuration: configuration)
        let (found, imageDiagnostics, scan) = images.check(
            &articles, after: result.imageScan, imagesUnchanged: imagesUnchanged, changedFiles: reread)
        result.imageScan = scan
        diagnostics += imageDiagnostics
        result.images = found
        result.articles = articles
        result.diagnostics = diagnostics
        result.fileCount = result.perFile.count
        result.byteCount = byteCount
    }

    /// Parses single article files, each with the phrasebook of the locale folder it is in.
    public func load(files: [String]) throws(UnreadableInputError) -> ContentLoadResult {
        var phrasebooks: [String: Phrasebook] = [:]
        var diagnostics: [Diagnostic] = []
        var jobs: [ArticleJob] = []
        var loadedFolders: Set<String> = []
        for file in files {
            let folder = parent(of: file)
            let locale = folder.split(separator: "/").last.map(String.init) ?? ""
            if !loadedFolders.contains(folder) {
                loadedFolders.insert(folder)
                let (phrasebook, found) = try loadPhrasebook(locale: locale, folder: folder)
                diagnostics += found
                phrasebooks[folder] = phrasebook
            }
            jobs.append(ArticleJob(file: file, locale: locale, phrasebookKey: folder))
        }
        var articles: [Article] = []
        var byteCount = 0
        for result in parseInParallel(jobs, phrasebooks: phrasebooks) {
            diagnostics += result.diagnostics
            byteCount += result.byteCount
            if let article = result.article { articles.append(article) }
        }
        return ContentLoadResult(
            configuration: nil, articles: articles, diagnostics: diagnostics, fileCount: jobs.count, byteCount: byteCount)
    }

    // MARK: - Parsing

    private struct ArticleJob: Sendable {
        var file: String
        var locale: String
        var phrasebookKey: String?

        init(file: String, locale: String, phrasebookKey: String? = nil) {
            self.file = file
            self.locale = locale
            self.phrasebookKey = phrasebookKey
        }
    }

    struct ParsedArticle: Sendable {
        var article: Article?
        var diagnostics: [Diagnostic]
        var byteCount: Int
    }

    /// Parses on every core: files are independent, and cmark documents share nothing.
    private func parseInParallel(_ jobs: [ArticleJob], phrasebooks: [String: Phrasebook]) -> [ParsedArticle] {
        let results = ParallelResults<ParsedArticle>(count: jobs.count)
        let parser = self.parser
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            let phrasebook = phrasebooks[job.phrasebookKey ?? job.locale]
            guard let bytes = FileSystem.read(resolved(job.file)) else {
                results.store(
                    ParsedArticle(
                        article: nil,
                        diagnostics: [.error("cannot read the file; check its permissions", file: job.file, at: SourceLocation(line: 1, column: 1))],
                        byteCount: 0),
                    at: index)
                return
            }
            let (article, diagnostics) = parser.parse(bytes, file: job.file, locale: job.locale, phrasebook: phrasebook)
            results.store(ParsedArticle(article: article, diagnostics: diagnostics, byteCount: bytes.count), at: index)
        }
        return results.values
    }

    private func loadPhrasebook(locale: String, folder: String) throws(UnreadableInputError) -> (Phrasebook?, [Diagnostic]) {
        let vocabularyPath = join(folder, ProductVocabulary.fileName)
        let vocabulary = FileManager.default.fileExists(atPath: resolved(vocabularyPath))
            ? (text: try readText(vocabularyPath), file: vocabularyPath) : nil
        return try loadLocaleFile(Self.phrasebookFileName, of: locale, in: folder, purpose: "so its steps can be read") {
            StepExplainer.phrasebook(text: $0, file: $1, locale: locale, vocabulary: vocabulary)
        }
    }

    private func loadCatalog(locale: String, folder: String) throws(UnreadableInputError) -> (ChromeCatalog?, [Diagnostic]) {
        try loadLocaleFile(Self.chromeCatalogFileName, of: locale, in: folder, purpose: "with the page strings of that language") {
            ChromeCatalogLoader.load(text: $0, file: $1, locale: locale)
        }
    }

    /// Reads a file every locale folder must have, or reports it missing at its path.
    private func loadLocaleFile<Value>(
        _ name: String, of locale: String, in folder: String, purpose: String,
        reading read: (_ text: String, _ path: String) -> (Value?, [Diagnostic])
    ) throws(UnreadableInputError) -> (Value?, [Diagnostic]) {
        let path = join(folder, name)
        guard FileManager.default.fileExists(atPath: resolved(path)) else {
            return (nil, [.error(
                "locale '\(locale)' has no \(name): create \(path) \(purpose)", file: path, at: SourceLocation(line: 1, column: 1))])
        }
        return read(try readText(path), path)
    }

    private func unknownLocale(
        _ name: String, folder: String, files: [String], configuration: SiteConfiguration, configurationPath: String
    ) -> [Diagnostic] {
        let message = "'\(name)' is not a locale of \(configurationPath) (\(configuration.locales.joined(separator: ", "))); "
            + "add it to 'locales' there or move the file into a locale folder"
        let note = Diagnostic.Note(file: configurationPath, location: SourceLocation(line: 1, column: 1), message: "locales are listed here")
        let places = files.isEmpty ? [folder] : files
        return places.map { .error(message, file: $0, at: SourceLocation(line: 1, column: 1), notes: [note]) }
    }

    // MARK: - Files

    private func readText(_ path: String) throws(UnreadableInputError) -> String {
        guard let data = FileManager.default.contents(atPath: resolved(path)) else {
            let reason = FileManager.default.fileExists(atPath: resolved(path)) ? "cannot be read; check its permissions" : "no such file"
            throw UnreadableInputError(path: path, reason: reason)
        }
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            throw UnreadableInputError(path: path, reason: "is not UTF-8; save it as UTF-8")
        }
        return text
    }

    private func listDirectory(_ path: String) throws(UnreadableInputError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: resolved(path)).sorted()
        } catch {
            throw UnreadableInputError(path: path, reason: "cannot list the folder: \(error.localizedDescription)")
        }
    }

    /// Every `.md` file below a locale folder, in sorted order.
    private func markdownFiles(under folder: String) throws(UnreadableInputError) -> [String] {
        var files: [String] = []
        for entry in try listDirectory(folder) where !entry.hasPrefix(".") {
            let path = join(folder, entry)
            // A `.md` entry is an article file: no `stat` for each of 10,000 articles a locale.
            if entry.hasSuffix(".md") {
                files.append(path)
            } else if isDirectory(path) {
                files += try markdownFiles(under: path)
            }
        }
        return files
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: resolved(path), isDirectory: &isDirectory) && isDirectory.boolValue
    }

    func resolved(_ path: String) -> String {
        guard let workingDirectory, !path.hasPrefix("/") else { return path }
        return join(workingDirectory, path)
    }

    private func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
