import Foundation
import FoundationXML
import Testing
import TestSupport

@Suite("helpcenter check")
struct CheckCommandTests {
    static let fr = "content/fr/modifier-identifiants-connexion.md"

    /// The seed content with the French article's first **Compte** misspelt: one procedure fails.
    static func driftedContent() throws -> TemporaryContent {
        let content = try BuildCommandTests.seededContent()
        let url = content.root.appendingPathComponent("fr/modifier-identifiants-connexion.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let broken = text.replacingOccurrences(
            of: "2. Cliquez sur **Compte** puis sur **Modifier le mot de passe**.",
            with: "2. Cliquez sur **Comptes** puis sur **Modifier le mot de passe**.")
        try content.write("fr/modifier-identifiants-connexion.md", broken)
        return content
    }

    @Test("an unreachable --target exits 2 with what to do, before running anything")
    func unreachableTarget() throws {
        let result = try CommandRunner.run(["check", "--target", "http://127.0.0.1:9"])
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix(
            "error: cannot reach the engine at http://127.0.0.1:9: connection refused; start one with 'helpcenter engine --test-mode"),
            "\(result.standardError)")
    }

    @Test("bad options are usage errors: exit 2", arguments: [
        ["check", "--target", "ftp://x"], ["check", "--jobs", "0"], ["check", "--repeat", "0"], ["check", "--content", "/nonexistent"],
    ])
    func usageErrors(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(!result.standardError.isEmpty)
    }

    @Test("the real content passes: exit 0, one line per procedure and claim, then a summary")
    func realContentPasses() throws {
        let result = try CommandRunner.run(["check", "--content", "content"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        // 140 results, 8 manual steps, summary, coverage.
        #expect(lines.count == 150)
        #expect(lines.contains("pass [fr] Comment changer votre mot de passe — \(Self.fr)"))
        #expect(lines[148].hasPrefix(
            "check: 140 passed, 0 failed (76 procedure runs, 64 claim checks in 4 locales; 8 manual steps not run) in "))
        #expect(lines.last == "coverage: procedures checked 68/68, manual steps 8, claims checked 64/64")
        #expect(result.standardError.isEmpty)
    }

    @Test("--locale de alone runs the German procedures with their French source's checks, and only them")
    func oneTranslatedLocale() throws {
        let result = try CommandRunner.run(["check", "--content", "content", "--locale", "de", "--require-checks"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let runs = lines.filter { $0.hasPrefix("pass ") || $0.hasPrefix("FAIL ") }
        #expect(runs.count == 35, "19 procedure runs and 16 claims: \(runs.count)")
        #expect(runs.allSatisfy { $0.contains("[de]") })
        #expect(lines.last == "coverage: procedures checked 17/17, manual steps 2, claims checked 16/16", "\(lines.last ?? "")")
    }

    @Test("--format json: every result with its status, and the failure's place")
    func json() throws {
        let content = try Self.driftedContent()
        defer { content.remove() }
        let result = try CommandRunner.run(["check", "--format", "json"], in: content.directory)
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(document["passed"] as? Int == 31)
        #expect(document["failed"] as? Int == 1)
        let results = try #require(document["results"] as? [[String: Any]])
        let failed = results.filter { $0["status"] as? String == "fail" }
        #expect(failed.count == 1)
        let failure = try #require(failed.first?["failure"] as? [String: Any])
        #expect(failure["file"] as? String == Self.fr)
        #expect(failure["line"] as? Int == 23)
        #expect(failure["column"] as? Int == 18)
        #expect((failure["message"] as? String)?.hasPrefix(
            "[fr] Comment changer votre mot de passe: step 2: label \"Comptes\" not on page /fr/ (labels there: ") == true)
    }

    @Test("human output: FAIL line, the failure compiler style on stderr, exit 1")
    func human() throws {
        let content = try Self.driftedContent()
        defer { content.remove() }
        let result = try CommandRunner.run(["check"], in: content.directory)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("FAIL [fr] Comment changer votre mot de passe — \(Self.fr)\n"))
        #expect(result.standardOutput.contains("check: 31 passed, 1 failed"))
        #expect(result.standardError.hasPrefix(
            "\(Self.fr):23:18: error: [fr] Comment changer votre mot de passe: step 2: label \"Comptes\" not on page /fr/ (labels there: \"Extranet partenaires\", \"Accueil\", \"Compte\""),
            "\(result.standardError)")
    }

    @Test("--format github: one ::error annotation at the label, then the summary and the coverage")
    func github() throws {
        let content = try Self.driftedContent()
        defer { content.remove() }
        let result = try CommandRunner.run(["check", "--format", "github"], in: content.directory)
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("::error file=\(Self.fr),line=23,col=18,title=helpcenter check::[fr] Comment changer") == true)
        #expect(lines.last?.hasPrefix("coverage: procedures checked 20/20") == true)
    }

    @Test("--format junit: a suite per locale, a case per procedure and claim, the failure in fr")
    func junit() throws {
        let content = try Self.driftedContent()
        defer { content.remove() }
        let result = try CommandRunner.run(["check", "--format", "junit"], in: content.directory)
        #expect(result.status == 1)
        let document = try XMLDocument(data: Data(result.standardOutput.utf8))
        let suites = try document.nodes(forXPath: "//testsuite")
        #expect(suites.compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }.sorted() == ["de", "en", "es", "fr"])
        #expect(try document.nodes(forXPath: "//testcase").count == 32)
        let failures = try document.nodes(forXPath: "//testsuite[@name='fr']/testcase/failure")
        #expect(failures.count == 1)
    }
}
