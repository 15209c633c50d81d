import Foundation
import HelpModel
import HelpParser
import SiteValidator
import Testing
import TestSupport

/// Translations of an older version of their source: what changed since, from git history.
@Suite("Content audit: outdated translations")
struct ContentOutdatedTests {
    static let en = "content/en/change-reset-login-credentials.md"
    static let fr = "content/fr/modifier-identifiants-connexion.md"

    /// The warning the English translation gets once the source is at version 2.
    static func englishWarning(_ changes: String) -> String {
        "\(en):6:1: warning: translates version 1 of \(fr), which is now at version 2; \(changes); "
            + "update the translation, then set translates.version to 2\n"
            + "\(fr):6:1: note: the source's version"
    }

    /// Version 2 of the source: step 4 of the first procedure clicks another button, and a section is added.
    static func version2(_ text: String) -> String {
        text.replacingOccurrences(of: "version: 1", with: "version: 2")
            .replacingOccurrences(of: "4. Cliquez sur **Enregistrer**.", with: "4. Cliquez sur **Valider**.")
            + "\n## Comment se déconnecter\n\nCliquez sur votre nom en haut de la page.\n"
    }

    @Test("git history: the warning lists what the source changed since the recorded version")
    func changesFromGit() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.git("init", "--quiet")
        try fixture.git("add", "content")
        try fixture.git("commit", "--quiet", "-m", "version 1")
        try fixture.edit(ContentFixture.source, Self.version2)
        try fixture.git("commit", "--quiet", "-a", "-m", "version 2")

        let findings = try fixture.audit(history: try fixture.gitHistory())
        #expect(findings.count == 3, "en, de and es translate version 1")
        #expect(findings.contains(Self.englishWarning(
            "since version 1 the source changed step 4 of the procedure in \"Comment changer votre mot de passe\", "
                + "added section \"Comment se déconnecter\"")))
    }

    @Test("git history: the newest commit with the recorded version is used, even with later uncommitted edits")
    func newestCommitOfVersion() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.git("init", "--quiet")
        try fixture.git("add", "content")
        try fixture.git("commit", "--quiet", "-m", "version 1")
        // Still version 1: a typo fixed in a step does not change the version.
        try fixture.edit(ContentFixture.source) {
            $0.replacingOccurrences(of: "1. Rendez-vous sur la page de connexion à l’extranet.", with: "1. Connectez-vous à l’extranet.")
        }
        try fixture.git("commit", "--quiet", "-a", "-m", "version 1, edited")
        try fixture.edit(ContentFixture.source) {
            $0.replacingOccurrences(of: "version: 1", with: "version: 2")
                .replacingOccurrences(of: "4. Cliquez sur **Enregistrer**.\n", with: "")
        }

        let findings = try fixture.audit(history: try fixture.gitHistory())
        #expect(findings.contains(Self.englishWarning(
            "since version 1 the source removed step 4 from the procedure in \"Comment changer votre mot de passe\"")))
    }

    @Test("not a git checkout: still outdated, with the reason history is unavailable")
    func notAGitCheckout() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.edit(ContentFixture.source, Self.version2)
        let findings = try fixture.audit(history: try fixture.gitHistory())
        #expect(findings.contains(Self.englishWarning("history unavailable: \(Self.fr) is not in a git checkout")))
    }

    @Test("the recorded version was never committed: history unavailable, saying so")
    func versionNeverCommitted() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.edit(ContentFixture.source, Self.version2)
        try fixture.git("init", "--quiet")
        try fixture.git("add", "content")
        try fixture.git("commit", "--quiet", "-m", "straight to version 2")
        let findings = try fixture.audit(history: try fixture.gitHistory())
        #expect(findings.contains(Self.englishWarning("history unavailable: no commit of \(Self.fr) has 'version: 1'")))
    }

    @Test("no history given: still outdated")
    func noHistory() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.edit(ContentFixture.source, Self.version2)
        let findings = try fixture.audit(history: nil)
        #expect(findings.contains(Self.englishWarning("history unavailable: no source history was given")))
    }

    @Test("the history is asked once per source and version, however many locales translate it")
    func historyAskedOnce() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.edit(ContentFixture.source, Self.version2)
        let history = CountingHistory()
        #expect(try fixture.audit(history: history).count == 3)
        #expect(history.count == 1)
    }

    @Test("a translation recording a version the source never reached")
    func versionAhead() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        try fixture.edit(ContentFixture.english) { $0.replacingOccurrences(of: "  version: 1", with: "  version: 3") }
        #expect(try fixture.audit() == [
            "\(Self.en):6:1: warning: translates version 3 of \(Self.fr), which is only at version 1; "
                + "set translates.version to 1\n"
                + "\(Self.fr):6:1: note: the source's version",
        ])
    }

    @Test("an injected history: an added procedure, or no change in sections and steps")
    func procedureAddedOrNothing() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        let (loader, loaded, _) = try fixture.load()
        // An old text as it was before the source listed its checks.
        let current = Self.withoutChecks(
            try String(contentsOf: fixture.content.root.appendingPathComponent(ContentFixture.source), encoding: .utf8))
        // Version 1 lacked the third procedure of the last section (lines 54 to 58).
        let lines = current.split(separator: "\n", omittingEmptySubsequences: false)
        let withoutProcedure = (lines[..<53] + lines[58...]).joined(separator: "\n")
        let onlyText = current.replacingOccurrences(of: "veuillez suivre", with: "suivez")
        try fixture.edit(ContentFixture.source) { $0.replacingOccurrences(of: "version: 1", with: "version: 2") }
        for (old, changes) in [
            (withoutProcedure, "since version 1 the source added procedure 3 to \"Comment créer un nouveau nom d'utilisateur\""),
            (onlyText, "since version 1 the source changed no section or step, only other text"),
        ] {
            let oldArticle = try #require(loader.parseArticle(text: old, file: "old.md", locale: "fr", in: loaded).0)
            let findings = try fixture.audit(history: FixedHistory(article: oldArticle))
            #expect(findings.contains(Self.englishWarning(changes)), "\(findings)")
        }
    }

    @Test("an injected history: a removed section and an added step are listed")
    func injectedHistory() throws {
        let fixture = try ContentFixture()
        defer { fixture.cleanUp() }
        let (loader, loaded, _) = try fixture.load()
        // Version 1 had a section the source no longer has, one procedure fewer, one step fewer.
        let old = Self.withoutChecks(
            try String(contentsOf: fixture.content.root.appendingPathComponent(ContentFixture.source), encoding: .utf8))
            .replacingOccurrences(of: "3. Saisissez votre nom d'utilisateur, puis cliquez sur **Confirmer**.\n", with: "")
            + "\n## Comment se déconnecter\n\n1. Connectez-vous à l’extranet.\n"
        let oldArticle = try #require(loader.parseArticle(text: old, file: "old.md", locale: "fr", in: loaded).0)
        try fixture.edit(ContentFixture.source) { $0.replacingOccurrences(of: "version: 1", with: "version: 2") }
        let findings = try fixture.audit(history: FixedHistory(article: oldArticle))
        #expect(findings.contains(Self.englishWarning(
            "since version 1 the source added step 3 to the procedure in \"Comment réinitialiser votre mot de passe\", "
                + "removed section \"Comment se déconnecter\"")))
    }
}

extension ContentOutdatedTests {
    /// The source's text without its `checks:` block: the lines the
    /// tests cut were counted in that text, and a text whose procedures differ cannot keep them.
    static func withoutChecks(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("checks:") && !$0.hasPrefix("  - {") }
            .joined(separator: "\n")
    }
}

/// A history that knows one old version.
private struct FixedHistory: SourceHistory {
    let article: Article

    func article(_ source: Article, atVersion version: Int) throws(SourceHistoryUnavailable) -> Article {
        guard version == 1 else { throw SourceHistoryUnavailable("only version 1 is known") }
        return article
    }
}

/// A history that knows no version and counts how often it was asked.
private final class CountingHistory: SourceHistory, @unchecked Sendable {
    private let lock = NSLock()
    private var asked = 0

    var count: Int { lock.withLock { asked } }

    func article(_ source: Article, atVersion version: Int) throws(SourceHistoryUnavailable) -> Article {
        lock.withLock { asked += 1 }
        throw SourceHistoryUnavailable("unknown")
    }
}
