/// What an article declares about itself in its YAML front matter.
public struct FrontMatter: Sendable, Hashable, Codable {
    /// Which version of which source article a translation renders.
    public struct TranslationSource: Sendable, Hashable, Codable {
        public var locale: String
        public var version: Int

        public init(locale: String, version: Int) {
            self.locale = locale
            self.version = version
        }
    }

    /// Stable across translations: the same article has the same `id` in every locale.
    public var id: String
    public var title: String
    public var updated: CalendarDay
    /// A category key of `helpcenter.yml`; its name per locale comes from there.
    public var category: String
    /// The last URL segment of the article's page; the file name when not given.
    public var slug: String
    /// Bumped by writers when a source article changes in substance.
    public var version: Int
    /// Present in a translation: what it was translated from, so a newer source marks it outdated.
    public var translates: TranslationSource?
    /// Where each key was written, so later stages can point at `translates:` or `updated:`.
    public var keyLocations: [String: SourceLocation]
    /// How the checker runs each procedure, in reading order; empty when the article lists none
    /// (a translation then inherits its source's).
    public var checks: [ProcedureCheck]
    /// `draft: true`: `build` leaves the article out (pages, sitemap, search, listings, the
    /// language switcher of its translations); `build --drafts` and `serve` show it with a banner.
    public var draft: Bool
    /// Former slugs (`aliases: [old-slug]`): the build writes a page at each old address that
    /// sends the reader on, and a `_redirects` line for hosts that read one.
    public var aliases: [String] = []
    /// Where each alias was written, for the errors about it.
    public var aliasLocations: [String: SourceLocation] = [:]
    /// Ids of articles to show at the end of this one (`related: [id, …]`), in that order;
    /// empty for the default (the category's other articles, newest first).
    public var related: [String] = []
    /// Where each related id was written.
    public var relatedLocations: [String: SourceLocation] = [:]

    public init(
        id: String, title: String, updated: CalendarDay, category: String, slug: String,
        version: Int, translates: TranslationSource?, keyLocations: [String: SourceLocation],
        checks: [ProcedureCheck] = [], draft: Bool = false
    ) {
        self.checks = checks
        self.draft = draft
        self.id = id
        self.title = title
        self.updated = updated
        self.category = category
        self.slug = slug
        self.version = version
        self.translates = translates
        self.keyLocations = keyLocations
    }
}
