internal import Foundation
internal import HTTPTypes
public import Hummingbird
internal import NIOCore
internal import ServedHost

extension FeedbackCollector {
    /// Adds the endpoint to a host application's router: POST at ``FeedbackOptions/path``,
    /// its CORS preflight (OPTIONS), and 405 for GET, HEAD, PUT, PATCH and DELETE there.
    /// The context must know the peer's address: the rate limit is keyed on it.
    public func addRoutes<Context: RequestContext & RemoteAddressRequestContext>(to router: Router<Context>) {
        let path = RouterPath(options.path)
        router.post(path) { request, context in
            try await self.receive(request, from: ClientKey(context.remoteAddress))
        }
        router.on(path, method: .options) { request, _ in
            self.preflight(request)
        }
        for method in [HTTPRequest.Method.get, .head, .put, .patch, .delete] {
            router.on(path, method: method) { _, _ in
                Response(status: .methodNotAllowed, headers: [.allow: "POST, OPTIONS"])
            }
        }
        // `<path>/searches`: the search page reports a query that found nothing.
        let searches = RouterPath(options.path + Self.searchesSuffix)
        router.post(searches) { request, context in
            try await self.receiveSearch(request, from: ClientKey(context.remoteAddress))
        }
        router.on(searches, method: .options) { request, _ in
            self.preflight(request)
        }
    }

    /// Where, below ``FeedbackOptions/path``, the search page posts its misses.
    static let searchesSuffix = "/searches"

    /// Origin, rate limit, content type, size, fields, then the row: each step can refuse,
    /// and only a committed row is answered 201 or 303; a database that is down or too slow
    /// is 503 with `Retry-After`, never 500 and never a request left hanging.
    func receive(_ request: Request, from client: ClientKey) async throws -> Response {
        let (articles, answer, form): (ArticleCatalog, Answer, FormBody)
        switch try await admit(request, from: client) {
        case .refused(let response): return response
        case .admitted(let catalog, let admitted, let body): (articles, answer, form) = (catalog, admitted, body)
        }
        let base = options.redirectBase ?? articles.baseURL ?? ""
        switch Submission.validate(form, catalog: articles, maxComment: options.maxCommentCharacters) {
        case .failure(let rejection):
            return answer.rejected(rejection, base: base)
        case .success(let submission):
            do {
                try await store.insert(VoteRow(submission, at: options.clock()))
            } catch is StorageUnavailable {
                return answer.unavailable()
            }
            return answer.accepted(submission, base: base)
        }
    }

    /// A search that found nothing: the same gate as a vote (origin, rate, type, size), then
    /// its two fields, then the row; 204 once stored.
    func receiveSearch(_ request: Request, from client: ClientKey) async throws -> Response {
        let (articles, answer, form): (ArticleCatalog, Answer, FormBody)
        switch try await admit(request, from: client) {
        case .refused(let response): return response
        case .admitted(let catalog, let admitted, let body): (articles, answer, form) = (catalog, admitted, body)
        }
        switch SearchMiss.validate(form, catalog: articles, at: options.clock()) {
        case .failure(let rejection):
            return answer.rejected(rejection, base: options.redirectBase ?? articles.baseURL ?? "")
        case .success(let miss):
            do {
                try await store.insertMiss(miss)
            } catch is StorageUnavailable {
                return answer.unavailable()
            }
            return answer.stored()
        }
    }

    private enum Admission {
        case refused(Response)
        case admitted(ArticleCatalog, Answer, FormBody)
    }

    /// Origin, rate limit, content type and size, shared by votes and search misses: each can
    /// refuse before anything is stored.
    private func admit(_ request: Request, from client: ClientKey) async throws -> Admission {
        let articles = catalog.current()
        var headers: HTTPFields = [.vary: "Origin"]
        if let origin = request.headers[.origin] {
            guard isAllowed(origin, articles, request: request) else {
                return .refused(Answer(json: request.acceptsJSON, headers: headers).foreignOrigin())
            }
            headers[.accessControlAllowOrigin] = origin
            headers[.accessControlExposeHeaders] = "Retry-After"
        }
        let answer = Answer(json: request.acceptsJSON, headers: headers)
        do {
            if let limiter, case .limited(let seconds) = try await limiter.take(client) {
                return .refused(answer.limited(retryAfter: seconds))
            }
        } catch is StorageUnavailable {
            return .refused(answer.unavailable())
        }
        guard request.isURLEncodedForm else { return .refused(answer.unsupportedType()) }
        if let length = request.declaredLength, length > options.maxBodyBytes {
            return .refused(answer.tooLarge(limit: options.maxBodyBytes))
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: options.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            return .refused(answer.tooLarge(limit: options.maxBodyBytes))
        }
        return .admitted(articles, answer, FormBody(body.readableBytesView))
    }

    /// A browser's CORS preflight: allowed origins learn that they may POST with
    /// `Content-Type` and `Accept`; any other origin gets 403 and no CORS header.
    func preflight(_ request: Request) -> Response {
        guard let origin = request.headers[.origin] else {
            return Response(status: .noContent, headers: [.allow: "POST, OPTIONS"])
        }
        guard isAllowed(origin, catalog.current(), request: request) else {
            return Response(status: .forbidden, headers: [.vary: "Origin"])
        }
        return Response(
            status: .noContent,
            headers: [
                .accessControlAllowOrigin: origin, .accessControlAllowMethods: "POST",
                .accessControlAllowHeaders: "Content-Type, Accept", .accessControlMaxAge: "7200", .vary: "Origin",
            ]
        )
    }

    /// Whether a page of `origin` may post: a page of the host the request was sent to (the
    /// preview, or a site that proxies the collector at its own `/feedback`), one of
    /// ``FeedbackOptions/allowedOrigins``, or the origin of the site's `base-url` when none is
    /// configured. `Origin: null` never is. A browser cannot make a page of another site send
    /// this host's name as its `Origin`, so the same-host rule gives a foreign page nothing —
    /// as long as the host is one this collector is really reached at (``ServedHost``): a DNS
    /// rebinding page sends its own name as both `Host` and `Origin`, and is refused.
    private func isAllowed(_ origin: String, _ articles: ArticleCatalog, request: Request) -> Bool {
        let origin = origin.lowercased()
        let served = configuredOrigins + [articles.baseOrigin].compactMap { $0 }
        if let host = request.head.authority?.lowercased(), ServedHost.isServed(host, origins: served),
            let sent = Origin.of(url: origin), sent == "http://\(host)" || sent == "https://\(host)"
        {
            return true
        }
        if configuredOrigins.isEmpty { return origin == articles.baseOrigin }
        return configuredOrigins.contains(origin)
    }
}
