import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import PreviewServer
import Testing

/// A small built site in a temporary folder, as `helpcenter build` writes one.
private struct BuiltSite {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")
        let files = [
            "index.html": "<!DOCTYPE html><html lang=\"en\"><head><title>Choose</title></head><body><h1>Choose</h1></body></html>",
            "404.html": "<!DOCTYPE html><html lang=\"fr\"><head><title>Introuvable</title></head><body>racine introuvable</body></html>",
            "fr/index.html": "<!DOCTYPE html><html lang=\"fr\"><HEAD><title>Accueil</title></HEAD><Body class=\"home\"><h1>Accueil</h1></Body></html>",
            "fr/404.html": "<!DOCTYPE html><html lang=\"fr\"><head><title>Page introuvable</title></head><body>page introuvable</body></html>",
            "assets/site.css": "body { color: black; }",
            ".helpcenter-articles.json": "{}",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

private func get(_ client: some TestClientProtocol, _ path: String) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: String) {
    let response = try await client.executeRequest(uri: path, method: .get, headers: [:], body: nil)
    return (response.status, response.headers, String(buffer: response.body))
}

@Suite("helpcenter serve: the preview server")
struct PreviewServerTests {
    @Test("pages are served with the reload script and style added before </head>, other files as they are")
    func servesPages() async throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let preview = PreviewServer(site: site.root.path)
        try await preview.application(port: 0).test(.live) { client in
            let home = try await get(client, "/fr/")
            #expect(home.status == .ok)
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(home.headers[.cacheControl] == "no-store")
            #expect(home.body.contains(
                "<title>Accueil</title><link rel=\"stylesheet\" href=\"/_serve/preview.css\"><script src=\"/_serve/live.js\" defer></script></HEAD>"))
            let css = try await get(client, "/assets/site.css")
            #expect(css.body == "body { color: black; }")
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
            let script = try await get(client, "/_serve/live.js")
            #expect(script.body.contains("new EventSource('/_serve/events')"))
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
        }
    }

    @Test("a folder without its slash redirects; missing files get the locale's 404 page; nothing outside the site or hidden is served")
    func addresses() async throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let secret = site.root.deletingLastPathComponent().appendingPathComponent("secret-\(UUID().uuidString).txt")
        try Data("secret".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        try await PreviewServer(site: site.root.path).application(port: 0).test(.live) { client in
            let folder = try await get(client, "/fr")
            #expect(folder.status == .movedPermanently)
            #expect(folder.headers[.location] == "/fr/")
            let missing = try await get(client, "/fr/nothing-here/")
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("page introuvable"))
            #expect(try await get(client, "/xx/nothing").body.contains("racine introuvable"))
            for path in ["/../\(secret.lastPathComponent)", "/%2e%2e/\(secret.lastPathComponent)", "/fr/%2E%2E/%2E%2E/\(secret.lastPathComponent)",
                         "/.helpcenter-articles.json"] {
                let answer = try await get(client, path)
                #expect(answer.status == .notFound, "\(path)")
                #expect(!answer.body.contains("secret") && !answer.body.contains("{}"), "\(path)")
            }
        }
    }

    @Test("a symbolic link inside the site that resolves outside it is not served; one that stays inside is")
    func symbolicLinks() async throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let outside = site.root.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("secret outside".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try Data("<html><head></head><body>secret index</body></html>".utf8).write(to: outside.appendingPathComponent("index.html"))
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: site.root.appendingPathComponent("passwd").path, withDestinationPath: "/etc/passwd")
        try manager.createSymbolicLink(
            atPath: site.root.appendingPathComponent("fr/secret.txt").path, withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        try manager.createSymbolicLink(atPath: site.root.appendingPathComponent("elsewhere").path, withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: site.root.appendingPathComponent("style.css").path, withDestinationPath: "assets/site.css")
        try await PreviewServer(site: site.root.path).application(port: 0).test(.live) { client in
            for path in ["/passwd", "/fr/secret.txt", "/elsewhere/", "/elsewhere/secret.txt", "/elsewhere/index.html"] {
                let answer = try await get(client, path)
                #expect(answer.status == .notFound, "\(path)")
                #expect(!answer.body.contains("root:") && !answer.body.contains("secret"), "\(path)")
            }
            #expect(try await get(client, "/style.css").body == "body { color: black; }")
        }
    }

    @Test("a request naming another Host (DNS rebinding) gets 403 before any page or mounted route; loopback names do not")
    func rebinding() async throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let preview = PreviewServer(site: site.root.path) { router in
            router.post("/feedback") { _, _ in Response(status: .created) }
        }
        try await preview.application(port: 0).test(.live) { client in
            let port = try #require(client.port)
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            func send(_ path: String, host: String, method: HTTPMethod = .GET) async throws -> (Int, String) {
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
                request.method = method
                request.headers.add(name: "Host", value: host)
                let response = try await http.execute(request, timeout: .seconds(10))
                let body = try await response.body.collect(upTo: 1 << 20)
                return (Int(response.status.code), String(buffer: body))
            }
            let evil = "rebind.evil.example:\(port)"
            for (path, method) in [("/fr/", HTTPMethod.GET), ("/_serve/", .GET), ("/feedback", .POST)] {
                let (status, body) = try await send(path, host: evil, method: method)
                #expect(status == 403, "\(path)")
                #expect(!body.contains("Accueil") && !body.contains("helpcenter serve</h1>"), "\(path)")
            }
            for host in ["localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)"] {
                #expect(try await send("/fr/", host: host).0 == 200, "\(host)")
            }
            #expect(try await send("/feedback", host: "localhost:\(port)", method: .POST).0 == 201)
            try await http.shutdown()
        }
    }

    @Test("while the latest build fails, every page shows its errors, escaped; a good build removes them")
    func errorBanner() async throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let preview = PreviewServer(site: site.root.path)
        try await preview.application(port: 0).test(.live) { client in
            preview.buildFinished(errors: ["content/fr/a.md:3:7: error: link to '<script>alert(1)</script>' matches no article"])
            let page = try await get(client, "/fr/").body
            #expect(page.contains("<Body class=\"home\"><section class=\"helpcenter-preview-errors\" role=\"alert\" lang=\"en\">"))
            #expect(page.contains("The latest build failed with 1 error"))
            #expect(page.contains("content/fr/a.md:3:7: error: link to &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; matches no article"))
            #expect(!page.contains("<script>alert"))
            #expect(try await get(client, "/_serve/").body.contains("The latest build failed"))
            preview.buildFinished(errors: [])
            let fixed = try await get(client, "/fr/").body
            #expect(!fixed.contains("helpcenter-preview-errors"))
            #expect(try await get(client, "/_serve/").body.contains("The latest build succeeded."))
        }
    }

    @Test("an open page hears of every build on /_serve/events, and leaves the list when it closes")
    func liveReloadEvents() async throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let preview = PreviewServer(site: site.root.path)
        try await preview.application(port: 0).test(.live) { client in
            let port = try #require(client.port)
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            do {
                let response = try await http.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/_serve/events"), timeout: .seconds(10))
                #expect(response.headers.first(name: "content-type") == "text/event-stream; charset=utf-8")
                var received = ""
                var tags: [String] = []
                var announced = false
                for try await buffer in response.body {
                    received += String(buffer: buffer)
                    tags = received.split(separator: "\n").filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
                    if tags.count == 1, !announced {
                        announced = true
                        #expect(preview.listeningPages == 1)
                        preview.buildFinished(errors: ["content/fr/a.md:1:1: error: broken"])
                    }
                    if tags.count == 2 { break }
                }
                #expect(received.hasPrefix("retry: 1000\n\nevent: build\ndata: "))
                #expect(tags.count == 2 && tags[0] != tags[1], "\(tags)")
            } catch {
                try await http.shutdown()
                throw error
            }
            try await http.shutdown()
            // The closed connection is noticed on the next build's write at the latest (allow
            // 5 s: beside the whole parallel suite, the event loop may take over 1 s to see it).
            for _ in 0..<250 where preview.listeningPages > 0 {
                preview.buildFinished(errors: [])
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(preview.listeningPages == 0)
        }
    }

    @Test("routes of services mounted beside the site answer first; the preview's own pages are listed on /_serve/")
    func mountedRoutesAndPages() async throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let report = PreviewServer.ExtraPage(path: "/_serve/feedback", title: "Feedback <report>") { "<h1>Votes</h1>" }
        let preview = PreviewServer(
            site: site.root.path, extraPages: [report], links: [("Account engine", "http://127.0.0.1:1/")]
        ) { router in
            router.post("/feedback") { _, _ in Response(status: .created) }
        }
        try await preview.application(port: 0).test(.live) { client in
            let posted = try await client.executeRequest(uri: "/feedback", method: .post, headers: [:], body: nil)
            #expect(posted.status == .created)
            let page = try await get(client, "/_serve/feedback")
            #expect(page.body.contains("<title>Feedback &lt;report&gt;</title>"))
            #expect(page.body.contains("<main class=\"helpcenter-preview\">\n<h1>Votes</h1>"))
            let dashboard = try await get(client, "/_serve/").body
            #expect(dashboard.contains("<a href=\"/_serve/feedback\">Feedback &lt;report&gt;</a>"))
            #expect(dashboard.contains("Account engine: <a href=\"http://127.0.0.1:1/\">"))
        }
    }
}
