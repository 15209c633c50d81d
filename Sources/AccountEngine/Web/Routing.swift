internal import HTTPTypes
internal import Hummingbird

/// Who may open a page.
enum Audience {
    case anyone, signedIn, administrator
}

extension AccountEngine {
    typealias PageHandler = @Sendable (Request, BasicRequestContext, Visit) async throws -> Response
    typealias FormHandler = @Sendable (Request, BasicRequestContext, Visit, FormData) async throws -> Response

    /// A GET page under `/{locale}/`. Signed-out visitors of private pages go to sign-in;
    /// signed-in users who are not administrators get 403 on administrative pages. A write the
    /// database could not take in time (``StoreBusy``) is the localized 503 page.
    func page(_ router: Router<BasicRequestContext>, _ path: String, for audience: Audience = .anyone, _ handler: @escaping PageHandler) {
        router.get(":locale\(path)") { request, context in
            let visit = try await self.visit(request, context)
            if let refusal = self.refusal(visit, audience) { return refusal }
            do {
                return try await handler(request, context, visit)
            } catch is StoreBusy {
                return self.unavailable(visit)
            }
        }
    }

    /// A POST action under `/{locale}/`: a browser's word that the form comes from another site
    /// (``isCrossSite(_:)``) is a 403 first, then the CSRF token is checked, then the audience,
    /// then the handler runs with the decoded form.
    func action(_ router: Router<BasicRequestContext>, _ path: String, for audience: Audience = .anyone, _ handler: @escaping FormHandler) {
        router.post(":locale\(path)") { request, context in
            let visit = try await self.visit(request, context)
            if self.isCrossSite(request) { return self.crossSite(visit) }
            let form = try await FormData.read(request)
            guard self.csrfIsValid(form, visit) else { return self.formExpired(visit) }
            if let refusal = self.refusal(visit, audience) { return refusal }
            do {
                return try await handler(request, context, visit, form)
            } catch is StoreBusy {
                return self.unavailable(visit)
            }
        }
    }

    /// Whether a browser says the request comes from a page of another site: `Sec-Fetch-Site`
    /// other than `same-origin` or `none` (typed by the person), or, from a browser too old to
    /// send that header, an `Origin` that is neither the public origin nor the host the request
    /// was sent to. `Sec-Fetch-Site` decides when present: under this engine's
    /// `Referrer-Policy: no-referrer`, Chromium sends `Origin: null` with every same-origin form,
    /// which the `Origin` rule alone would refuse. Defence in depth beside `SameSite=Lax` and
    /// the CSRF token; clients that send neither header (the checker, curl) are not concerned.
    func isCrossSite(_ request: Request) -> Bool {
        if let name = Self.secFetchSite, let site = request.headers[name]?.lowercased() {
            return site != "same-origin" && site != "none"
        }
        guard let origin = request.headers[.origin]?.lowercased() else { return false }
        let own = publicOrigin.lowercased()
        if origin == own || origin + "/" == own { return false }
        let hostField = request.headers.first { $0.name.canonicalName == "host" }?.value
        guard let host = (request.head.authority ?? hostField)?.lowercased() else { return true }
        return origin != "http://\(host)" && origin != "https://\(host)"
    }

    private static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")

    private func refusal(_ visit: Visit, _ audience: Audience) -> Response? {
        switch audience {
        case .anyone: return nil
        case .signedIn, .administrator:
            guard let session = visit.session else { return redirect("/\(visit.locale.rawValue)/sign-in") }
            if audience == .administrator, !session.isAdministrator { return forbidden(visit) }
            return nil
        }
    }

    /// `/{locale}` followed by `path`, for links and redirects.
    func href(_ visit: Visit, _ path: String) -> String {
        "/\(visit.locale.rawValue)\(path)"
    }
}
