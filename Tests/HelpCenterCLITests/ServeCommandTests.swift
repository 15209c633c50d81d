import Foundation
import Testing
import TestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("helpcenter serve")
struct ServeCommandTests {
    /// `helpcenter serve --port 0` in a copy of the seed content, until the test ends.
    final class Serving {
        let content: TemporaryContent
        let process = Process()
        let lines: LineReader
        let base: URL
        let engine: URL

        init(_ arguments: [String] = []) throws {
            content = try BuildCommandTests.seededContent()
            process.executableURL = CommandRunner.executable
            process.arguments = ["serve", "--port", "0", "--feedback-database", "votes.sqlite"] + arguments
            process.currentDirectoryURL = content.directory
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            lines = LineReader(output.fileHandleForReading)
            do {
                let serving = try #require(lines.next(containing: "serving http://", within: 60))
                base = try #require(URL(string: String(serving.dropFirst("serving ".count))))
                let engineLine = try #require(lines.next(containing: "account engine (test mode): http://", within: 5))
                engine = try #require(URL(string: String(engineLine.split(separator: " ")[4])))
                _ = try #require(lines.next(containing: "watching content/", within: 60))
            } catch {
                process.terminate()
                process.waitUntilExit()
                content.remove()
                throw error
            }
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
            content.remove()
        }

        func get(_ path: String, from origin: URL? = nil) async throws -> (status: Int, body: String) {
            let (data, response) = try await URLSession.shared.data(from: URL(string: path, relativeTo: origin ?? base)!)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        func edit(_ file: String, _ change: (String) -> String) throws {
            let url = content.root.appendingPathComponent(file)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test("bad serve options are usage errors: exit 2, message on stderr", arguments: [
        ["serve", "--port", "70000"], ["serve", "--engine-port=-1"],
    ])
    func badOptions(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.contains("must be between 0 and 65535"), "\(result.standardError)")
    }

    @Test("a database folder that cannot be made: exit 2, naming it, before anything is served", arguments: [
        "--engine-database", "--feedback-database",
    ])
    func databaseFolderRefused(option: String) throws {
        let result = try CommandRunner.run(["serve", "--port", "0", option, "/dev/null/helpcenter/votes.sqlite"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("cannot create /dev/null/helpcenter/"), "\(result.standardError)")
        #expect(!result.standardOutput.contains("serving"))
    }

    @Test("serves the built site with live reload, rebuilds an edit, shows a failed build on the page, runs the engine")
    func servesAndRebuilds() async throws {
        let serving = try Serving()
        // The collector opens before the first build writes its article list: that is no news.
        #expect(serving.lines.received.filter { $0.contains("feedback") && !$0.contains("feedback report:") } == [])
        // The engine keeps its state beside the votes, not in a temporary file left behind.
        let build = serving.content.directory.appendingPathComponent(".build")
        #expect(FileManager.default.fileExists(atPath: build.appendingPathComponent("serve-engine.sqlite").path))
        let page = try await serving.get("fr/modifier-identifiants-connexion/")
        #expect(page.status == 200)
        #expect(page.body.contains("<script src=\"/_serve/live.js\" defer></script></head>"))
        #expect(page.body.contains("Voici la procédure à suivre"))
        #expect(try await serving.get("fr/sign-in", from: serving.engine).body.contains("Nom d&#39;utilisateur"))

        // The collector is mounted at the site's feedback-endpoint, on the site's own origin.
        var vote = URLRequest(url: URL(string: "feedback", relativeTo: serving.base)!)
        vote.httpMethod = "POST"
        vote.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        vote.setValue("application/json", forHTTPHeaderField: "Accept")
        vote.setValue("http://\(serving.base.host!):\(serving.base.port!)", forHTTPHeaderField: "Origin")
        vote.httpBody = Data("article=login-credentials&locale=de&vote=no&website=".utf8)
        let (_, voted) = try await URLSession.shared.data(for: vote)
        #expect((voted as? HTTPURLResponse)?.statusCode == 201)
        let report = try await serving.get("_serve/feedback")
        #expect(report.body.contains("<td>de</td><td>0</td><td>1</td>"), "\(report.body)")
        let csv = try CommandRunner.run(["feedback", "report", "--database", "votes.sqlite", "--format", "csv"], in: serving.content.directory)
        #expect(csv.standardOutput.contains("login-credentials,de,"), "\(csv.standardOutput)")

        try serving.edit("fr/modifier-identifiants-connexion.md") {
            $0.replacingOccurrences(of: "Voici la procédure à suivre", with: "Voici la marche à suivre")
        }
        let rebuilt = serving.lines.next(containing: "rebuilt in", within: 30)
        // The page, its search results bucket and manifest, and the term file of the changed words: no other page.
        #expect(rebuilt?.contains(" written") == true && rebuilt?.contains("(fr/modifier-identifiants-connexion/index.html, fr/search/") == true, "\(rebuilt ?? "nothing")")
        #expect(rebuilt?.contains(".html") == true && rebuilt?.components(separatedBy: ".html").count == 2, "one page rewritten: \(rebuilt ?? "nothing")")
        #expect(try await serving.get("fr/modifier-identifiants-connexion/").body.contains("Voici la marche à suivre"))

        try serving.edit("fr/modifier-identifiants-connexion.md") { $0 + "\nVoir [ailleurs](absent.md).\n" }
        let error = serving.lines.next(containing: "error: link to 'absent.md'", within: 30)
        #expect(error?.contains("content/fr/modifier-identifiants-connexion.md:") == true, "\(error ?? "nothing")")
        #expect(serving.lines.next(containing: "rebuild failed: site/ was left as it was", within: 5) != nil)
        let failed = try await serving.get("fr/")
        #expect(failed.body.contains("class=\"helpcenter-preview-errors\""))
        #expect(failed.body.contains("link to &#39;absent.md&#39; matches no article"))
        #expect(try await serving.get("fr/modifier-identifiants-connexion/").body.contains("Voici la marche à suivre"), "the last good site stays")
    }

    @Test("SIGTERM stops it, even when started by a parent that blocks the signal (as this test runner does)")
    func stopsOnSIGTERM() throws {
        let serving = try Serving()
        serving.process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while serving.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!serving.process.isRunning)
        #expect(serving.process.terminationReason == .uncaughtSignal && serving.process.terminationStatus == SIGTERM)
    }

    @Test("a port already taken: exit 2 and a message that names it")
    func portTaken() throws {
        let first = try Serving()
        let port = try #require(first.base.port)
        let second = try CommandRunner.run(["serve", "--port", "\(port)"], in: first.content.directory)
        #expect(second.status == 2)
        #expect(second.standardError.contains("cannot serve on 127.0.0.1:\(port)"), "\(second.standardError)")
    }
}
