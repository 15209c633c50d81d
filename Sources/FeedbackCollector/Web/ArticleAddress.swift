internal import Foundation

/// Where an article page is, for the 303 after a vote and the error page's link back.
enum ArticleAddress {
    /// `base` (trailing `/` dropped) + `/` + the article's path, percent-encoded.
    /// - Parameters:
    ///   - base: ``FeedbackOptions/redirectBase``, or the catalog's `base-url` when that is `nil`.
    static func url(of article: CatalogArticle, base: String) -> String {
        var prefix = base
        while prefix.hasSuffix("/") { prefix.removeLast() }
        let path = article.path.drop { $0 == "/" }
        let encoded = path.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? ""
        return "\(prefix)/\(encoded)"
    }

    /// RFC 3986 path characters, without `%` so a literal one is encoded too.
    private static let pathCharacters: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove("%")
        return set
    }()
}
