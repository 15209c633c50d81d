internal import HelpModel

/// What an article page lists at its end: the articles its `related:` names (in that order),
/// or else the other articles of its category in its locale, newest first.
enum RelatedArticles {
    /// How many articles the default list shows.
    static let defaultCount = 3

    /// Indexes of the plan's articles to list on the page of the article at `index`.
    static func list(for index: Int, in plan: SitePlan) -> [Int] {
        // Fields read in place: binding the article to a name copies all of it.
        let locale = plan.articles[index].locale
        let related = plan.articles[index].frontMatter.related
        if !related.isEmpty {
            return related.compactMap { plan.translations[$0]?[locale] }.filter { $0 != index }
        }
        let newest = plan.newestInCategory[SitePlan.categoryKey(locale, plan.articles[index].frontMatter.category)] ?? []
        return Array(newest.prefix(defaultCount + 1).filter { $0 != index }.prefix(defaultCount))
    }

    /// A `related:` id with no article in the article's locale (a draft left out counts as
    /// none); one that `build --keep-going` left out for its errors is a warning, not listed.
    /// - Parameter indexes: the articles whose lists to check; nil for all.
    static func check(_ plan: SitePlan, articlesAt indexes: [Int]? = nil, leftOut: [LeftOutArticle] = []) -> [Diagnostic] {
        // By index: binding each article to a name copies it.
        (indexes ?? Array(plan.articles.indices)).flatMap { index -> [Diagnostic] in
            guard !plan.articles[index].frontMatter.related.isEmpty else { return [] }
            let article = plan.articles[index]
            return article.frontMatter.related.compactMap { id -> Diagnostic? in
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
