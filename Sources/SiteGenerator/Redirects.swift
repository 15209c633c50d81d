internal import Foundation
internal import HelpModel

/// Former addresses of articles (`aliases:`): a page at each that sends the reader on without
/// script, the `_redirects` file Netlify and Cloudflare Pages read, and what the build says
/// when a slug changed against the previous build without an alias.
enum Redirects {
    /// The file at the site's root that static hosts read: `from to status` per line.
    static let fileName = "_redirects"

    /// One old address: `<locale>/<alias>/` → the article's page.
    struct Alias {
        var locale: String
        var alias: String
        var articleIndex: Int
        var path: String { "\(locale)/\(alias)/" }
    }

    static func aliases(of plan: SitePlan) -> [Alias] {
        plan.articles.indices.flatMap { index in
            plan.articles[index].frontMatter.aliases.map { Alias(locale: plan.articles[index].locale, alias: $0, articleIndex: index) }
        }
    }

    /// An alias taking an article's address, a reserved folder or another alias of its locale.
    static func collisions(in plan: SitePlan) -> [Diagnostic] {
        let aliases = aliases(of: plan)
        guard !aliases.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        var slugs: [String: Int] = [:]
        // By index: binding each article to a name copies it.
        for index in plan.articles.indices {
            slugs["\(plan.articles[index].locale)/\(plan.articles[index].frontMatter.slug)"] = index
        }
        var taken: [String: Int] = [:]
        for alias in aliases {
            let article = plan.articles[alias.articleIndex]
            let at = article.frontMatter.aliasLocations[alias.alias] ?? SourceLocation(line: 1, column: 1)
            if let owner = slugs["\(alias.locale)/\(alias.alias)"] {
                let message = owner == alias.articleIndex
                    ? "alias '\(alias.alias)' is the article's own slug, so it would send readers to itself; remove it"
                    : "alias '\(alias.alias)' is the address of \(plan.articles[owner].file); an old address cannot take a page's place: remove the alias or give that article another slug"
                diagnostics.append(.error(message, file: article.file, at: at))
            } else if SitePlan.reservedSlugs.contains(alias.alias) {
                diagnostics.append(.error(
                    "alias '\(alias.alias)' is the address of the site's own pages (\(SitePlan.reservedSlugs.sorted().joined(separator: ", "))); remove it",
                    file: article.file, at: at))
            } else if let other = taken[alias.path] {
                diagnostics.append(.error(
                    "alias '\(alias.alias)' is also an alias of \(plan.articles[other].file); an old address can send readers to one page only",
                    file: article.file, at: at))
            } else {
                taken[alias.path] = alias.articleIndex
            }
        }
        return diagnostics
    }

    /// `_redirects`: each alias to its article with a 301, from the site's base path.
    static func file(for plan: SitePlan) -> [UInt8] {
        var text = "# Written by helpcenter build from the articles' aliases (Netlify and Cloudflare Pages read it).\n"
        for alias in aliases(of: plan) {
            text += "\(plan.basePath)\(alias.path) \(plan.basePath)\(plan.directory(ofArticleAt: alias.articleIndex)) 301\n"
        }
        return Array(text.utf8)
    }

    /// Articles whose address changed since the previous build into `output` (its
    /// `.helpcenter-articles.json`) without an alias for the old one: that URL would now 404.
    static func slugChanges(since output: String, plan: SitePlan) -> [Diagnostic] {
        struct Previous: Decodable {
            struct Entry: Decodable {
                var id: String
                var locale: String
                var path: String
            }
            var articles: [Entry]
        }
        let file = URL(fileURLWithPath: output).appendingPathComponent(ArticleCatalogFile.path)
        guard let data = try? Data(contentsOf: file), let previous = try? JSONDecoder().decode(Previous.self, from: data) else {
            return []
        }
        let kept = Set(plan.articles.indices.map { plan.directory(ofArticleAt: $0) } + aliases(of: plan).map(\.path))
        var diagnostics: [Diagnostic] = []
        for entry in previous.articles where !kept.contains(entry.path) {
            guard let index = plan.translations[entry.id]?[entry.locale] else { continue }
            let article = plan.articles[index]
            let oldSlug = entry.path.split(separator: "/").dropFirst().first.map(String.init) ?? entry.path
            diagnostics.append(.warning(
                "the previous build had this article at \(plan.absoluteURL(entry.path)), which will now 404; "
                    + "add 'aliases: [\(oldSlug)]' to its front matter to send readers on to \(plan.absoluteURL(plan.directory(ofArticleAt: index)))",
                file: article.file, at: article.frontMatter.keyLocations["slug"] ?? article.frontMatter.keyLocations["id"] ?? SourceLocation(line: 1, column: 1)))
        }
        return diagnostics
    }
}
