internal import Foundation
internal import HelpModel

/// `.helpcenter-articles.json`: which articles the built site has, in which locales, at which
/// address. The feedback collector reads it to accept votes for pages that exist and to send a
/// reader back to the page voted on; it is a dot file, so validators and listings skip it.
struct ArticleCatalogFile: Encodable {
    static let path = ".helpcenter-articles.json"

    struct Entry: Encodable {
        var id: String
        var locale: String
        var path: String
        var title: String
    }

    var baseURL: String
    var articles: [Entry]

    enum CodingKeys: String, CodingKey {
        case baseURL = "base-url"
        case articles
    }

    init(plan: SitePlan) {
        baseURL = plan.configuration.baseURL
        articles = plan.configuration.locales.flatMap { locale in
            (plan.articlesByLocale[locale] ?? []).map { index in
                let article = plan.articles[index]
                return Entry(
                    id: article.id, locale: locale, path: plan.directory(ofArticleAt: index),
                    title: article.frontMatter.title)
            }
        }
    }

    func serialized() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Plain strings and arrays cannot fail to encode.
        return Array((try? encoder.encode(self)) ?? Data("{}".utf8)) + [0x0A]
    }
}
