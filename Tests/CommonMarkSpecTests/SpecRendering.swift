import Foundation
import HelpModel
import HelpParser
@testable import SiteGenerator
import TestSupport

/// Runs a spec example through the real pipeline, as an article would go: wrapped in front
/// matter and a `## ` section, parsed by ``ArticleParser``, checked by ``BuildRules`` and
/// rendered by ``ArticleBodyRenderer`` with the repository's English chrome.
///
/// Steps are not read with a phrasebook (`phrasebook: nil`): the suite is about Markdown, and
/// the spec's list items are no phrases of ours.
struct SpecRendering: Sendable {
    enum Result: Sendable {
        /// What the page's article body holds, after the wrapping heading.
        case rendered(String)
        /// The parser or the build refused the article: its errors.
        case refused([Diagnostic])
    }

    static let heading = "## Example"
    let configuration: SiteConfiguration
    let catalogs: [String: ChromeCatalog]
    let chrome: Chrome

    /// The repository's `content/`: its settings and the English chrome catalog.
    static let shared: SpecRendering? = {
        guard let loaded = try? ContentLoader(workingDirectory: repositoryRoot.path).load(root: "content"),
            let configuration = loaded.configuration,
            let chrome = Chrome.validated(loaded.catalogs["en"], locale: "en").0
        else { return nil }
        return SpecRendering(configuration: configuration, catalogs: loaded.catalogs, chrome: chrome)
    }()

    /// The Markdown body both renderers get: the section heading, a blank line, the example.
    static func body(of example: SpecExample) -> String {
        body(of: example.markdown)
    }

    static func body(of markdown: String) -> String {
        "\(heading)\n\n\(markdown)"
    }

    /// The article file: front matter, then ``body(of:)``.
    static func article(of markdown: String, number: Int) -> String {
        """
        ---
        id: spec-\(number)
        title: Example \(number)
        updated: 2026-11-18
        category: account
        ---

        \(body(of: markdown))
        """
    }

    func render(_ example: SpecExample) -> Result {
        render(markdown: example.markdown, number: example.number)
    }

    /// Any Markdown as the body of an article section (the GFM table cases use it too).
    func render(markdown: String, number: Int) -> Result {
        let file = "content/en/spec-\(number).md"
        let (parsed, diagnostics) = ArticleParser().parse(
            Array(Self.article(of: markdown, number: number).utf8), file: file, locale: "en", phrasebook: nil)
        guard let article = parsed else { return .refused(diagnostics.filter { $0.severity == .error }) }
        let content = HelpContent(configuration: configuration, articles: [article], catalogs: catalogs)
        let refusals = BuildRules.check(content).filter { $0.severity == .error }
        guard refusals.isEmpty else { return .refused(refusals) }
        let body = ArticleBodyRenderer(article: article, chrome: chrome, links: LinkResolver(plan: SitePlan(content: content)))
        var html = HTMLBuffer()
        body.render(article.intro, into: &html)
        for (index, section) in article.sections.enumerated() {
            // The wrapping section's own heading is ours, not the example's: only its blocks.
            if index == 0 { body.render(section.blocks, into: &html) } else { body.render(section, into: &html) }
        }
        return .rendered(String(decoding: html.bytes, as: UTF8.self))
    }

    /// The parser's warnings about some Markdown as an article section, as the CLI prints them.
    func warnings(markdown: String, number: Int = 9001) -> [String] {
        let (_, diagnostics) = ArticleParser().parse(
            Array(Self.article(of: markdown, number: number).utf8), file: "content/en/spec-\(number).md", locale: "en",
            phrasebook: nil)
        return diagnostics.filter { $0.severity == .warning }.map(\.formatted)
    }

    /// cmark's HTML for the same body, less the wrapping heading.
    static func reference(_ example: SpecExample) -> String {
        let html = CmarkReference.html(body(of: example))
        let wrapper = "<h2>Example</h2>\n"
        return html.hasPrefix(wrapper) ? String(html.dropFirst(wrapper.count)) : html
    }
}
