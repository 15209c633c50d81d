internal import HTMLEscaping
internal import Foundation
internal import HTTPTypes
public import Hummingbird
internal import Logging
internal import NIOCore
internal import ServedHost

/// `helpcenter serve`: the built site on loopback as a static host would serve it, with every
/// page reloading itself when a build finishes and showing the build's errors while it fails.
///
/// The preview knows nothing of how the site is built or what else runs beside it: the command
/// tells it when a build finished (``buildFinished(errors:)``) and hands it extra routes (the
/// feedback collector) and pages (the feedback report).
public final class PreviewServer: Sendable {
    /// A page of the preview's own under `/_serve/`, e.g. the feedback report.
    public struct ExtraPage: Sendable {
        public var path: String
        public var title: String
        public var body: @Sendable () async throws -> String

        /// - Parameter body: HTML for the page's `<main>`, every reader-sent string escaped.
        public init(path: String, title: String, body: @escaping @Sendable () async throws -> String) {
            self.path = path
            self.title = title
            self.body = body
        }
    }

    let pages: SitePages
    let events = BuildEvents()
    let extraPages: [ExtraPage]
    let links: [(String, String)]
    let addRoutes: @Sendable (Router<PreviewRequestContext>) -> Void

    /// - Parameters:
    ///   - site: the folder the build writes.
    ///   - extraPages: pages of the preview's own, listed on `/_serve/`.
    ///   - links: other things running beside the site (label, URL), listed on `/_serve/`.
    ///   - addRoutes: routes of services mounted on the same origin, added before the site's
    ///     files (the feedback collector's `POST /feedback`).
    public init(
        site: String, extraPages: [ExtraPage] = [], links: [(String, String)] = [],
        addRoutes: @escaping @Sendable (Router<PreviewRequestContext>) -> Void = { _ in }
    ) {
        pages = SitePages(root: site.hasSuffix("/") && site.count > 1 ? String(site.dropLast()) : site)
        self.extraPages = extraPages
        self.links = links
        self.addRoutes = addRoutes
    }

    /// A build finished: open pages reload. `errors` (formatted diagnostics) are shown on every
    /// page until a build succeeds; empty means it succeeded.
    public func buildFinished(errors: [String]) {
        events.finished(errors: errors)
    }

    /// Open pages listening for the next build.
    public var listeningPages: Int { events.listenerCount }

    public func router() -> Router<PreviewRequestContext> {
        let router = Router(context: PreviewRequestContext.self)
        router.add(middleware: PreviewHeadersMiddleware())
        router.add(middleware: ServedHostMiddleware())
        addRoutes(router)
        router.get(RouterPath(PreviewAssets.scriptPath)) { _, _ in Self.text(PreviewAssets.script, type: "text/javascript; charset=utf-8") }
        router.get(RouterPath(PreviewAssets.stylePath)) { _, _ in Self.text(PreviewAssets.style, type: "text/css; charset=utf-8") }
        router.get(RouterPath(PreviewAssets.eventsPath)) { [events] _, _ in Self.eventStream(events.subscribe()) }
        router.get("/_serve/") { [self] _, _ in dashboard() }
        for page in extraPages {
            router.get(RouterPath(page.path)) { _, _ in
                Self.text(PreviewHTML.page(title: page.title, body: try await page.body()), type: "text/html; charset=utf-8")
            }
        }
        router.add(middleware: SiteFilesMiddleware(pages: pages, events: events))
        return router
    }

    /// The HTTP application on `host:port` (0 picks a free port); `onListening` gets the URL.
    public func application(
        host: String = "127.0.0.1", port: Int, onListening: @escaping @Sendable (String) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "helpcenter.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        return Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "helpcenter-serve"),
            onServerRunning: { channel in onListening("http://\(host):\(channel.localAddress?.port ?? port)") },
            logger: logger
        )
    }

    /// `text/event-stream`: one `build` event now (the current build) and one per build after,
    /// until the page goes away (the write fails and the stream is dropped).
    static func eventStream(_ tags: AsyncStream<String>) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await tag in tags {
                try await writer.write(ByteBuffer(string: "event: build\ndata: \(tag)\n\n"))
            }
            try await writer.finish(nil)
        })
    }

    static func text(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private func dashboard() -> Response {
        var body = "<h1>helpcenter serve</h1>\n<ul>\n<li><a href=\"/\">The help center</a></li>\n"
        for page in extraPages {
            body += "<li><a href=\"\(HTMLEscaping.escape(page.path))\">\(HTMLEscaping.escape(page.title))</a></li>\n"
        }
        for (label, url) in links {
            body += "<li>\(HTMLEscaping.escape(label)): <a href=\"\(HTMLEscaping.escape(url))\">\(HTMLEscaping.escape(url))</a></li>\n"
        }
        body += "</ul>\n"
        let errors = events.errors
        body += errors.isEmpty
            ? "<p>The latest build succeeded.</p>\n"
            : "<h2>The latest build failed</h2>\n<pre>\(errors.map(HTMLEscaping.escape).joined(separator: "\n"))</pre>\n"
        return Self.text(PreviewHTML.page(title: "helpcenter serve", body: body), type: "text/html; charset=utf-8")
    }
}
