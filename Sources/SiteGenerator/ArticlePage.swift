internal import HelpModel

/// One article page: breadcrumb, title, localized "updated" date, table of contents, the
/// sections with their procedures, the language switcher and the feedback form.
struct ArticlePage {
    let layout: PageLayout
    let links: LinkResolver
    let dates: LocalizedDate
    /// Names of every locale in its own language, from each locale's catalog.
    let languageNames: [String: String]
    var verification: VerificationReport?
    /// The feedback form of this locale's pages, rendered once: only the article id differs.
    private let feedback: FeedbackForm.Parts

    init(layout: PageLayout, links: LinkResolver, dates: LocalizedDate, languageNames: [String: String], verification: VerificationReport?) {
        self.layout = layout
        self.links = links
        self.dates = dates
        self.languageNames = languageNames
        self.verification = verification
        let configuration = layout.plan.configuration
        feedback = FeedbackForm.parts(
            chrome: layout.chrome, endpoint: configuration.feedbackEndpoint, support: configuration.brand.support[layout.chrome.locale])
    }

    /// Renders the article at `index` of the plan's articles.
    func render(articleAt index: Int) -> [UInt8] {
        let plan = layout.plan
        let article = plan.articles[index]
        let chrome = layout.chrome
        let translations = plan.translations(of: article)
        var alternates = translations.map { ($0.locale, plan.directory(ofArticleAt: $0.index)) }
        if let source = translations.first(where: { $0.locale == plan.configuration.defaultLocale }) ?? translations.first {
            alternates.append(("x-default", plan.directory(ofArticleAt: source.index)))
        }
        let categoryName = plan.configuration.categories[article.frontMatter.category]?[article.locale] ?? ""
        let languages = plan.configuration.locales.map { locale -> PageLayout.LanguageLink in
            let other = translations.first { $0.locale == locale }?.index
            return PageLayout.LanguageLink(
                locale: locale, name: languageNames[locale] ?? locale,
                href: other.map { "../../" + plan.directory(ofArticleAt: $0) }, isCurrent: locale == article.locale)
        }
        let page = PageLayout.Page(
            title: article.frontMatter.title, depth: 2, canonicalPath: plan.directory(ofArticleAt: index),
            alternates: alternates, description: Self.description(of: article),
            // A draft is only ever built for a preview: not for search engines.
            isIndexable: !article.frontMatter.draft,
            breadcrumb: [
                (chrome[.home], "../"), (categoryName, "../" + SitePlan.categoryPath(article.frontMatter.category)),
                (article.frontMatter.title, nil),
            ],
            languages: languages)
        let body = ArticleBodyRenderer(
            article: article, chrome: chrome, links: links, verified: VerifiedProcedures(verification, dates: dates))
        return layout.render(page) { html in
            html.raw("<article class=\"article\">\n")
            if article.frontMatter.draft {
                html.raw("<p class=\"draft-banner\">")
                html.text(chrome[.draftBanner])
                html.raw("</p>\n")
            }
            html.element("h1", text: article.frontMatter.title)
            html.raw("\n<p class=\"updated\"><span class=\"updated-label\"")
            html.attribute("data-relative-label", chrome[.updated], prose: true)
            html.raw(">")
            html.text(chrome[.updatedOn])
            html.raw("</span> <time")
            html.attribute("datetime", article.frontMatter.updated.description)
            html.raw(" data-relative>")
            html.text(dates.format(article.frontMatter.updated, locale: article.locale))
            html.raw("</time></p>\n")
            renderTableOfContents(article.sections, into: &html)
            body.render(article.intro, into: &html)
            for section in article.sections { body.render(section, into: &html) }
            html.raw("</article>\n")
            renderRelated(to: index, into: &html)
            FeedbackForm.render(articleID: article.id, parts: feedback, into: &html)
        }
    }

    /// "Related articles", after the article (outside it: its heading is not a section).
    private func renderRelated(to index: Int, into html: inout HTMLBuffer) {
        let plan = layout.plan
        let related = RelatedArticles.list(for: index, in: plan)
        guard !related.isEmpty else { return }
        html.raw("<nav class=\"related\" aria-labelledby=\"related-title\"><h2 id=\"related-title\">")
        html.text(layout.chrome[.relatedTitle])
        html.raw("</h2>\n<ul>\n")
        for other in related {
            html.raw("<li><a")
            html.attribute("href", "../" + plan.articles[other].frontMatter.slug + "/")
            html.raw(">")
            html.text(plan.articles[other].frontMatter.title)
            html.raw("</a></li>\n")
        }
        html.raw("</ul></nav>\n")
    }

    /// The page at an old address of the article (`aliases:`): it sends the reader on at
    /// once without script (`<meta http-equiv="refresh">`), names the article's page as
    /// canonical, stays out of search engines, and shows a plain link for whoever stays.
    func redirect(_ alias: Redirects.Alias) -> [UInt8] {
        let plan = layout.plan
        let article = plan.articles[alias.articleIndex]
        let target = "../" + article.frontMatter.slug + "/"
        var page = PageLayout.Page(
            title: article.frontMatter.title, depth: 2, canonicalPath: plan.directory(ofArticleAt: alias.articleIndex),
            description: layout.chrome[.redirectMoved], isIndexable: false)
        page.refreshTo = target
        return layout.render(page) { html in
            html.element("h1", text: article.frontMatter.title)
            html.raw("\n<p class=\"redirect\">")
            html.text(layout.chrome[.redirectMoved])
            html.raw(" <a")
            html.attribute("href", target)
            html.raw(">")
            html.text(article.frontMatter.title)
            html.raw("</a></p>\n")
        }
    }

    /// The table of contents: every `##` section, with the `###` sections under it nested;
    /// `####` and deeper are left out (``Section/isInTableOfContents``).
    private func renderTableOfContents(_ allSections: [Section], into html: inout HTMLBuffer) {
        let sections = allSections.filter(\.isInTableOfContents)
        guard !sections.isEmpty else { return }
        html.raw("<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">")
        html.text(layout.chrome[.tableOfContents])
        html.raw("</h2>\n<ol>")
        var index = 0
        while index < sections.count {
            let section = sections[index]
            html.raw("<li>")
            renderLink(to: section, into: &html)
            index += 1
            if section.level == 2, index < sections.count, sections[index].level == 3 {
                html.raw("<ol>")
                while index < sections.count, sections[index].level == 3 {
                    html.raw("<li>")
                    renderLink(to: sections[index], into: &html)
                    html.raw("</li>")
                    index += 1
                }
                html.raw("</ol>")
            }
            html.raw("</li>\n")
        }
        html.raw("</ol></nav>\n")
    }

    private func renderLink(to section: Section, into html: inout HTMLBuffer) {
        html.raw("<a")
        html.attribute("href", "#" + section.anchor)
        html.raw(">")
        html.text(section.title.plainText)
        html.raw("</a>")
    }

    /// `<meta name="description">`: the intro's summary, or the title when there is no intro.
    static func description(of article: Article) -> String {
        summary(of: article) ?? article.frontMatter.title
    }

    /// The first paragraph of the intro, shortened to 160 characters (search results show it).
    static func summary(of article: Article) -> String? {
        for block in article.intro {
            guard case .paragraph(let paragraph) = block else { continue }
            let text = paragraph.content.plainText
            guard text.count > 160 else { return text }
            return String(text.prefix(157)) + "…"
        }
        return nil
    }
}

/// "Qu'avez-vous pensé de cette page ?": a plain POST form that the script enhances.
///
/// Without script the collector answers a vote with a redirect back to this page at
/// `#feedback-thanks` (then the comment box shows), a "No" at `#feedback-unhelpful` (the comment
/// box and the support contact show) and a comment at `#feedback-sent`: the stylesheet shows
/// the thank-you that is the target, so no script is needed for any of them.
/// `website` is a honeypot: off-screen and out of the tab order, only robots fill it in.
enum FeedbackForm {
    /// The longest comment the collector accepts, in characters.
    static let commentLimit = 1000

    /// The form's markup before and after the article id: the same on every page of a locale.
    struct Parts: Sendable {
        fileprivate let head: [UInt8]
        fileprivate let tail: [UInt8]
    }

    static func render(articleID: String, parts: Parts, into html: inout HTMLBuffer) {
        html.append(parts.head)
        html.attribute("value", articleID)
        html.append(parts.tail)
    }

    /// Renders the form of a locale around the place of the article id.
    static func parts(chrome: Chrome, endpoint: String, support: Brand.Link?) -> Parts {
        let frenchSpacing = chrome.locale == "fr" || chrome.locale.hasPrefix("fr-")
        var html = HTMLBuffer(capacity: 2048, frenchSpacing: frenchSpacing)
        html.raw("<form class=\"feedback\" method=\"post\"")
        html.attribute("action", endpoint)
        html.attribute("data-thanks", chrome[.feedbackThanks], prose: true)
        html.attribute("data-error", chrome[.feedbackError], prose: true)
        html.raw(">\n")
        for target in ["feedback-thanks", "feedback-unhelpful", "feedback-sent"] {
            html.raw("<p class=\"feedback-thanks\" id=\"\(target)\" tabindex=\"-1\">")
            html.text(chrome[.feedbackThanks])
            html.raw("</p>\n")
        }
        html.raw("<fieldset>\n")
        html.element("legend", text: chrome[.feedbackQuestion])
        html.raw("\n<input type=\"hidden\" name=\"article\"")
        let head = html.bytes
        html = HTMLBuffer(capacity: 2048, frenchSpacing: frenchSpacing)
        html.raw(">\n<input type=\"hidden\" name=\"locale\"")
        html.attribute("value", chrome.locale)
        html.raw(">\n<div class=\"feedback-trap\" aria-hidden=\"true\"><label for=\"feedback-website\">")
        html.text(chrome[.feedbackTrap])
        html.raw("</label><input type=\"text\" id=\"feedback-website\" name=\"website\" autocomplete=\"off\" tabindex=\"-1\"></div>\n")
        html.raw("<button type=\"submit\" name=\"vote\" value=\"yes\">")
        html.text(chrome[.feedbackYes])
        html.raw("</button>\n<button type=\"submit\" name=\"vote\" value=\"no\">")
        html.text(chrome[.feedbackNo])
        html.raw("</button>\n</fieldset>\n<div class=\"feedback-comment\" hidden>\n<label for=\"feedback-comment\">")
        html.text(chrome[.feedbackComment])
        html.raw("</label>\n<textarea id=\"feedback-comment\" name=\"comment\" maxlength=\"\(commentLimit)\" rows=\"4\"></textarea>\n")
        html.raw("<button type=\"submit\" name=\"vote\" value=\"comment\">")
        html.text(chrome[.feedbackSend])
        html.raw("</button>\n</div>\n")
        if let support {
            // Shown after a "No" vote, by site.js or, without script, at #feedback-unhelpful:
            // the reader may need a person.
            html.raw("<p class=\"feedback-support\" hidden><a")
            html.attribute("href", support.url)
            html.raw(">")
            html.text(support.text)
            html.raw("</a></p>\n")
        }
        html.raw("<p class=\"feedback-status\" role=\"status\" aria-live=\"polite\"></p>\n</form>\n")
        return Parts(head: head, tail: html.bytes)
    }
}
