internal import Foundation
internal import HTTPTypes
internal import Hummingbird

/// The frame of every page: language, title, the menu of a signed-in user ("Compte" and
/// sign-out), the language switcher, and an optional notice or error above the content.
extension AccountEngine {
    func page(
        _ visit: Visit, title: String, status: HTTPResponse.Status = .ok, notice: String? = nil,
        error: String? = nil, _ main: HTML
    ) -> Response {
        let text = visit.text
        let prefix = "/\(visit.locale.rawValue)"
        var menu = HTML.empty
        if visit.session != nil {
            menu = """
                <nav class="menu" aria-label="\(text[.mainMenu])"><ul>\
                <li><a href="\(prefix)/">\(text[.home])</a></li>\
                <li><a href="\(prefix)/account">\(text[.account])</a></li>\
                <li>\(form(visit, action: "\(prefix)/sign-out", "<button type=\"submit\">\(text[.signOut])</button>"))</li>\
                </ul></nav>
                """
        }
        let languages = HTML.join(
            EngineLocale.allCases.filter { $0 != visit.locale }.map { other in
                "<li><a href=\"/\(other.rawValue)\(visit.pathInLocale)\" hreflang=\"\(other.rawValue)\" lang=\"\(other.rawValue)\">\(Self.languageNames[other] ?? other.rawValue)</a></li>"
            }
        )
        let noticeHTML: HTML = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        let errorHTML: HTML = error.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? .empty
        let document: HTML = """
            <!DOCTYPE html>
            <html lang="\(visit.locale.rawValue)"><head><meta charset="utf-8">\
            <meta name="viewport" content="width=device-width, initial-scale=1">\
            <title>\(title) – \(text[.siteName])</title><link rel="stylesheet" href="/assets/engine.css"></head>
            <body><header><p class="brand"><a href="\(prefix)/">\(text[.siteName])</a></p>\(menu)\
            <nav class="languages" aria-label="\(text[.languages])"><ul>\(languages)</ul></nav></header>
            <main><h1>\(title)</h1>\(noticeHTML)\(errorHTML)\(main)</main></body></html>

            """
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: document.rendered))
        )
        if visit.isNewBrowser {
            response.setCookie(cookie(Visit.browserCookie, visit.browserID, maxAge: 365 * 24 * 3600))
        }
        return response
    }

    /// A POST form to `action` carrying the visit's CSRF token.
    func form(_ visit: Visit, action: String, _ content: HTML) -> HTML {
        "<form method=\"post\" action=\"\(action)\"><input type=\"hidden\" name=\"csrf\" value=\"\(visit.csrf)\">\(content)</form>"
    }

    /// A labelled input; the label text is what the articles' phrasebooks call the field.
    func field(
        _ name: String, label: String, type: String = "text", value: String = "", autocomplete: String = "off"
    ) -> HTML {
        """
        <p class="field"><label for="f-\(name)">\(label)</label>\
        <input id="f-\(name)" name="\(name)" type="\(type)" value="\(value)" autocomplete="\(autocomplete)" required></p>
        """
    }

    func submit(_ label: String) -> HTML {
        "<p><button type=\"submit\">\(label)</button></p>"
    }

    /// 303 See Other: the browser follows with a GET, so reloading never re-posts.
    func redirect(_ location: String, setting cookies: [Cookie] = []) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    func notFound(_ visit: Visit) -> Response {
        page(visit, title: visit.text[.notFoundTitle], status: .notFound, "<p>\(visit.text[.notFoundBody])</p>")
    }

    func forbidden(_ visit: Visit) -> Response {
        page(visit, title: visit.text[.forbiddenTitle], status: .forbidden, "<p>\(visit.text[.forbiddenBody])</p>")
    }

    func formExpired(_ visit: Visit) -> Response {
        page(
            visit, title: visit.text[.formExpiredTitle], status: .forbidden,
            "<p>\(visit.text[.formExpiredBody])</p>"
        )
    }

    /// 403 for a form sent from a page of another site (``isCrossSite(_:)``).
    func crossSite(_ visit: Visit) -> Response {
        page(visit, title: visit.text[.crossSiteTitle], status: .forbidden, "<p>\(visit.text[.crossSiteBody])</p>")
    }

    /// 503 with `Retry-After`: the database is busy (its write lock held elsewhere); nothing
    /// was changed, so sending the form again later is safe.
    func unavailable(_ visit: Visit) -> Response {
        var response = page(
            visit, title: visit.text[.unavailableTitle], status: .serviceUnavailable,
            "<p>\(visit.text[.unavailableBody])</p>"
        )
        response.headers[.retryAfter] = "5"
        return response
    }

    static let languageNames: [EngineLocale: String] = [.fr: "Français", .en: "English", .de: "Deutsch", .es: "Español"]
}
