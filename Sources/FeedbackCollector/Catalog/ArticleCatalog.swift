internal import Foundation

/// One article page in one locale, as the generator lists it in `.helpcenter-articles.json`.
struct CatalogArticle: Sendable, Decodable, Equatable {
    let id: String
    let locale: String
    /// Relative to the site root, ending with `/` (`fr/modifier-identifiants-connexion/`).
    let path: String
    let title: String
}

/// The articles the collector accepts votes for, and the site's public address.
struct ArticleCatalog: Sendable {
    /// `base-url` of the site (`https://help.example.com/`), when the file gives one.
    let baseURL: String?
    let articles: [CatalogArticle]
    private let byKey: [ArticleKey: CatalogArticle]
    private let ids: Set<String>
    /// The locales that have at least one article: where a search can have found nothing.
    let locales: Set<String>

    static let empty = ArticleCatalog(baseURL: nil, articles: [])

    init(baseURL: String?, articles: [CatalogArticle]) {
        self.baseURL = baseURL
        self.articles = articles
        byKey = Dictionary(articles.map { (ArticleKey(id: $0.id, locale: $0.locale), $0) }) { first, _ in first }
        ids = Set(articles.map(\.id))
        locales = Set(articles.map(\.locale))
    }

    /// Reads the generator's JSON; throws when it is not that shape.
    init(json: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        self.init(baseURL: file.baseURL, articles: file.articles)
    }

    func article(id: String, locale: String) -> CatalogArticle? {
        byKey[ArticleKey(id: id, locale: locale)]
    }

    /// Whether some locale has an article with this id (to tell a bad id from a bad locale).
    func hasArticle(id: String) -> Bool {
        ids.contains(id)
    }

    /// `scheme://host[:port]` of ``baseURL``: the default allowed origin.
    var baseOrigin: String? {
        baseURL.flatMap(Origin.of(url:))
    }

    private struct File: Decodable {
        let baseURL: String?
        let articles: [CatalogArticle]

        enum CodingKeys: String, CodingKey {
            case baseURL = "base-url"
            case articles
        }
    }
}

/// An article id and a locale: what a vote names.
struct ArticleKey: Hashable, Sendable {
    let id: String
    let locale: String
}
