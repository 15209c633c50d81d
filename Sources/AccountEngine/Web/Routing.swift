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

    /// A POST action under `/{locale}/`: the CSRF token is checked before anything else, then
    /// the audience, then the handler runs with the decoded form.
    func action(_ router: Router<BasicRequestContext>, _ path: String, for audience: Audience = .anyone, _ handler: @escaping FormHandler) {
        router.post(":locale\(path)") { request, context in
            let visit = try await self.visit(request, context)
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
