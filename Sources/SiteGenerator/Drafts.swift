internal import HelpModel

/// What a build publishes: every article but the drafts (`draft: true`), unless drafts are
/// shown (`build --drafts`, `serve`).
///
/// Drafts are taken out of the content before the plan is made, so nothing of the site can
/// mention them: no page, sitemap entry, search entry, listing, nor a language switcher link
/// from a translation.
enum Drafts {
    /// - Returns: the content to build, and the files of the drafts left out (normalised, as
    ///   ``LinkResolver`` looks them up), so that a link to one can name the reason.
    static func published(_ content: HelpContent, includingDrafts: Bool) -> (content: HelpContent, leftOut: Set<String>) {
        guard !includingDrafts, content.articles.indices.contains(where: { content.articles[$0].frontMatter.draft }) else { return (content, []) }
        var published = content
        published.articles = content.articles.filter { !$0.frontMatter.draft }
        let leftOut = content.articles.filter(\.frontMatter.draft).map { PathArithmetic.normalized($0.file) }
        return (published, Set(leftOut))
    }
}
