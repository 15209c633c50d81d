import Foundation
import FoundationXML
import Testing
import TestSupport

/// Procedures without a check are never silent: listed at their position in every format,
/// counted in the coverage line, and a failure under `--require-checks`.
@Suite("helpcenter check: coverage")
struct CheckCoverageTests {
    static let fr = "content/fr/modifier-identifiants-connexion.md"

    /// The seed content with the French article's `checks:` taken out: its 5 procedures have none.
    static func contentWithoutChecks() throws -> TemporaryContent {
        let content = try BuildCommandTests.seededContent()
        let url = content.root.appendingPathComponent("fr/modifier-identifiants-connexion.md")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("checks:") }) else {
            Issue.record("the seed article has no checks:")
            return content
        }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix("  -") { end += 1 }
        lines.removeSubrange(start..<end)
        try content.write("fr/modifier-identifiants-connexion.md", lines.joined(separator: "\n"))
        return content
    }

    @Test("human: every unchecked procedure at file:line:column, and the coverage line")
    func human() throws {
        let content = try Self.contentWithoutChecks()
        defer { content.remove() }
        let result = try CommandRunner.run(["check", "--locale", "fr"], in: content.directory)
        #expect(result.status == 0, "\(result.standardError)")
        let unchecked = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("unchecked [fr] ") }
        #expect(unchecked.count == 5)
        #expect(unchecked.first?.hasPrefix("unchecked [fr] \(Self.fr):") == true)
        #expect(unchecked.first?.contains(": \"Comment changer votre mot de passe\" has no check") == true, "\(unchecked)")
        #expect(result.standardOutput.contains("; 5 procedures without checks)"))
        #expect(result.standardOutput.hasSuffix("coverage: procedures checked 0/5, manual steps 0, claims checked 2/2\n"), "\(result.standardOutput)")
    }

    @Test("--require-checks: exit 1, an error at each unchecked procedure; the real content passes it")
    func requireChecks() throws {
        let content = try Self.contentWithoutChecks()
        defer { content.remove() }
        let result = try CommandRunner.run(["check", "--locale", "fr", "--require-checks"], in: content.directory)
        #expect(result.status == 1)
        #expect(result.standardError.contains(
            "\(Self.fr):15:1: error: [fr] Comment changer votre mot de passe: no check runs this procedure"), "\(result.standardError)")
        let real = try CommandRunner.run(["check", "--content", "content", "--require-checks"])
        #expect(real.status == 0, "\(real.standardError)")
    }

    @Test("partial checking: the procedures checks name run, the others are listed; --require-checks fails on exactly those")
    func partialChecks() throws {
        let content = try BuildCommandTests.seededContent()
        defer { content.remove() }
        let url = content.root.appendingPathComponent("fr/modifier-identifiants-connexion.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        // Keep the checks of the first two sections only: the three procedures of 'new-username' have none.
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("{procedure: new-username") }
        try content.write("fr/modifier-identifiants-connexion.md", kept.joined(separator: "\n"))
        let result = try CommandRunner.run(["check", "--locale", "fr"], in: content.directory)
        #expect(result.status == 0, "\(result.standardError)")
        let unchecked = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("unchecked [fr] ") }
        #expect(unchecked.count == 3)
        #expect(unchecked.allSatisfy { $0.contains("Comment créer un nouveau nom d'utilisateur (") }, "\(unchecked)")
        #expect(result.standardOutput.contains("pass [fr] Comment réinitialiser votre mot de passe, locked user"))
        #expect(result.standardOutput.hasSuffix("coverage: procedures checked 2/5, manual steps 0, claims checked 2/2\n"), "\(result.standardOutput)")
        let strict = try CommandRunner.run(["check", "--locale", "fr", "--require-checks"], in: content.directory)
        #expect(strict.status == 1)
        let errors = strict.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 3, "\(strict.standardError)")
        #expect(errors.allSatisfy { $0.contains("no check runs this procedure") })
    }

    @Test("json, junit and github list them: entries, skipped cases with the reason, notices")
    func machineFormats() throws {
        let content = try Self.contentWithoutChecks()
        defer { content.remove() }
        let json = try CommandRunner.run(["check", "--locale", "fr", "--format", "json"], in: content.directory)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let unchecked = try #require(document["uncheckedProcedures"] as? [[String: Any]])
        #expect(unchecked.count == 5)
        #expect(unchecked.first?["procedure"] as? String == "Comment changer votre mot de passe")
        #expect(document["coverage"] as? String == "coverage: procedures checked 0/5, manual steps 0, claims checked 2/2")

        let junit = try CommandRunner.run(["check", "--locale", "fr", "--format", "junit"], in: content.directory)
        let xml = try XMLDocument(data: Data(junit.standardOutput.utf8))
        let skipped = try xml.nodes(forXPath: "//testcase[skipped]")
        #expect(skipped.count == 5)
        let reason = try #require(try xml.nodes(forXPath: "//testcase/skipped/@message").first?.stringValue)
        #expect(reason.contains("has no check"))

        let github = try CommandRunner.run(["check", "--locale", "fr", "--format", "github"], in: content.directory)
        #expect(github.standardOutput.components(separatedBy: "::notice ").count - 1 == 5)
        #expect(github.standardOutput.contains("title=procedure without a check::"))
    }
}
