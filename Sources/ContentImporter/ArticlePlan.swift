internal import Foundation
internal import HelpModel
internal import HelpParser

/// Where one source article goes and what its front matter becomes, decided for all articles
/// before any body is converted (a link needs to know every article's place).
struct ArticlePlan: Sendable {
    var source: SourceArticle
    /// Output path under the content folder: `<locale>/<category>/<slug>.md`.
    var output: String
    var slug: String
    var title: String
    var category: String
    /// The category's name as the source gives it (a `nav:` section, else its key in words).
    var categoryName: String
    var updated: CalendarDay
    var isDraft: Bool
    var aliases: [String]
    var description: String?
    var tags: [String]
    /// Findings about the front matter (a missing title, an alias that had to be renamed).
    var findings: [Diagnostic]

    /// Source keys that only steer the source site's layout or listing, with no equivalent.
    static let layoutKeys: Set<String> = [
        "layout", "order", "featured", "popular", "categories", "category", "permalink", "hide", "search",
        "template", "icon", "status", "comments", "nav_order", "sidebar_position", "toc",
    ]
    static let mappedKeys: Set<String> = [
        "title", "description", "tags", "hidden", "draft", "published", "redirect_from", "date", "last_modified_at", "slug", "aliases",
    ]

    init(_ source: SourceArticle, site: SourceSite, options: ImportOptions) {
        self.source = source
        var findings = source.findings
        func report(_ message: String, key: String) {
            findings.append(.warning(message, file: source.file, at: SourceLocation(line: source.frontMatterLines[key] ?? 1, column: 1)))
        }
        let values = source.frontMatter
        slug = Slug.make(values["slug"]?.text ?? source.slug)
        if let text = values["title"]?.text, !text.isEmpty {
            title = text
        } else if let text = FirstHeading.title(of: source.body) ?? site.navigationTitles[source.relativePath] {
            title = text
        } else {
            title = AltText.fromFileName(source.slug)
            report("no title in the front matter; wrote \"\(title)\" from the file name", key: "title")
        }
        var categorySource = source.folder
        var sourceName = site.folderNames[source.folder]
        if options.categorySource == .frontMatter, let named = (values["categories"] ?? values["category"])?.list.first {
            categorySource = named
            sourceName = nil
        }
        category = categorySource.isEmpty ? "general" : Slug.make(categorySource)
        categoryName = sourceName ?? AltText.fromFileName(category)
        output = options.locale + "/" + category + "/" + slug + ".md"
        let dated = (values["last_modified_at"] ?? values["date"])?.text.flatMap { CalendarDay(iso: String($0.prefix(10))) }
        updated = dated ?? options.updated ?? source.modified ?? CalendarDay(year: 2000, month: 1, day: 1)!
        isDraft = values["hidden"]?.isTrue == true || values["draft"]?.isTrue == true || values["published"]?.text == "false"
        var aliases: [String] = []
        for address in (values["redirect_from"]?.list ?? []) + (values["aliases"]?.list ?? []) + (site.formerSlugs[source.relativePath] ?? []) {
            let name = address.split(separator: "/").last.map(String.init) ?? address
            let alias = Slug.make(name.replacingOccurrences(of: ".html", with: ""))
            if alias != name { report("former address '\(address)' becomes the alias '\(alias)' (an alias is lowercase letters, digits and '-')", key: "redirect_from") }
            if alias != slug, !aliases.contains(alias) { aliases.append(alias) }
        }
        self.aliases = aliases
        description = values["description"]?.text
        tags = values["tags"]?.list ?? []
        for key in values.keys.sorted() where !Self.layoutKeys.contains(key) && !Self.mappedKeys.contains(key) {
            report("front matter key '\(key)' has no equivalent in our format; left out", key: key)
        }
        self.findings = findings
    }

    /// The front matter of the imported article.
    func frontMatter(withDescriptionComment: Bool) -> String {
        var lines = ["---", "id: \(slug)", "title: \(YAMLText.quoted(title))", "updated: \(updated)", "category: \(category)", "version: 1"]
        if isDraft { lines.append("draft: true") }
        if !aliases.isEmpty { lines.append("aliases: [\(aliases.joined(separator: ", "))]") }
        // Our front matter has no description or tags: kept as comments for the writer.
        if withDescriptionComment, let description { lines.append("# description: \(YAMLText.quoted(description))") }
        if !tags.isEmpty { lines.append("# tags: [\(tags.joined(separator: ", "))]") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }
}

enum YAMLText {
    /// A double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// A MkDocs page's `# Title` line: the title when the front matter and `nav:` give none.
enum FirstHeading {
    static func title(of body: [SourceLine]) -> String? {
        guard let line = body.first(where: { !$0.isBlank }), line.headingLevel == 1 else { return nil }
        return line.trimmed.dropFirst(1).trimmingCharacters(in: .whitespaces)
    }
}
