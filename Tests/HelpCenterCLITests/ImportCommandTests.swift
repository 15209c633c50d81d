import Foundation
import Testing
import TestSupport

@Suite("helpcenter import")
struct ImportCommandTests {
    private static let jekyll = repositoryRoot.appendingPathComponent("Tests/ContentImporterTests/Fixtures/jekyll").path
    private static let mkdocs = repositoryRoot.appendingPathComponent("Tests/ContentImporterTests/Fixtures/mkdocs").path

    /// A working folder whose content/en has the shipped English chrome and phrasebook.
    private func workspace() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-cli-\(UUID().uuidString)")
        let english = directory.appendingPathComponent("content/en")
        try FileManager.default.createDirectory(at: english, withIntermediateDirectories: true)
        for name in ["chrome.yml", "phrasebook.yml"] {
            try FileManager.default.copyItem(at: repositoryContent.appendingPathComponent("en/\(name)"), to: english.appendingPathComponent(name))
        }
        return directory
    }

    @Test("import prints each finding at its source line, exits 1, and the imported Jekyll fixture builds")
    func jekyllImportBuilds() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            ["import", "--from", "jekyll", Self.jekyll, "--content", "content", "--locale", "en", "--updated", "2026-12-01"], in: directory)
        #expect(result.status == 1, "findings to look at")
        #expect(result.standardOutput == "imported 3 articles (1 draft) into content/en/, 3 images copied, 2 labels in en/vocabulary.yml, categories added: account, security; 7 findings in content/import-report.txt\n")
        #expect(result.standardError.contains("\(Self.jekyll)/_articles/security/two-step.md:15:1: warning: <iframe> 'https://www.youtube.com/embed/abc123' cannot be embedded"))
        #expect(result.standardError.hasSuffix("0 errors, 7 warnings\n"))
        let findingLines = result.standardError.split(separator: "\n").dropLast()
        #expect(findingLines.allSatisfy { $0.contains(": warning: ") }, "one line per finding")
        let build = try CommandRunner.run(["build", "--content", "content", "--output", "site"], in: directory)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(build.standardOutput.hasPrefix("built site/ from 2 articles (1 draft left out)"))
        let page = try String(contentsOf: directory.appendingPathComponent("site/en/sync-vault/index.html"), encoding: .utf8)
        #expect(page.contains("<table>"), "the table is a table")
        #expect(page.contains("<aside class=\"note note-tip\" role=\"note\">"), "callouts are notes")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("site/en/sync-now/index.html").path), "redirect_from is an alias")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("site/images/account/sync-menu.png").path))
    }

    @Test("--mark-unread-steps: a step no phrase reads is marked manual and reported, and the article builds")
    func markUnreadSteps() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("source/_articles/vault")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try "---\ntitle: Calibrate\n---\nTo calibrate:\n\n1. Click **Settings**.\n2. Calibrate your flux capacitor with **Knob**.\n"
            .write(to: source.appendingPathComponent("calibrate.md"), atomically: true, encoding: .utf8)
        let importing = ["import", "--from", "jekyll", "source", "--locale", "en", "--updated", "2026-12-01"]
        _ = try CommandRunner.run(importing, in: directory)
        let refused = try CommandRunner.run(["build"], in: directory)
        #expect(refused.status == 1, "as written, the unread step stops the article")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("content/en/vault"))
        let marked = try CommandRunner.run(importing + ["--mark-unread-steps"], in: directory)
        #expect(marked.standardError.contains(
            "source/_articles/vault/calibrate.md:7:1: warning: step written as a step for people (<!-- manual --> at en/vault/calibrate.md:"),
            "\(marked.standardError)")
        let build = try CommandRunner.run(["build"], in: directory)
        #expect(build.status == 0, "\(build.standardError)")
        let page = try String(contentsOf: directory.appendingPathComponent("site/en/calibrate/index.html"), encoding: .utf8)
        #expect(page.contains("Calibrate your flux capacitor with <strong class=\"ui-label\">Knob</strong>."), "the step is on the page")
        #expect(!page.contains("manual -->"), "the marker is not")
    }

    @Test("the imported MkDocs fixture builds")
    func mkdocsImportBuilds() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["import", "--from", "mkdocs", Self.mkdocs, "--locale", "en", "--updated", "2026-12-01"], in: directory)
        #expect(result.status == 1, "\(result.standardError)")
        let build = try CommandRunner.run(["build"], in: directory)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(build.standardOutput.hasPrefix("built site/ from 2 articles (1 draft left out)"))
    }

    @Test("an unknown format is a usage error; a missing source folder exits 2 and writes nothing")
    func badInput() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let format = try CommandRunner.run(["import", "--from", "hugo", Self.jekyll, "--locale", "en"], in: directory)
        #expect(format.status == 2)
        #expect(format.standardError.contains("--from is one of jekyll, mkdocs (got 'hugo')"))
        let missing = try CommandRunner.run(["import", "--from", "jekyll", "nowhere", "--locale", "en"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.standardError == "error: nowhere: no such folder; give the jekyll site's folder as SOURCE_DIR\n")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("content/helpcenter.yml").path))
    }
}
