internal import Foundation
internal import HelpModel

/// `.helpcenter-articles.json`: which articles the built site has, in which locales, at which
/// address. The feedback collector reads it to accept votes for pages that exist and to send a
/// reader back to the page voted on; it is a dot file, so validators and listings skip it.
struct ArticleCatalogFile {
    static let path = ".helpcenter-articles.json"

    struct Entry {
        var id: String
        var locale: String
        var path: String
        var title: String
    }

    var baseURL: String
    var articles: [Entry]

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

    /// The JSON, keys sorted, one line. Written by hand: `JSONEncoder` took a tenth of a
    /// watch-mode rebuild at 20,000 articles, and the file is written whenever a title changes.
    func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(articles.count * 120 + 64)
        out += Array("{\"articles\":[".utf8)
        for (offset, entry) in articles.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: ",")) }
            for (key, value) in [("id", entry.id), ("locale", entry.locale), ("path", entry.path), ("title", entry.title)] {
                out.append(UInt8(ascii: key == "id" ? "{" : ","))
                SearchText.appendJSONString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                SearchText.appendJSONString(value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out += Array("],\"base-url\":".utf8)
        SearchText.appendJSONString(baseURL, to: &out)
        out += Array("}\n".utf8)
        return out
    }
}
