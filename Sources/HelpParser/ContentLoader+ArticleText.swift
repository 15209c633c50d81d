public import HelpModel

extension ContentLoader {
    /// Parses the text of one article file the way loading `loaded`'s content folder did, with
    /// its locale's phrasebook: how an older version of a source article, read back from git,
    /// becomes a model to compare with the current one.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the path to print in diagnostics.
    ///   - locale: the locale folder the file belongs to; its phrasebook reads the steps.
    ///   - loaded: a content folder loaded by ``load(root:)``, for its phrasebooks.
    /// - Returns: the article when it has no error; every diagnostic found in any case.
    public func parseArticle(
        text: String, file: String, locale: String, in loaded: ContentLoadResult
    ) -> (Article?, [Diagnostic]) {
        parser.parse(Array(text.utf8), file: file, locale: locale, phrasebook: loaded.phrasebooks[locale])
    }
}
