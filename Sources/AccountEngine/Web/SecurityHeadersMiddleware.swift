internal import HTTPTypes
internal import Hummingbird

/// Adds the security headers to every response, and turns a thrown 404 into the localized
/// "page not found" page of the path's locale.
///
/// The CSP allows no script and no inline style; `Referrer-Policy: no-referrer` keeps reset
/// and invitation tokens, which travel in URLs, out of any `Referer` header.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let engine: AccountEngine

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            response = notFoundPage(request)
        }
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        if let name = Self.referrerPolicy { response.headers[name] = "no-referrer" }
        if let name = Self.frameOptions { response.headers[name] = "DENY" }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    private func notFoundPage(_ request: Request) -> Response {
        let first = request.uri.path.split(separator: "/").first.map(String.init) ?? ""
        let locale = EngineLocale(rawValue: first) ?? .fallback
        let text = engine.catalogs[locale]
        let visit = Visit(
            locale: locale, text: text, session: nil, browserID: "", isNewBrowser: false, csrf: "",
            pathInLocale: "/sign-in"
        )
        return engine.page(visit, title: text[.notFoundTitle], status: .notFound, "<p>\(text[.notFoundBody])</p>")
    }

    /// Not among swift-http-types' predefined names; both are valid tokens, so never `nil`.
    private static let referrerPolicy = HTTPField.Name("Referrer-Policy")
    private static let frameOptions = HTTPField.Name("X-Frame-Options")
}
