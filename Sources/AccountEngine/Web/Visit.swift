internal import Foundation
internal import Hummingbird

/// One request as the pages see it: its locale and catalog, who is signed in, and the CSRF
/// token its forms carry.
///
/// The CSRF token is the HMAC of the browser cookie (`hc_browser`, random, set on first visit)
/// and the session cookie: a form rendered for one browser and session is refused from any
/// other, and signing in or changing the password (a new session id) voids older forms.
struct Visit: Sendable {
    let locale: EngineLocale
    let text: Catalog
    let session: SessionContext?
    let browserID: String
    let isNewBrowser: Bool
    let csrf: String
    /// The path without the locale, to link the same page in another language.
    let pathInLocale: String

    /// The cookies' names; with `--secure-cookies` they take the `__Host-` prefix
    /// (``AccountEngine/cookieName(_:)``).
    static let browserCookie = "hc_browser"
    static let sessionCookie = "hc_session"
}

extension AccountEngine {
    /// Reads locale, cookies and session of a request; an unknown locale is a 404.
    func visit(_ request: Request, _ context: BasicRequestContext) async throws -> Visit {
        guard let code = context.parameters.get("locale"), let locale = EngineLocale(rawValue: code) else {
            throw HTTPError(.notFound)
        }
        let cookies = request.cookies
        let sessionToken = cookies[cookieName(Visit.sessionCookie)].map { SecretToken(value: $0.value) }
        var session: SessionContext?
        if let sessionToken, sessionToken.isWellFormed {
            session = try await store.session(hash: sessionToken.hash)
        }
        let existingBrowser = cookies[cookieName(Visit.browserCookie)].map { SecretToken(value: $0.value) }
        let browser = existingBrowser.flatMap { $0.isWellFormed ? $0 : nil } ?? SecretToken.random()
        let sessionPart = session != nil ? (sessionToken?.value ?? "") : ""
        let path = request.uri.path
        let prefix = "/\(locale.rawValue)"
        return Visit(
            locale: locale,
            text: catalogs[locale],
            session: session,
            browserID: browser.value,
            isNewBrowser: browser != existingBrowser,
            csrf: signer.sign("csrf|\(browser.value)|\(sessionPart)"),
            pathInLocale: path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : "/"
        )
    }

    /// `name`, or `__Host-name` with `--secure-cookies`.
    func cookieName(_ name: String) -> String {
        options.secureCookies ? "__Host-\(name)" : name
    }

    /// Whether a posted form carries this visit's CSRF token.
    func csrfIsValid(_ form: FormData, _ visit: Visit) -> Bool {
        guard let given = form["csrf"], !visit.isNewBrowser else { return false }
        let expected = Array(visit.csrf.utf8)
        let actual = Array(given.utf8)
        guard expected.count == actual.count else { return false }
        return zip(expected, actual).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A cookie as the engine sets them: `HttpOnly`, `SameSite=Lax`, `Path=/`, no `Domain`;
    /// behind https `Secure` and named `__Host-…`, which browsers accept only so, so a sibling
    /// subdomain or a plain-http page can neither set nor shadow it.
    func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Cookie(
            name: cookieName(name), value: value, maxAge: maxAge, path: "/", secure: options.secureCookies, httpOnly: true,
            sameSite: .lax
        )
    }
}
