import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("helpcenter feedback")
struct FeedbackCommandTests {
    static let catalog = """
        {"base-url": "https://help.example.com/", "articles": [
          {"id": "login-credentials", "locale": "fr", "path": "fr/modifier-identifiants-connexion/",
           "title": "Comment modifier ou réinitialiser mes identifiants de connexion ?"}]}
        """

    /// A temporary folder with a site holding only the article list.
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedback-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data(Self.catalog.utf8).write(to: folder.appendingPathComponent("site/.helpcenter-articles.json"))
        return folder
    }

    /// Starts `feedback serve --port 0`, posts `votes` to it as site.js does, and stops it.
    private func collect(_ votes: [String], in folder: URL, database: String = "feedback.sqlite") async throws -> [Int] {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = [
            "feedback", "serve", "--port", "0", "--site", folder.appendingPathComponent("site").path,
            "--database", folder.appendingPathComponent(database).path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 10 {
            line.append(first)
        }
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix("listening on http://127.0.0.1:"))
        let base = try #require(URL(string: String(text.dropFirst("listening on ".count))))
        var statuses: [Int] = []
        for body in votes {
            var request = URLRequest(url: base.appendingPathComponent("feedback"))
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.setValue("application/json", forHTTPHeaderField: "Accept")
            request.setValue("https://help.example.com", forHTTPHeaderField: "Origin")
            request.httpBody = Data(body.utf8)
            let (_, response) = try await URLSession.shared.data(for: request)
            statuses.append((response as? HTTPURLResponse)?.statusCode ?? 0)
        }
        return statuses
    }

    @Test("serve takes votes; report prints them as a table, CSV (formulas defused) and JSON")
    func serveAndReport() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let statuses = try await collect(
            [
                "article=login-credentials&locale=fr&vote=yes", "article=login-credentials&locale=fr&vote=yes",
                "article=login-credentials&locale=fr&vote=no",
                "article=login-credentials&locale=fr&vote=comment&comment=%3DHYPERLINK(%22http%3A%2F%2Fx%22)",
                "article=nope&locale=fr&vote=yes",
            ], in: folder)
        #expect(statuses == [201, 201, 201, 201, 400])
        let database = folder.appendingPathComponent("feedback.sqlite").path
        let site = folder.appendingPathComponent("site").path

        let table = try CommandRunner.run(["feedback", "report", "--database", database, "--site", site])
        #expect(table.status == 0)
        #expect(table.standardOutput.hasPrefix("ARTICLE            LOCALE  YES  NO  HELPFUL  COMMENTS  TITLE\n"))
        #expect(
            table.standardOutput.contains("login-credentials  fr        2   1      67%         1  Comment modifier"))
        #expect(table.standardOutput.contains("=HYPERLINK(\"http://x\")"))

        let csv = try CommandRunner.run([
            "feedback", "report", "--database", database, "--site", site, "--format", "csv",
        ])
        #expect(csv.status == 0)
        #expect(csv.standardOutput.hasPrefix("kind,article,locale,title,yes,no,helpfulness,date,comment\r\n"))
        #expect(csv.standardOutput.contains(",\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"))

        let json = try CommandRunner.run(["feedback", "report", "--database", database, "--format", "json"])
        #expect(json.status == 0)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let articles = try #require(decoded?["articles"] as? [[String: Any]])
        #expect(articles.count == 1)
        #expect(articles[0]["yes"] as? Int == 2)
        #expect(articles[0]["title"] as? String == "login-credentials")
    }

    @Test("report without --database reads what helpcenter serve stored (.build/feedback.sqlite) and says so")
    func defaultDatabase() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".build"), withIntermediateDirectories: true)
        let statuses = try await collect(
            ["article=login-credentials&locale=fr&vote=yes", "article=login-credentials&locale=fr&vote=no"],
            in: folder, database: ".build/feedback.sqlite")
        #expect(statuses == [201, 201])
        let report = try CommandRunner.run(["feedback", "report", "--format", "json"], in: folder)
        #expect(report.status == 0, "\(report.standardError)")
        #expect(report.standardError == "feedback report: read sqlite:.build/feedback.sqlite (2 votes)\n")
        #expect(report.standardOutput.contains("\"yes\" : 1"))

        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("feedback-none-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try CommandRunner.run(["feedback", "report"], in: empty)
        #expect(none.status == 2)
        #expect(none.standardError.hasPrefix("error: no feedback database at .build/feedback.sqlite"))
    }

    @Test("report without the database: exit 2 and an error line")
    func missingDatabase() throws {
        let result = try CommandRunner.run(["feedback", "report", "--database", "/nonexistent/feedback.sqlite"])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("error: no feedback database at /nonexistent/feedback.sqlite"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("a PostgreSQL address where nothing listens stops serve and report at start, naming what to fix")
    func unreachablePostgres() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let address = "postgres://feedback:secret-word@127.0.0.1:9/helpcenter"
        let serve = try CommandRunner.run([
            "feedback", "serve", "--port", "0", "--site", folder.appendingPathComponent("site").path, "--database", address,
        ])
        #expect(serve.status == 2)
        #expect(serve.standardError.contains(
            "nothing answers at 127.0.0.1:9 (connection refused); start PostgreSQL there or fix the host and port in --database"),
            "\(serve.standardError)")
        #expect(!serve.standardError.contains("secret-word"))
        #expect(serve.standardOutput.isEmpty)
        let report = try CommandRunner.run(["feedback", "report", "--database", address])
        #expect(report.status == 2)
        #expect(report.standardError.hasPrefix("error: cannot read the feedback of postgres://feedback@127.0.0.1:9/helpcenter: nothing answers"))
    }

    @Test("an allowed origin with a path is refused before the server starts")
    func badOrigin() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run([
            "feedback", "serve", "--port", "0", "--site", folder.appendingPathComponent("site").path,
            "--database", folder.appendingPathComponent("f.sqlite").path, "--allow-origin",
            "https://help.example.com/fr/",
        ])
        #expect(result.status == 2)
        #expect(
            result.standardError.contains("allowed origin 'https://help.example.com/fr/' is not scheme://host[:port]"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test(
        "bad options are usage errors: exit 2",
        arguments: [
            ["feedback", "serve", "--port", "70000"], ["feedback", "serve", "--votes-per-minute", "-1"],
            ["feedback", "serve", "--redirect-base", "help.example.com"],
            ["feedback", "report", "--format", "xml"], ["feedback", "serve", "--database", "mysql://u@h/db"],
            ["feedback", "serve", "--pool-size", "0"], ["feedback", "report", "--database", "postgres://h:5432/db"],
            ["feedback", "serve", "--rate-limit-scope", "cluster"],
        ])
    func usageErrors(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(!result.standardError.isEmpty)
    }
}
