internal import HelpModel

/// Checks that need several articles at once: unique ids and slugs per locale, known
/// categories, translations that name a real source locale.
struct ContentConsistency {
    let configuration: SiteConfiguration
    let configurationPath: String

    /// - Returns: the articles that may be published (duplicates dropped) and the findings.
    func check(_ articles: [Article]) -> ([Article], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var kept: [Article] = []
        var seenIDs: [String: Article] = [:]
        var seenSlugs: [String: Article] = [:]
        for article in articles {
            let frontMatter = article.frontMatter
            var isDuplicate = false
            if let first = seenIDs["\(article.locale)/\(article.id)"] {
                diagnostics.append(duplicate("id '\(article.id)'", key: "id", in: article, first: first))
                isDuplicate = true
            }
            if let first = seenSlugs["\(article.locale)/\(frontMatter.slug)"] {
                diagnostics.append(duplicate("slug '\(frontMatter.slug)'", key: "slug", in: article, first: first))
                isDuplicate = true
            }
            if configuration.categories[frontMatter.category] == nil {
                let known = configuration.categoryOrder.joined(separator: ", ")
                diagnostics.append(.error(
                    "category '\(frontMatter.category)' is not in \(configurationPath) (\(known)); add it there or pick one of those",
                    file: article.file, at: location(of: "category", in: article)))
            }
            diagnostics += translationProblems(of: article)
            guard !isDuplicate else { continue }
            seenIDs["\(article.locale)/\(article.id)"] = article
            seenSlugs["\(article.locale)/\(frontMatter.slug)"] = article
            kept.append(article)
        }
        return (kept, diagnostics)
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
