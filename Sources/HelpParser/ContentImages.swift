internal import Foundation
internal import HelpModel

/// The images articles show, as files of the content: each relative image source is resolved
/// (the locale's own `images/` first, then the shared `images/`), checked and measured.
///
/// Errors are at the image in the `.md` file: a missing file, no alt text, a file over
/// ``maximumBytes`` (`image-limit-mib:` of `helpcenter.yml`), bytes that are no image the site can show (or not the format the name
/// says), an SVG that could run script. Warnings: a translation showing the source locale's
/// screenshot (or the shared one while the source has its own), and image files no article
/// shows.
struct ContentImages {
    /// The largest image file the build accepts: 2 MiB unless `helpcenter.yml` says otherwise,
    /// room for a full-screen retina PNG screenshot; larger ones slow a help page down on a phone.
    let maximumBytes: Int
    /// The folder name, under the content root (all locales) or a locale folder (that locale).
    static let folderName = "images"

    /// The content root as the loader names it (`content`).
    let root: String
    let locales: [String]
    /// A loader path → the path to open on disk.
    let resolve: @Sendable (String) -> String
    /// The root normalised as article paths are (`./content/` → `content/`), with its slash.
    private let base: String
    private let sharedFolder: String
    private let localFolders: [String: String]
    /// Every images folder: the shared one, then each locale's.
    private let folders: [String]

    init(root: String, locales: [String], maximumBytes: Int = SiteConfiguration.defaultImageLimitMiB << 20, resolve: @escaping @Sendable (String) -> String) {
        self.root = root
        self.maximumBytes = maximumBytes
        self.locales = locales
        self.resolve = resolve
        let normalized = PathArithmetic.normalized(root)
        base = normalized.isEmpty ? "" : normalized + "/"
        sharedFolder = base + Self.folderName + "/"
        var localFolders: [String: String] = [:]
        for locale in locales { localFolders[locale] = base + locale + "/" + Self.folderName + "/" }
        self.localFolders = localFolders
        folders = [sharedFolder] + locales.compactMap { localFolders[$0] }
    }

    private func localFolder(_ locale: String) -> String {
        localFolders[locale] ?? base + locale + "/" + Self.folderName + "/"
    }

    /// Resolves, checks and measures the images of `articles` (setting each article's
    /// ``Article/imageFiles``).
    ///
    /// The images folders are listed once (which files exist, and which no article shows);
    /// each file an article shows is read and measured once, all of them in parallel.
    /// - Parameters:
    ///   - last: what the previous check of the same folder found (a watch-mode reload).
    ///   - imagesUnchanged: whether the caller knows no image file changed since `last`; then
    ///     nothing is listed or looked at again, and only `changedFiles`' images are resolved.
    func check(
        _ articles: inout [Article], after last: Scan? = nil, imagesUnchanged: Bool = false, changedFiles: Set<String> = []
    ) -> (images: [String: ImageFile], diagnostics: [Diagnostic], scan: Scan) {
        // An image measured last time stands while its size and time do.
        let measuredBefore = last?.measured ?? [:]
        let previous = imagesUnchanged ? last : nil
        // No image file changed since `previous` (watch mode reloads articles alone): its
        // listing and its measures stand, and so do the results of the articles not read again.
        let existing = previous?.existing ?? folders.flatMap { Self.files(under: String($0.dropLast()), resolve: resolve) }
        let existingSet = previous?.existingSet ?? Set(existing)
        var scan = Scan(existing: existing, existingSet: existingSet)
        let checked: [ArticleImages]
        let located: [[Located]?]
        do {
            // Read, not written, in here: `articles` is set only once this copy is gone, so
            // that setting an article's images does not copy all twenty thousand.
            let all = articles
            for index in all.indices { scan.sources.insert("\(all[index].locale)/\(all[index].id)") }
            // Another article's id or locale can change an article's translation warnings.
            let reusable = previous.map { $0.sources == scan.sources ? $0.perArticle : [:] } ?? [:]
            scan.perArticle = reusable
            // Per article, on every core: each image with its relative path (nil: a URL) and
            // its file. By index, from the parser's list of the article's links: binding an
            // `Article` to a name, or walking its tree, costs a copy of all of it.
            located = ParallelResults<[Located]?>.map(count: all.count) { index in
                if reusable[all[index].file] != nil, !changedFiles.contains(all[index].file) { return nil }
                return locatedImages(of: all[index], existing: existingSet)
            }
            var toMeasure: [String] = []
            var seen: Set<String> = []
            for images in located {
                for image in images ?? [] { if let file = image.file, seen.insert(file).inserted { toMeasure.append(file) } }
            }
            let measured = ParallelResults<Measured>.map(count: toMeasure.count, chunk: 16) { [toMeasure] position in
                let file = toMeasure[position]
                if previous != nil, let before = measuredBefore[file] { return before }
                let stamp = Self.stamp(of: resolve(file))
                if let stamp, let before = measuredBefore[file], before.stamp == stamp { return before }
                return Measured(stamp: stamp, result: measure(file))
            }
            scan.measured = previous != nil ? measuredBefore : [:]
            for (file, entry) in zip(toMeasure, measured) { scan.measured[file] = entry }
            var problems: [String: String] = [:]
            for (file, entry) in scan.measured {
                if case .failure(let problem) = entry.result { problems[file] = problem.message }
            }
            let sources = scan.sources
            checked = ParallelResults.map(count: all.count) { [problems] index in
                guard let found = located[index] else { return reusable[all[index].file]! }
                return diagnose(found, of: all[index], problems: problems, sources: sources, existing: existingSet)
            }
        }
        var diagnostics: [Diagnostic] = []
        var images: [String: ImageFile] = [:]
        var used: Set<String> = []
        for index in articles.indices {
            articles[index].imageFiles = checked[index].resolved
            diagnostics += checked[index].diagnostics
            if previous == nil || located[index] != nil { scan.perArticle[articles[index].file] = checked[index] }
            for file in checked[index].resolved.values where images[file] == nil {
                if case .success(let image) = scan.measured[file]?.result { images[file] = image }
            }
            used.formUnion(checked[index].shown)
        }
        diagnostics += existing.filter { !used.contains($0) }.map(Self.unusedWarning)
        return (images, diagnostics, scan)
    }

    /// One article's images checked again against what `scan` found, with no folder listed
    /// and no file read: a watch-mode reload of an edited article when no image file changed.
    /// Translation warnings are as in ``check(_:after:imagesUnchanged:changedFiles:)`` as long
    /// as no article's id or locale changed (`scan.sources` still holds).
    /// - Returns: nil when the article shows a file that `scan` never measured (an image it
    ///   did not show before): then only a whole check can say what it is.
    func recheck(_ article: Article, in scan: Scan) -> ArticleImages? {
        let located = locatedImages(of: article, existing: scan.existingSet)
        var problems: [String: String] = [:]
        for file in located.lazy.compactMap(\.file) {
            guard let measured = scan.measured[file] else { return nil }
            if case .failure(let problem) = measured.result { problems[file] = problem.message }
        }
        return diagnose(located, of: article, problems: problems, sources: scan.sources, existing: scan.existingSet)
    }

    /// Each image source of `article` with its relative path and the content file it shows.
    private func locatedImages(of article: Article, existing: Set<String>) -> [Located] {
        let place = Place(file: article.file, locale: article.locale)
        return Self.images(of: article).map { image in
            guard let path = Self.relativePath(image.destination) else { return Located(image: image, path: nil, file: nil) }
            return Located(image: image, path: path, file: locate(path, from: place, existing: existing))
        }
    }

    /// What a check found, kept by watch mode for the next reload of articles alone.
    struct Scan: Sendable {
        /// The image files of the images folders, and the same as a set.
        var existing: [String]
        var existingSet: Set<String>
        /// `locale/id` of every article: what translation warnings depend on.
        var sources: Set<String> = []
        /// Each image file measured, with the size and time it had then.
        var measured: [String: Measured] = [:]
        var perArticle: [String: ArticleImages] = [:]
    }

    /// One article's images: the file each source shows, its image diagnostics, and every
    /// file it shows (a file with a problem included: it is not unused).
    struct ArticleImages: Sendable {
        var resolved: [String: String]
        var diagnostics: [Diagnostic]
        var shown: Set<String>
    }

    /// An image of an article: its link, its relative path (nil: a URL) and the content file
    /// it shows (nil: none found).
    private struct Located: Sendable {
        var image: ArticleLink
        var path: String?
        var file: String?
    }

    /// The errors and warnings of one article's images, and the files its image sources show.
    private func diagnose(
        _ located: [Located], of article: Article, problems: [String: String], sources: Set<String>, existing: Set<String>
    ) -> ArticleImages {
        let place = Place(file: article.file, locale: article.locale)
        var resolved: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var shown: Set<String> = []
        for entry in located {
            let source = entry.image.destination
            let at = entry.image.range.start
            if (entry.image.alt ?? "").unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                diagnostics.append(.error(
                    "image '\(source)' has no alt text: say what it shows, as ![The Save button](\(source)); readers who cannot see it hear that",
                    file: place.file, at: at))
            }
            guard let path = entry.path else { continue }
            guard let file = entry.file else {
                let name = Self.nameInFolder(path, from: place, root: root)
                diagnostics.append(.error(
                    "image '\(source)' not found: put it in \(localFolder(place.locale))\(name) (this locale) or \(sharedFolder)\(name) (every locale)",
                    file: place.file, at: at))
                continue
            }
            shown.insert(file)
            if let problem = problems[file] {
                diagnostics.append(.error("image '\(source)': \(problem)", file: place.file, at: at))
                continue
            }
            resolved[source] = file
            if let translated = article.frontMatter.translates, sources.contains("\(translated.locale)/\(article.id)") {
                diagnostics += translationWarnings(
                    file, source: source, article: place, sourceLocale: translated.locale, existing: existing, at: at)
            }
        }
        return ArticleImages(resolved: resolved, diagnostics: diagnostics, shown: shown)
    }

    /// A measured image with the size and modification time its file had: while they stay,
    /// the measure stands.
    struct Measured: Sendable {
        var stamp: Stamp?
        fileprivate var result: Result<ImageFile, Problem>
    }

    struct Stamp: Sendable, Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
    }

    private static func stamp(of path: String) -> Stamp? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Stamp(size: Int(status.st_size), seconds: Int(status.st_mtim.tv_sec), nanoseconds: Int(status.st_mtim.tv_nsec))
    }

    /// The article's images as its links list them (the parser's), or from its tree for an
    /// article made by hand.
    private static func images(of article: Article) -> [ArticleLink] {
        if let links = article.links { return links.filter(\.isImage) }
        return article.imageInlines.compactMap { inline in
            guard case .image(let source, _, let alt) = inline.kind else { return nil }
            return ArticleLink(destination: source, isImage: true, range: inline.range, alt: alt.plainText)
        }
    }

    /// The path part of a relative image source, percent-decoded; nil for a URL, an absolute
    /// path or a `data:` image (those are not files of the content).
    static func relativePath(_ source: String) -> String? {
        // On UTF-8 bytes (all the marks are ASCII): every image of every article passes here.
        let utf8 = source.utf8
        guard let first = utf8.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "#") else { return nil }
        let end = utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? utf8.endIndex
        let bytes = utf8[..<end]
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), !bytes[..<colon].contains(UInt8(ascii: "/")) { return nil }
        let path = String(source[..<end])
        return bytes.contains(UInt8(ascii: "%")) ? path.removingPercentEncoding ?? path : path
    }

    /// Where a relative path written in `article` points, below the locale's or the shared
    /// images folder (`images/a/b.png`), for the hint of a missing file.
    private static func nameInFolder(_ path: String, from article: Place, root: String) -> String {
        let full = PathArithmetic.normalized(PathArithmetic.folder(of: article.file) + path)
        if let range = full.range(of: "/\(folderName)/") { return String(full[range.upperBound...]) }
        return path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The file a relative path shows: `content/<locale>/images/…` when it exists, else the
    /// same name in `content/images/`.
    private func locate(_ path: String, from article: Place, existing: Set<String>) -> String? {
        let full = PathArithmetic.normalized(PathArithmetic.folder(of: article.file) + path)
        if existing.contains(full), folders.contains(where: { full.hasPrefix($0) }) { return full }
        let local = localFolder(article.locale)
        guard full.hasPrefix(local) else { return nil }
        let shared = sharedFolder + full.dropFirst(local.count)
        return existing.contains(shared) ? shared : nil
    }

    /// Where an article is: what resolving its images needs of it.
    private struct Place {
        var file: String
        var locale: String
    }

    fileprivate struct Problem: Error, Sendable {
        var message: String
    }

    private func measure(_ file: String) -> Result<ImageFile, Problem> {
        guard let bytes = FileSystem.read(resolve(file)) else {
            return .failure(Problem(message: "\(file) cannot be read; check its permissions"))
        }
        if bytes.count > maximumBytes {
            let size = Double(bytes.count) / 1_048_576
            return .failure(Problem(message: "\(file) is \(String(format: "%.1f", size)) MiB, over the \(maximumBytes >> 20) MiB limit; "
                + "make it smaller (crop, or save as WebP or JPEG), or raise image-limit-mib in helpcenter.yml"))
        }
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let extensionName = name.contains(".") ? String(name.split(separator: ".").last ?? "") : ""
        guard let size = ImageHeader.size(of: bytes) else {
            return .failure(Problem(message: "\(file) is not an image the site can show (PNG, JPEG, GIF, WebP or SVG with a size)"))
        }
        guard let named = ImageHeader.format(ofExtension: extensionName), named == size.format else {
            return .failure(Problem(message: "\(file) holds a \(size.format.rawValue.uppercased()) image but its name says otherwise; name it .\(size.format == .jpeg ? "jpg" : size.format.rawValue)"))
        }
        if size.format == .svg, ImageHeader.svgIsActive(bytes) {
            return .failure(Problem(message: "\(file) holds script (<script>, on… handlers, javascript: or foreignObject), which would run when a reader opens it full size; remove it"))
        }
        let sitePath = String(file.dropFirst(base.count))
        return .success(ImageFile(
            file: file, readPath: resolve(file), sitePath: sitePath, format: size.format, width: size.width, height: size.height,
            byteCount: bytes.count))
    }

    /// A translation that shows the source locale's own screenshot, or the shared one while
    /// the source locale has its own.
    private func translationWarnings(
        _ file: String, source: String, article: Place, sourceLocale: String, existing: Set<String>, at: SourceLocation
    ) -> [Diagnostic] {
        let sourceFolder = localFolder(sourceLocale)
        let ownFolder = localFolder(article.locale)
        if file.hasPrefix(sourceFolder) {
            let name = file.dropFirst(sourceFolder.count)
            return [.warning(
                "image '\(source)' shows the \(sourceLocale) screenshot \(file) in a \(article.locale) translation; add \(ownFolder)\(name) and show it as ![…](images/\(name))",
                file: article.file, at: at)]
        }
        if file.hasPrefix(sharedFolder) {
            let name = file.dropFirst(sharedFolder.count)
            let sourceOwn = sourceFolder + name
            if existing.contains(sourceOwn) {
                return [.warning(
                    "image '\(source)' shows the shared \(file), but the \(sourceLocale) source has its own screenshot \(sourceOwn); add \(ownFolder)\(name)",
                    file: article.file, at: at)]
            }
        }
        return []
    }

    /// An image file in the images folders that no article shows.
    private static func unusedWarning(_ file: String) -> Diagnostic {
        Diagnostic.warning(
            "image is shown by no article; remove it, or show it as ![what it shows](images/\(file.split(separator: "/").last ?? ""))",
            file: file, at: SourceLocation(line: 1, column: 1))
    }

    /// Every file below an images folder (not hidden), sorted: 10,000 screenshots are listed
    /// with POSIX calls, not one `FileManager` query each.
    private static func files(under folder: String, resolve: (String) -> String) -> [String] {
        (FileSystem.list(resolve(folder)) ?? []).sorted().map { folder + "/" + $0 }
    }
}
