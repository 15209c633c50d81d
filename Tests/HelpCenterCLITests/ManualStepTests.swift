import Foundation
import FoundationXML
import Testing
import TestSupport

/// Steps for people only: rendered, never performed by `check`, and listed at their position
/// in every output format, so that nothing goes unverified without anyone seeing it.
@Suite("helpcenter check: manual steps")
struct ManualStepTests {
    /// The seed content with a people-only step in the first French procedure, by phrase and
    /// by marker: the procedure must still pass, the two steps listed, not run.
    static func contentWithManualSteps() throws -> TemporaryContent {
        let content = try BuildCommandTests.seededContent()
        let url = content.root.appendingPathComponent("fr/modifier-identifiants-connexion.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let edited = text.replacingOccurrences(
            of: "4. Cliquez sur **Enregistrer**.\n",
            with: "4. Cliquez sur **Enregistrer**.\n5. Fermez votre navigateur.\n6. Notez la date du changement. <!-- manual -->\n")
        #expect(edited != text)
        try content.write("fr/modifier-identifiants-connexion.md", edited)
        return content
    }

    @Test("human: each manual step listed at file:line:column, the procedure still passes, the summary counts them")
    func human() throws {
        let content = try Self.contentWithManualSteps()
        defer { content.remove() }
        let result = try CommandRunner.run(["check", "--locale", "fr"], in: content.directory)
        #expect(result.status == 0, "\(result.standardError)")
        let file = "content/fr/modifier-identifiants-connexion.md"
        #expect(result.standardOutput.contains(
            "manual [fr] \(file):26:4: step 5 of \"Comment changer votre mot de passe\" is for people only and was not run: \"Fermez votre navigateur.\""))
        #expect(result.standardOutput.contains("manual [fr] \(file):27:4: step 6 of \"Comment changer votre mot de passe\""))
        #expect(result.standardOutput.contains("pass [fr] Comment changer votre mot de passe"))
        #expect(result.standardOutput.contains("; 2 manual steps not run)"), "\(result.standardOutput)")
    }

    @Test("json, junit and github: the manual steps in each, as entries, skipped cases and notices")
    func machineFormats() throws {
        let content = try Self.contentWithManualSteps()
        defer { content.remove() }
        let json = try CommandRunner.run(["check", "--locale", "fr", "--format", "json"], in: content.directory)
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let manual = try #require(document["manual"] as? [[String: Any]])
        #expect(manual.count == 2)
        #expect(manual.first?["line"] as? Int == 26)
        #expect(manual.first?["column"] as? Int == 4)
        #expect(manual.first?["step"] as? Int == 5)
        #expect(manual.first?["sentence"] as? String == "Fermez votre navigateur.")

        let junit = try CommandRunner.run(["check", "--locale", "fr", "--format", "junit"], in: content.directory)
        let xml = try XMLDocument(data: Data(junit.standardOutput.utf8))
        let skipped = try xml.nodes(forXPath: "//testcase[skipped]")
        #expect(skipped.count == 2)
        let reason = try #require(try xml.nodes(forXPath: "//testcase/skipped/@message").first?.stringValue)
        #expect(reason.hasPrefix("content/fr/modifier-identifiants-connexion.md:26:4: step 5 of"))
        #expect(try xml.nodes(forXPath: "//testcase[failure]").isEmpty)

        let github = try CommandRunner.run(["check", "--locale", "fr", "--format", "github"], in: content.directory)
        #expect(github.standardOutput.contains(
            "::notice file=content/fr/modifier-identifiants-connexion.md,line=26,col=4,title=manual step%2C not checked::step 5 of"))
    }
}
