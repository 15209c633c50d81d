import Foundation
import FoundationXML
import Testing
import TestSupport

@Suite("helpcenter validate")
struct ValidateCommandTests {
    static let article = "site/en/change-reset-login-credentials/index.html"

    /// The seed content in a temporary folder, built into its `site/`.
    static func builtSite() throws -> TemporaryContent {
        let content = try BuildCommandTests.seededContent()
        let build = try CommandRunner.run(["build"], in: content.directory)
        #expect(build.status == 0, "\(build.standardError)")
        return content
    }

    /// Points the article's category link at a page that does not exist; returns its position.
    static func breakLink(in content: TemporaryContent) throws -> (line: Int, column: Int) {
        let url = content.directory.appendingPathComponent(article)
        let page = try String(contentsOf: url, encoding: .utf8)
        try Data(page.replacingOccurrences(of: "href=\"../category/account/\"", with: "href=\"../category/acount/\"").utf8).write(to: url)
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("../category/acount/") })
        let range = try #require(lines[index].range(of: "href=\"../category/acount/\""))
        return (index + 1, lines[index].distance(from: lines[index].startIndex, to: range.lowerBound) + 1)
    }

    @Test("a clean site and content: exit 0 and a one-line summary")
    func clean() throws {
        let content = try Self.builtSite()
        defer { content.remove() }
        let result = try CommandRunner.run(["validate"], in: content.directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "validate: 22 pages, 4 articles: no findings\n")
        #expect(result.standardError.isEmpty)
    }

    @Test("findings: exit 1, compiler-style lines with the rule on stderr, a summary on stdout")
    func findings() throws {
        let content = try Self.builtSite()
        defer { content.remove() }
        let at = try Self.breakLink(in: content)
        let result = try CommandRunner.run(["validate", "site"], in: content.directory)
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "\(Self.article):\(at.line):\(at.column): error: ../category/acount/ leads to en/category/acount/, which is not in the site [broken-link]\n")
        #expect(result.standardOutput == "validate: 22 pages, 4 articles: 1 error, 0 warnings in 1 file\n")
    }

    @Test("content that build would refuse is a content-build finding at build's position")
    func buildRules() throws {
        let content = try Self.builtSite()
        defer { content.remove() }
        try content.write("fr/lien.md", frenchArticle(id: "lien", body: "Voir [](./target.md) ici.\n"))
        let result = try CommandRunner.run(["validate", "--fail-on", "error"], in: content.directory)
        #expect(result.status == 1)
        #expect(result.standardError.contains(
            "content/fr/lien.md:8:6: error: link to './target.md' matches no article of the content; fix the path (relative to this file) [content-build]\n"),
            "\(result.standardError)")
    }

    @Test("no site folder, or no content: exit 2 with what to do")
    func unreadable() throws {
        let content = try BuildCommandTests.seededContent()
        defer { content.remove() }
        let noSite = try CommandRunner.run(["validate", "public"], in: content.directory)
        #expect(noSite.status == 2)
        #expect(noSite.standardError.contains("public: no such folder, or it cannot be read; build the site first"))
        let noContent = try CommandRunner.run(["validate", "--content", "nowhere"], in: content.directory)
        #expect(noContent.status == 2)
    }

    @Test("--format json: counts and each finding with rule, severity, file, line and column")
    func json() throws {
        let content = try Self.builtSite()
        defer { content.remove() }
        let at = try Self.breakLink(in: content)
        let result = try CommandRunner.run(["validate", "--format", "json"], in: content.directory)
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(document["pages"] as? Int == 22)
        #expect(document["articles"] as? Int == 4)
        #expect(document["errors"] as? Int == 1)
        let finding = try #require((document["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "broken-link")
        #expect(finding["severity"] as? String == "error")
        #expect(finding["file"] as? String == Self.article)
        #expect(finding["line"] as? Int == at.line)
        #expect(finding["column"] as? Int == at.column)
    }

    @Test("--format junit: well-formed XML, a test case per page and per article, the broken page failing")
    func junit() throws {
        let content = try Self.builtSite()
        defer { content.remove() }
        _ = try Self.breakLink(in: content)
        let result = try CommandRunner.run(["validate", "--format", "junit"], in: content.directory)
        #expect(result.status == 1)
        let collector = JUnitCollector()
        let parser = XMLParser(data: Data(result.standardOutput.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.cases.count == 26)
        #expect(collector.cases.filter { $0.hasPrefix("site/") }.count == 22)
        #expect(collector.cases.filter { $0.hasPrefix("content/") }.count == 4)
        #expect(collector.failed == [Self.article])
    }

    @Test("--format github: a workflow annotation at the file, line and column")
    func github() throws {
        let content = try Self.builtSite()
        defer { content.remove() }
        let at = try Self.breakLink(in: content)
        let result = try CommandRunner.run(["validate", "--format", "github"], in: content.directory)
        #expect(result.status == 1)
        #expect(
            result.standardOutput.hasPrefix(
                "::error file=\(Self.article),line=\(at.line),col=\(at.column),title=helpcenter validate%3A broken-link::../category/acount/ leads to en/category/acount/, which is not in the site\n"))
    }

    @Test("warnings alone (a missing translation) exit 1, and 0 with --fail-on error")
    func failOn() throws {
        let content = try BuildCommandTests.seededContent()
        defer { content.remove() }
        try FileManager.default.removeItem(at: content.root.appendingPathComponent("de/anmeldedaten-aendern-zuruecksetzen.md"))
        #expect(try CommandRunner.run(["build"], in: content.directory).status == 0)
        let strict = try CommandRunner.run(["validate"], in: content.directory)
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("content/fr/modifier-identifiants-connexion.md:2:1: warning: 'login-credentials' has no translation in de"))
        #expect(strict.standardError.contains("[missing-translation]"))
        // The German screenshot is left with no article to show it.
        #expect(strict.standardError.contains("content/de/images/access-rights.png:1:1: warning: image is shown by no article"))
        #expect(strict.standardOutput == "validate: 20 pages, 3 articles: 0 errors, 2 warnings in 2 files\n")
        let lenient = try CommandRunner.run(["validate", "--fail-on", "error"], in: content.directory)
        #expect(lenient.status == 0)
    }
}

extension ValidateCommandTests {
    @Test("--site-only: the site rules alone, from helpcenter.yml; content findings are not looked for")
    func siteOnly() throws {
        let content = try BuildCommandTests.seededContent()
        defer { content.remove() }
        try FileManager.default.removeItem(at: content.root.appendingPathComponent("de/anmeldedaten-aendern-zuruecksetzen.md"))
        #expect(try CommandRunner.run(["build"], in: content.directory).status == 0)
        let at = try Self.breakLink(in: content)
        let everything = try CommandRunner.run(["validate"], in: content.directory)
        #expect(everything.standardError.contains("[missing-translation]"))
        let siteOnly = try CommandRunner.run(["validate", "--site-only"], in: content.directory)
        #expect(siteOnly.status == 1)
        #expect(
            siteOnly.standardError
                == "\(Self.article):\(at.line):\(at.column): error: ../category/acount/ leads to en/category/acount/, which is not in the site [broken-link]\n")
        #expect(siteOnly.standardOutput == "validate: 20 pages, 0 articles: 1 error, 0 warnings in 1 file\n")
    }
}

/// Collects test case names and which of them failed from a JUnit report.
private final class JUnitCollector: NSObject, XMLParserDelegate {
    var cases: [String] = []
    var failed: [String] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "testcase", let caseName = attributes["name"] { cases.append(caseName) }
        if name == "failure", let last = cases.last { failed.append(last) }
    }
}
