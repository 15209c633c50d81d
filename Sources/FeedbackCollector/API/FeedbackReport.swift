internal import Foundation
public import Logging

/// What readers said, per article and locale: the numbers, how helpful the page was found and
/// the comments, newest first. Every catalog article is listed (with zeros when nobody voted),
/// and so is any voted article the site no longer has (titled by its id).
///
/// Renderers for a terminal, a spreadsheet, a program and the preview server: ``table()``,
/// ``csv()``, ``json()`` and ``html()``.
public struct FeedbackReport: Sendable, Codable, Equatable {
    public var articles: [Article]

    public init(articles: [Article]) {
        self.articles = articles
    }

    /// One article in one locale.
    public struct Article: Sendable, Codable, Equatable {
        public var id: String
        public var locale: String
        /// From the site's article list; the id when the article is gone.
        public var title: String
        public var yes: Int
        public var no: Int
        /// yes / (yes + no); `nil` (JSON `null`) when there is no yes or no vote.
        public var helpfulness: Double?
        /// Newest first.
        public var comments: [Comment]

        public init(
            id: String, locale: String, title: String, yes: Int, no: Int, helpfulness: Double?, comments: [Comment]
        ) {
            self.id = id
            self.locale = locale
            self.title = title
            self.yes = yes
            self.no = no
            self.helpfulness = helpfulness
            self.comments = comments
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(locale, forKey: .locale)
            try container.encode(title, forKey: .title)
            try container.encode(yes, forKey: .yes)
            try container.encode(no, forKey: .no)
            try container.encode(helpfulness, forKey: .helpfulness)
            try container.encode(comments, forKey: .comments)
        }
    }

    /// A reader's comment and when it came (ISO-8601, UTC).
    public struct Comment: Sendable, Codable, Equatable {
        public var text: String
        public var date: String

        public init(text: String, date: String) {
            self.text = text
            self.date = date
        }
    }

    /// The report of the database at `database` (a path, `sqlite:PATH` or `postgres://…`),
    /// opened as it is (never created or migrated), with titles from `site`'s article list when
    /// a site is given.
    /// - Throws: when the database cannot be read, or `site` has no readable article list.
    public static func read(database: String, site: String?, logger: Logger) async throws -> FeedbackReport {
        var catalog = ArticleCatalog.empty
        if let site {
            let list = URL(fileURLWithPath: site).appendingPathComponent(CatalogFile.name)
            catalog = try ArticleCatalog(json: Data(contentsOf: list))
        }
        let store = try await StorageOpener.open(
            try DatabaseAddress(parsing: database), poolSize: 1, deadline: .seconds(5), logger: logger, readOnly: true)
        do {
            let votes = try await store.votes()
            await store.close()
            return FeedbackReport(votes, catalog: catalog)
        } catch {
            await store.close()
            throw error
        }
    }

    init(_ votes: StoredVotes, catalog: ArticleCatalog) {
        let tallies = votes.tallies
        var keys = Set(tallies.keys)
        for article in catalog.articles { keys.insert(ArticleKey(id: article.id, locale: article.locale)) }
        articles = keys.sorted { ($0.id, $0.locale) < ($1.id, $1.locale) }.map { key in
            let tally = tallies[key] ?? (0, 0)
            let count = tally.yes + tally.no
            return Article(
                id: key.id, locale: key.locale, title: catalog.article(id: key.id, locale: key.locale)?.title ?? key.id,
                yes: tally.yes, no: tally.no, helpfulness: count == 0 ? nil : Double(tally.yes) / Double(count),
                comments: votes.comments[key] ?? [])
        }
    }
}
