import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FeedbackCollector

@Suite("the feedback report")
struct ReportTests {
    /// Three yes and one no in French, one yes for an article the site no longer has, and
    /// three comments a minute apart (a hostile one last).
    private func filled(_ harness: CollectorHarness) async throws -> FeedbackReport {
        try await harness.run { (collector, client) async throws in
            for vote in ["yes", "yes", "no", "yes"] {
                #expect(
                    try await client.vote([("article", "login-credentials"), ("locale", "fr"), ("vote", vote)]).status
                        == .created)
            }
            for comment in [
                "Très clair", "=HYPERLINK(\"http://evil.example\",\"x\")",
                "<script>alert(1)</script>\nsecond, \"line\"",
            ] {
                harness.clock.advance(by: 60)
                let fields = [
                    ("article", "login-credentials"), ("locale", "fr"), ("vote", "comment"), ("comment", comment),
                ]
                #expect(try await client.vote(fields).status == .created)
            }
            try harness.writeCatalog(
                CollectorHarness.catalogJSON.replacingOccurrences(
                    of: "\"articles\": [",
                    with: #""articles": [{"id": "old-article", "locale": "de", "path": "de/alt/", "title": "Alt"},"#))
            #expect(
                try await client.vote([("article", "old-article"), ("locale", "de"), ("vote", "yes")]).status
                    == .created)
            try harness.writeCatalog(CollectorHarness.catalogJSON)
            return try await collector.report()
        }
    }

    @Test("per article and locale: counts, helpfulness, titles, comments newest first")
    func model() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        let report = try await filled(harness)
        #expect(
            report.articles.map { "\($0.id)/\($0.locale)" } == [
                "login-credentials/en", "login-credentials/fr", "old-article/de",
            ])
        let english = report.articles[0]
        #expect(english.yes == 0 && english.no == 0 && english.helpfulness == nil && english.comments.isEmpty)
        #expect(english.title == "How do I change or reset my login credentials?")
        let french = report.articles[1]
        #expect(french.yes == 3 && french.no == 1 && french.helpfulness == 0.75)
        #expect(
            french.comments.map(\.text) == [
                "<script>alert(1)</script>\nsecond, \"line\"", "=HYPERLINK(\"http://evil.example\",\"x\")",
                "Très clair",
            ])
        #expect(french.comments.first?.date == "2026-11-18T11:09:40Z")
        #expect(report.articles[2].title == "old-article")
        #expect(report.articles[2].helpfulness == 1)
    }

    @Test("table: aligned columns, comments below, control characters shown as �")
    func table() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        var report = try await filled(harness)
        report.articles[1].comments[0].text = "red \u{1B}[31malert\u{7} bell"
        let table = report.table()
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "ARTICLE            LOCALE  YES  NO  HELPFUL  COMMENTS  TITLE")
        #expect(
            lines[2]
                == "login-credentials  fr        3   1      75%         3  Comment modifier ou réinitialiser mes identifiants de connexion ?"
        )
        #expect(lines[1].hasPrefix("login-credentials  en        0   0        –         0  How"))
        #expect(table.contains("login-credentials (fr), 3 comments:\n  2026-11-18T11:09:40Z  red �[31malert� bell\n"))
        #expect(!table.contains("\u{1B}"))
        #expect(FeedbackReport(articles: []).table() == "no articles and no votes\n")
    }

    @Test("CSV: RFC 4180 quoting, and cells that a spreadsheet would run as formulas get a leading '")
    func csv() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        let csv = try await filled(harness).csv()
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "kind,article,locale,title,yes,no,helpfulness,date,comment")
        #expect(
            lines[2]
                == "votes,login-credentials,fr,Comment modifier ou réinitialiser mes identifiants de connexion ?,3,1,0.75,,"
        )
        #expect(csv.contains(",2026-11-18T11:08:40Z,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\r\n"))
        #expect(csv.contains(",\"<script>alert(1)</script>\nsecond, \"\"line\"\"\"\r\n"))
        for start in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            var report = FeedbackReport(articles: [])
            report.articles = [
                .init(id: "a", locale: "fr", title: start, yes: 0, no: 0, helpfulness: nil, comments: [])
            ]
            let csv = report.csv()
            #expect(
                csv.contains(",'" + start + ",") || csv.contains(",\"'" + start + "\","), "\(start.debugDescription)")
        }
    }

    @Test("JSON: pretty, sorted keys, null helpfulness, the same bytes twice")
    func json() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        let report = try await filled(harness)
        let json = report.json()
        #expect(json == report.json())
        #expect(json.contains("\"helpfulness\" : null"))
        let idIndex = try #require(json.range(of: "\"id\""))
        let commentsIndex = try #require(json.range(of: "\"comments\""))
        #expect(commentsIndex.lowerBound < idIndex.lowerBound)
        let decoded = try JSONDecoder().decode(FeedbackReport.self, from: Data(json.utf8))
        #expect(decoded == report)
    }

    @Test("HTML: a table and the comments, every reader's string escaped, no script or style")
    func html() async throws {
        let harness = try CollectorHarness()
        defer { harness.removeFiles() }
        let html = try await filled(harness).html()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;<br>\nsecond, &quot;line&quot;"))
        #expect(html.contains("<td>75%</td>"))
        #expect(html.contains("<time datetime=\"2026-11-18T11:09:40Z\">"))
        #expect(!html.contains("style"))
    }

    @Test("the report of a database read alone, with or without the site's titles", arguments: StoreKind.allCases)
    func standalone(store: StoreKind) async throws {
        let harness = try await CollectorHarness(store: store)
        defer { harness.removeFiles() }
        let live = try await filled(harness)
        let withTitles = try await FeedbackReport.read(database: harness.options.database, site: harness.site.path, logger: harness.options.logger)
        #expect(withTitles == live)
        let bare = try await FeedbackReport.read(database: harness.options.database, site: nil, logger: harness.options.logger)
        #expect(bare.articles.map(\.title) == ["login-credentials", "old-article"])
        await #expect(throws: MissingDatabase.self) {
            try await FeedbackReport.read(
                database: harness.directory.appendingPathComponent("none.sqlite").path, site: nil, logger: harness.options.logger)
        }
        #expect(!FileManager.default.fileExists(atPath: harness.directory.appendingPathComponent("none.sqlite").path))
    }
}
