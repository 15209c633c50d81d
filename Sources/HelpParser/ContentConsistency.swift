internal import HelpModel

/// Checks that need several articles at once: unique ids and slugs per locale, known
/// categories, translations that name a real source locale.
struct ContentConsistency {
    let configuration: SiteConfiguration
    let configurationPath: String

    /// Removes duplicates from `articles` (the first of each id and slug per locale stays).
    /// - Returns: the findings.
    func check(_ articles: inout [Article]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seenIDs: [String: Int] = [:]
        var seenSlugs: [String: Int] = [:]
        var duplicates: [Int] = []
        for index in articles.indices {
            let article = articles[index]
            let frontMatter = article.frontMatter
            let idKey = "\(article.locale)/\(article.id)"
            let slugKey = "\(article.locale)/\(frontMatter.slug)"
            var isDuplicate = false
            if let first = seenIDs[idKey] {
                diagnostics.append(duplicate("id '\(article.id)'", key: "id", in: article, first: articles[first]))
                isDuplicate = true
            }
            if let first = seenSlugs[slugKey] {
                diagnostics.append(duplicate("slug '\(frontMatter.slug)'", key: "slug", in: article, first: articles[first]))
                isDuplicate = true
            }
            if configuration.categories[frontMatter.category] == nil {
                let known = configuration.categoryOrder.joined(separator: ", ")
                diagnostics.append(.error(
                    "category '\(frontMatter.category)' is not in \(configurationPath) (\(known)); add it there or pick one of those",
                    file: article.file, at: location(of: "category", in: article)))
            }
            diagnostics += translationProblems(of: article)
            if isDuplicate {
                duplicates.append(index)
            } else {
                seenIDs[idKey] = index
                seenSlugs[slugKey] = index
            }
        }
        for index in duplicates.reversed() { articles.remove(at: index) }
        return diagnostics
    }

    /// Whether two versions of an article agree on all this check looks at: then an edit
    /// between them cannot change what it finds.
    static func sameKeys(_ before: Article, _ after: Article) -> Bool {
        before.locale == after.locale && before.id == after.id && before.frontMatter.slug == after.frontMatter.slug
            && before.frontMatter.category == after.frontMatter.category
            && before.frontMatter.translates == after.frontMatter.translates
    }

    private func translationProblems(of article: Article) -> [Diagnostic] {
        guard let source = article.frontMatter.translates else { return [] }
        let place = location(of: "translates", in: article)
        if article.locale == configuration.defaultLocale {
            return [.error(
                "an article of the default locale '\(article.locale)' is a source, not a translation; remove 'translates'",
                file: article.file, at: place)]
        }
        if source.locale == article.locale || !configuration.locales.contains(source.locale) {
            return [.error(
                "'translates' must name another locale of the site (\(configuration.locales.joined(separator: ", "))), not '\(source.locale)'",
                file: article.file, at: place)]
        }
        return []
    }

    private func duplicate(_ what: String, key: String, in article: Article, first: Article) -> Diagnostic {
        .error(
            "\(what) is already used by another \(article.locale) article; each article of a locale needs its own",
            file: article.file, at: location(of: key, in: article),
            notes: [Diagnostic.Note(file: first.file, location: location(of: key, in: first), message: "first used here")])
    }

    private func location(of key: String, in article: Article) -> SourceLocation {
        article.frontMatter.keyLocations[key] ?? SourceLocation(line: 1, column: 1)
    }
}
