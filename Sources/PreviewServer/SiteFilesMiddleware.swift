internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import NIOCore
internal import ServedHost

/// Serves the site's files for what no route answered: HTML pages with the preview's script,
/// style and error banner added, other files as they are, the locale's 404 page for the rest.
struct SiteFilesMiddleware: RouterMiddleware {
    typealias Context = PreviewRequestContext
    let pages: SitePages
    let events: BuildEvents

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard request.method == .get || request.method == .head else { throw error }
            return serve(request.uri.path)
        }
    }

    private func serve(_ path: String) -> Response {
        switch pages.resolve(path) {
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file) else { return missing(nil) }
            return respond(data, file: file, status: .ok)
        case .notFound(let page):
            return missing(page)
        }
    }

    private func missing(_ page: String?) -> Response {
        guard let page, let data = FileManager.default.contents(atPath: page) else {
            let body = PreviewHTML.page(
                title: "No site yet", body: "<h1>No site yet</h1>\n<p>The site has not been built; see the errors above or in the terminal.</p>")
            return respond(Data(body.utf8), file: "index.html", status: .notFound)
        }
        return respond(data, file: page, status: .notFound)
    }

    private func respond(_ data: Data, file: String, status: HTTPResponse.Status) -> Response {
        let fileExtension = (file as NSString).pathExtension.lowercased()
        var headers = HTTPFields()
        let type = MediaType.getMediaType(forExtension: fileExtension)
        headers[.contentType] = type.map { $0.isType(.text) || fileExtension == "js" ? "\($0); charset=utf-8" : "\($0)" } ?? "application/octet-stream"
        var bytes = [UInt8](data)
        if fileExtension == "html" { bytes = SitePages.inject(into: bytes, errors: events.errors) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// What every preview response carries: nothing is cached (a rebuilt page is fetched again)
/// and nothing is sniffed.
struct PreviewHeadersMiddleware: RouterMiddleware {
    typealias Context = PreviewRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }
}

/// Answers 403 to a request whose `Host` is not one the preview is reached at (loopback names,
/// IP literals; see ``ServedHost``), before any route: a DNS-rebinding page can then neither
/// read the preview's pages and feedback report nor post votes to the mounted collector.
struct ServedHostMiddleware: RouterMiddleware {
    typealias Context = PreviewRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let authority = request.head.authority, !ServedHost.isServed(authority) {
            return PreviewServer.text(
                "helpcenter serve answers to localhost and IP addresses only, not to the name \(authority).\n",
                type: "text/plain; charset=utf-8", status: .forbidden)
        }
        return try await next(request, context)
    }
}
