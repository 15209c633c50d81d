public import HelpModel

/// What `helpcenter import` is asked to do: which kind of site to read, from where, into which
/// content folder and locale.
public struct ImportOptions: Sendable {
    /// The site generators whose sources the importer reads.
    public enum Format: String, Sendable, CaseIterable {
        /// Jekyll with kramdown and Liquid (`_articles/<folder>/*.md`, `images/`), as the
        /// Bitwarden help center is written.
        case jekyll
        /// MkDocs with the Material theme (`mkdocs.yml`, `docs/`): admonitions, content tabs.
        case mkdocs
    }

    /// Where an article's `category:` comes from.
    public enum CategorySource: String, Sendable, CaseIterable {
        /// The folder the source article lives in (`_articles/account/x.md` → `account`).
        case folder
        /// The source's own front matter (`categories: [x]` in Jekyll); the folder when absent.
        case frontMatter = "front-matter"
    }

    public var format: Format
    public var source: String
    public var content: String
    public var locale: String
    public var categorySource: CategorySource
    /// The `updated:` day of every article that does not say its own; nil: the source file's
    /// modification day, so that the same files always import the same way.
    public var updated: CalendarDay?
    /// Whether a step the content's phrasebook does not read is written with `<!-- manual -->`
    /// (and listed in the report), so that every imported article builds while the team rewords
    /// its steps; off by default, when such a step is an error of the build as written.
    public var markUnreadSteps: Bool

    public init(
        format: Format, source: String, content: String, locale: String,
        categorySource: CategorySource = .folder, updated: CalendarDay? = nil, markUnreadSteps: Bool = false
    ) {
        self.format = format
        self.source = source
        self.content = content
        self.locale = locale
        self.categorySource = categorySource
        self.updated = updated
        self.markUnreadSteps = markUnreadSteps
    }
}
