import Foundation
import HelpModel
import SiteGenerator
import Testing
import TestSupport

/// Hostile text in titles, labels, links and front matter never becomes markup or script.
@Suite("Escaping")
struct EscapingTests {
    static let hostileTitle = #"</title><script>alert("t")</script> & "quotes""#

    static func hostileSite() throws -> (SiteFixture, SiteBuilder.Report) {
        let site = try SiteFixture(withSeed: false)
        let body = """
            Intro <b>bold</b> with **<img src=x onerror=alert(1)>5 < 6 & "7"** and *x" onmouseover="alert(2)*.

            ## Use <script>alert(3)</script> & 1 < 2

            1. Cliquez sur **"><svg onload=alert(4)> ok**.

            [one](javascript:alert(5)) [two](JAVASCRIPT:alert(6)) [three](vbscript:msgbox(7))
            [four](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==) [five](file:///etc/passwd)
            ![pixel](data:image/png;base64,iVBORw0KGgo=) ![bad](javascript:alert(9))
            [fine](https://example.com/?a=1&b=2 "A \\"title\\"")
            """
        let text = "---\nid: hostile\ntitle: '\(hostileTitle)'\nupdated: 2026-11-18\ncategory: account\n---\n\n\(body)\n"
        try site.content.write("fr/hostile.md", text)
        return (site, try site.build())
    }

    @Test("titles and labels are escaped in <title>, headings, meta and the search index")
    func textIsEscaped() throws {
        let (site, report) = try Self.hostileSite()
        defer { site.remove() }
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        let page = try site.page("fr/hostile/index.html")
        #expect(page.contains("<title>&lt;/title&gt;&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; &quot;quotes&quot; – Centre d'aide partenaires</title>"))
        // Raw HTML is dropped (cmark's safe mode, with a warning); what is left is escaped.
        #expect(page.contains("<strong class=\"ui-label\">5 &lt; 6 &amp; &quot;7&quot;</strong>"))
        #expect(page.contains("<em>x&quot; onmouseover=&quot;alert(2)</em>"))
        #expect(page.contains("<h2 id=\"use-alert-3-1-2\">Use alert(3) &amp; 1 &lt; 2</h2>"))
        #expect(page.contains("<strong class=\"ui-label\">&quot;&gt; ok</strong>"))
        for tag in ["<b>", "<img src=x", "<svg", "<script>alert"] {
            #expect(!page.contains(tag), "raw HTML \(tag) is dropped")
        }
        #expect(report.diagnostics.filter { $0.message.hasPrefix("raw HTML") }.count == 6)
        // The only script elements are the site's own external files.
        let scripts = page.matches(of: /<script[^>]*>/).map { String($0.0) }
        #expect(scripts == ["<script src=\"../../assets/site.js\" defer>"])
        let index = try site.searchFiles("fr")
        #expect(!index.contains("</script>"))
        #expect(index.contains("\\u003c/title>\\u003cscript>alert(\\\"t\\\")"))
        let home = try site.page("fr/index.html")
        #expect(home.contains("&lt;/title&gt;&lt;script&gt;"))
    }

    @Test("javascript:, vbscript:, file: and data:text/html links are neutralised, with a warning each")
    func unsafeLinks() throws {
        let (site, report) = try Self.hostileSite()
        defer { site.remove() }
        let page = try site.page("fr/hostile/index.html").lowercased()
        for scheme in ["javascript:", "vbscript:", "data:text/html", "file:"] {
            #expect(!page.contains("href=\"\(scheme)"), "\(scheme)")
            #expect(!page.contains("src=\"\(scheme)"), "\(scheme)")
        }
        #expect(page.contains("<img src=\"data:image/png;base64,ivborw0kggo=\" alt=\"pixel\">"), "image data URLs stay")
        #expect(page.contains("<a href=\"https://example.com/?a=1&amp;b=2\" title=\"a &quot;title&quot;\">fine</a>"))
        let warnings = report.diagnostics.filter { $0.severity == .warning && $0.message.contains("could run code") }
        #expect(warnings.count == 6)
        #expect(warnings.allSatisfy { $0.file == "content/fr/hostile.md" })
    }

    @Test("quotes in front matter cannot leave an attribute: meta description and alternates")
    func attributes() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/q.md", frenchArticle(id: "q", title: #"T" onload="x"#, body: #"Intro "> 1 < 2 end."#))
        try site.build()
        let page = try site.page("fr/q/index.html")
        #expect(page.contains(#"<meta name="description" content="Intro &quot;&gt; 1 &lt; 2 end.">"#))
        #expect(page.contains(#"<li aria-current="page">T&quot; onload=&quot;x</li>"#))
    }
}
