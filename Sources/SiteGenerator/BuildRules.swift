public import HelpModel

/// The content rules `build` applies before writing a byte: every locale's chrome catalog
/// against ``ChromeKey``, slugs that would take the site's own addresses, and links (a `.md`
/// link to no article, a scheme that could run code).
///
/// `lint` and `validate` call ``check(_:unparsedFiles:)``, the very code the build runs, so what
/// `build` refuses `lint` reports too, at the same position.
public enum BuildRules {
    /// Every diagnostic the build would report about `content` before writing.
    /// - Parameters:
    ///   - content: the loaded content (the articles that parsed).
    ///   - unparsedFiles: article files that exist but did not parse; a link to one is not
    ///     reported as leading nowhere, since the file's own error is.
    ///   - includingDrafts: check as `build --drafts` does; by default drafts are left out as
    ///     `build` leaves them, so a link to one is reported.
    public static func check(_ content: HelpContent, unparsedFiles: Set<String> = [], includingDrafts: Bool = false) -> [Diagnostic] {
        let (published, drafts) = Drafts.published(content, includingDrafts: includingDrafts)
        return run(published, unparsedFiles: unparsedFiles, draftFiles: drafts).diagnostics
    }

    /// What the checks produced, for the build to render with.
    struct Checked {
        var plan: SitePlan
        var chromes: [String: Chrome]
        var links: LinkResolver
        var diagnostics: [Diagnostic]
    }

    /// - Parameters:
    ///   - linkedArticles: indexes of the articles whose links to check; nil for all.
    ///   - previousPlan: the plan of the same articles before an edit, whose URL tables can be kept.
    static func run(
        _ content: HelpContent, checkingLinksOf linkedArticles: [Int]? = nil, reusing previousPlan: SitePlan? = nil,
        unparsedFiles: Set<String> = [], draftFiles: Set<String> = [], leftOut: [LeftOutArticle] = [], keepGoing: Bool = false
    ) -> Checked {
        var diagnostics: [Diagnostic] = []
        var chromes: [String: Chrome] = [:]
        for locale in content.configuration.locales {
            let (chrome, found) = Chrome.validated(content.catalogs[locale], locale: locale)
            diagnostics += found
            if let chrome { chromes[locale] = chrome }
            if content.catalogs[locale] == nil {
                diagnostics.append(.error(
                    "locale '\(locale)' has no chrome catalog; the site cannot be built without it",
                    file: "\(locale)/chrome.yml", at: SourceLocation(line: 1, column: 1)))
            }
        }
        let plan = previousPlan.map { SitePlan(content: content, reusing: $0, changed: linkedArticles) } ?? SitePlan(content: content)
        // Slugs and aliases: a plan reused for an edit kept every one, and they passed then.
        let slugsChecked = previousPlan == nil ? Array(plan.articles.indices) : []
        for index in slugsChecked where SitePlan.reservedSlugs.contains(plan.articles[index].frontMatter.slug) {
            let article = plan.articles[index]
            diagnostics.append(.error(
                "slug '\(article.frontMatter.slug)' is the address of the site's own pages (\(SitePlan.reservedSlugs.sorted().joined(separator: ", "))); give the article another 'slug:'",
                file: article.file, at: article.frontMatter.keyLocations["slug"] ?? SourceLocation(line: 1, column: 1)))
        }
        if previousPlan == nil { diagnostics += Redirects.collisions(in: plan) }
        diagnostics += RelatedArticles.check(plan, articlesAt: linkedArticles, leftOut: leftOut)
        var links = LinkResolver(plan: plan)
        links.unparsedFiles = unparsedFiles
        links.draftFiles = draftFiles
        links.draftLinksShowAsText = keepGoing
        links.leftOutFiles = Dictionary(
            leftOut.map { (PathArithmetic.normalized($0.file), $0.file) }, uniquingKeysWith: { first, _ in first })
        let checked = linkedArticles.map { $0.map { plan.articles[$0] } } ?? plan.articles
        diagnostics += LinkCheck.check(checked, with: links)
        links.unparsedFiles = []
        return Checked(plan: plan, chromes: chromes, links: links, diagnostics: diagnostics)
    }
}
