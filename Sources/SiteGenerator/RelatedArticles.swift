internal import HelpModel

/// What an article page lists at its end: the articles its `related:` names (in that order),
/// or else the other articles of its category in its locale, newest first.
enum RelatedArticles {
    /// How many articles the default list shows.
    static let defaultCount = 3

    /// Indexes of the plan's articles to list on the page of the article at `index`.
    static func list(for index: Int, in plan: SitePlan) -> [Int] {
        let article = plan.articles[index]
        if !article.frontMatter.related.isEmpty {
            return article.frontMatter.related.compactMap { plan.translations[$0]?[article.locale] }.filter { $0 != index }
        }
        let newest = plan.newestInCategory[SitePlan.categoryKey(article.locale, article.frontMatter.category)] ?? []
        return Array(newest.prefix(defaultCount + 1).filter { $0 != index }.prefix(defaultCount))
    }

    /// A `related:` id with no article in the article's locale (a draft left out counts as
    /// none); one that `build --keep-going` left out for its errors is a warning, not listed.
    static func check(_ plan: SitePlan, leftOut: [LeftOutArticle] = []) -> [Diagnostic] {
        plan.articles.flatMap { article in
            article.frontMatter.related.compactMap { id -> Diagnostic? in
                guard plan.translations[id]?[article.locale] == nil else { return nil }
                let location = article.frontMatter.relatedLocations[id] ?? SourceLocation(line: 1, column: 1)
                if let missing = leftOut.first(where: { $0.id == id && $0.locale == article.locale }) {
                    return .warning(
                        "related article '\(id)' is \(missing.file), which has errors and is left out of this build (--keep-going); "
                            + "it is not listed until that article is fixed",
                        file: article.file, at: location)
                }
                let elsewhere = plan.translations[id].map { $0.keys.sorted() } ?? []
                let hint = elsewhere.isEmpty
                    ? "no article has this id"
                    : "it exists in \(elsewhere.joined(separator: ", ")) only; translate it or remove it here"
                return .error(
                    "related article '\(id)' has no article in \(article.locale): \(hint)", file: article.file,
                    at: location)
            }
        }
    }
}
