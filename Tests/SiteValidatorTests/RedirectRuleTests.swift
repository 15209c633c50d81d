import Foundation
import HelpModel
import HelpParser
import SiteGenerator
import SiteValidator
import Testing
import TestSupport

/// The `redirect` rule: a page at an old address names its target as canonical, links to it,
/// is `noindex`, and its target exists (`broken-link`).
@Suite("Redirect pages")
struct RedirectRuleTests {
    static let alias = "fr/ancienne-adresse/index.html"

    /// The seed in four locales, the French article with an alias, built into `site/`.
    private func built() throws -> (TemporaryContent, URL, SiteConfiguration) {
        let content = try TemporaryContent()
        for file in ContentFixture.seedFiles { try content.copyRepositoryArticle(file) }
        let path = content.root.appendingPathComponent(ContentFixture.source)
        let text = try String(contentsOf: path, encoding: .utf8)
        try content.write(ContentFixture.source, text.replacingOccurrences(of: "\ncategory:", with: "\naliases: [ancienne-adresse]\ncategory:"))
        let loaded = try ContentLoader(workingDirectory: content.directory.path).load(root: "content")
        let model = try #require(loaded.content, "\(loaded.diagnostics.map(\.formatted))")
        let site = content.directory.appendingPathComponent("site")
        let report = try SiteBuilder(content: model, options: .init(output: site.path, clean: true)).build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        return (content, site, model.configuration)
    }

    private func validate(_ site: URL, _ configuration: SiteConfiguration) throws -> ValidationReport {
        try SiteValidation.run(site: site, displayPath: "site", expectations: SiteExpectations(configuration: configuration))
    }

    private func edit(_ site: URL, replacing old: String, with new: String) throws {
        let url = site.appendingPathComponent(Self.alias)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    @Test("the built alias page passes every rule")
    func clean() throws {
        let (content, site, configuration) = try built()
        defer { content.remove() }
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(Self.alias).path))
        #expect(try validate(site, configuration).lines == [])
    }

    @Test("without its canonical link, its visible link or noindex, the page is a redirect finding")
    func brokenRedirectPage() throws {
        let (content, site, configuration) = try built()
        defer { content.remove() }
        try edit(site, replacing: "<link rel=\"canonical\" href=\"https://help.example.com/fr/modifier-identifiants-connexion/\">", with: "")
        try edit(site, replacing: "<meta name=\"robots\" content=\"noindex\">", with: "")
        let rules = try validate(site, configuration).findings.map(\.rule)
        #expect(rules.filter { $0 == .redirect }.count == 2, "\(rules)")
    }

    @Test("a refresh to a page that does not exist is a broken link")
    func missingTarget() throws {
        let (content, site, configuration) = try built()
        defer { content.remove() }
        try edit(site, replacing: "url=../modifier-identifiants-connexion/", with: "url=../nulle-part/")
        let findings = try validate(site, configuration).findings
        #expect(findings.contains { $0.rule == .brokenLink && $0.diagnostic.file == "site/\(Self.alias)" }, "\(findings.map(\.diagnostic.formatted))")
    }

    @Test("a _redirects line to a page the site does not have is a redirect finding at its target")
    func redirectsFile() throws {
        let (content, site, configuration) = try built()
        defer { content.remove() }
        let url = site.appendingPathComponent("_redirects")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("/fr/ancienne-adresse/ /fr/modifier-identifiants-connexion/ 301\n"))
        try Data(text.replacingOccurrences(of: " /fr/modifier-identifiants-connexion/ ", with: " /fr/ailleurs/ ").utf8).write(to: url)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (lines.firstIndex { $0.hasPrefix("/fr/ancienne-adresse/") } ?? 0) + 1
        #expect(try validate(site, configuration).lines == [
            "redirect site/_redirects:\(line):23 _redirects sends /fr/ancienne-adresse/ to /fr/ailleurs/, which is not a page of the site"
        ])
    }
}
