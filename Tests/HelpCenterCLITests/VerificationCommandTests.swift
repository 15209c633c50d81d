import Foundation
import Testing
import TestSupport

/// `check --format json` records when each procedure passed and what it ran; `build
/// --verification` shows it on the pages, and stops showing it once the steps change.
@Suite("helpcenter build --verification")
struct VerificationCommandTests {
    @Test("check's JSON report → build shows 'Vérifié le …' per proven procedure; an edited step loses it; a bad file is exit 2")
    func checkThenBuild() throws {
        let content = try BuildCommandTests.seededContent()
        defer { content.remove() }
        let check = try CommandRunner.run(["check", "--locale", "fr", "--format", "json"], in: content.directory)
        #expect(check.status == 0, "\(check.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any])
        let results = try #require(document["results"] as? [[String: Any]])
        let first = try #require(results.first)
        #expect(first["procedure"] as? String == "change-password")
        #expect(first["number"] as? Int == 1)
        #expect(first["articleId"] as? String == "login-credentials")
        #expect((first["fingerprint"] as? String)?.isEmpty == false)
        let passedAt = try #require(first["passedAt"] as? String)
        #expect(ISO8601DateFormatter().date(from: passedAt) != nil)
        let report = content.directory.appendingPathComponent("check.json")
        try check.standardOutput.write(to: report, atomically: true, encoding: .utf8)

        let build = try CommandRunner.run(["build", "--verification", report.path], in: content.directory)
        #expect(build.status == 0, "\(build.standardError)")
        let page = content.directory.appendingPathComponent("site/fr/modifier-identifiants-connexion/index.html")
        let today = try String(contentsOf: page, encoding: .utf8)
        #expect(today.components(separatedBy: "class=\"procedure-verified\"").count - 1 == 5)
        #expect(today.contains(">Vérifié le "))
        // fr only was checked: the English page claims nothing.
        let english = try String(contentsOf: content.directory.appendingPathComponent("site/en/change-reset-login-credentials/index.html"), encoding: .utf8)
        #expect(!english.contains("procedure-verified"))

        let file = content.root.appendingPathComponent("fr/modifier-identifiants-connexion.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try content.write("fr/modifier-identifiants-connexion.md", text.replacingOccurrences(of: "4. Cliquez sur **Enregistrer**.", with: "4. Cliquez sur **Valider**."))
        let again = try CommandRunner.run(["build", "--verification", report.path], in: content.directory)
        #expect(again.status == 0, "\(again.standardError)")
        let edited = try String(contentsOf: page, encoding: .utf8)
        #expect(edited.components(separatedBy: "class=\"procedure-verified\"").count - 1 == 4)

        let bad = try CommandRunner.run(["build", "--verification", "nowhere.json"], in: content.directory)
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("cannot read the verification report nowhere.json"))
    }
}
