public import HelpModel

extension ContentLoader {
    /// What `helpcenter build --keep-going` leaves out of a loaded content folder, and what it
    /// cannot leave out.
    public struct PartialContent: Sendable {
        /// Every article file with an error: those that did not parse, and those that did but
        /// have an error found across files (a category not in `helpcenter.yml`, a missing
        /// image, an id another article already has), by file.
        public var leftOut: [LeftOutArticle]
        /// Errors in no article file (`helpcenter.yml`, a phrasebook, a chrome catalog): they
        /// concern every page, so no site is written while they stand.
        public var blocking: [Diagnostic]
    }

    /// The articles with errors in `loaded`, each with its locale and, when its front matter
    /// reads, its id.
    public func partialContent(of loaded: ContentLoadResult) -> PartialContent {
        let articleFiles = Set(loaded.perFile.keys)
        var failing = loaded.unparsedArticleFiles
        var blocking: [Diagnostic] = []
        for diagnostic in loaded.diagnostics where diagnostic.severity == .error {
            // A `.md` file outside a locale folder is no article of the site either way.
            if articleFiles.contains(diagnostic.file) || diagnostic.file.hasSuffix(".md") {
                failing.insert(diagnostic.file)
            } else {
                blocking.append(diagnostic)
            }
        }
        let parsed = Dictionary(loaded.articles.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let prefix = loaded.root.hasSuffix("/") ? loaded.root : loaded.root + "/"
        let leftOut = failing.sorted().map { file in
            let relative = file.hasPrefix(prefix) ? file.dropFirst(prefix.count) : Substring(file)
            let locale = String(relative.prefix { $0 != "/" })
            let id = parsed[file]?.id
                ?? loaded.perFile[file]?.article?.id
                ?? FileSystem.read(resolved(file)).flatMap { ArticleParser.frontMatterID(of: $0, file: file) }
            return LeftOutArticle(file: file, locale: locale, id: id)
        }
        return PartialContent(leftOut: leftOut, blocking: blocking)
    }
}
