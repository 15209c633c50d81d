import Foundation
import SiteGenerator
import Testing
import TestSupport

/// How article Markdown reaches the page: written as cmark's own HTML renderer would write it.
@Suite("Article body")
struct ArticleBodyTests {
    /// Builds the site with one French article of `body` and returns its page.
    private func page(of body: String) throws -> String {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/corps.md", frenchArticle(id: "corps", title: "Corps", body: body))
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        return try site.page("fr/corps/index.html")
    }

    @Test("a code block's language is the info string's first word, split at any whitespace")
    func codeLanguageIsTheFirstWord() throws {
        let html = try page(of: "```ruby\tstartline=3 $%@#$\nputs 1\n```\n\n``` python  other\nx\n```")
        #expect(html.contains("<pre><code class=\"language-ruby\">puts 1\n</code></pre>"))
        #expect(html.contains("<pre><code class=\"language-python\">x\n</code></pre>"))
    }
}
