internal import HTTPTypes
internal import Hummingbird

/// The answers of the endpoint, in the form the client asked for: JSON for `fetch`, a
/// redirect or a small HTML page for a plain form post. Every answer carries `headers`
/// (the CORS ones of an allowed origin) and is never cached.
struct Answer {
    let json: Bool
    let headers: HTTPFields

    /// The vote is stored: 201 for `fetch`; for a form, 303 back to the article with the
    /// fragment the page shows its thanks at (after "No", the one that also offers support).
    func accepted(_ submission: Submission, base: String) -> Response {
        if json { return body(.created, JSONAnswer(ok: true)) }
        let fragment = switch submission.vote {
        case .comment: "feedback-sent"
        case .no: "feedback-unhelpful"
        default: "feedback-thanks"
        }
        var headers = headers
        headers[.location] = ArticleAddress.url(of: submission.article, base: base) + "#" + fragment
        return respond(.seeOther, headers: headers, body: nil)
    }

    func rejected(_ rejection: Rejection, base: String) -> Response {
        if json { return body(.badRequest, JSONAnswer(ok: false, errors: rejection.errors)) }
        let back = rejection.article.map { (url: ArticleAddress.url(of: $0, base: base), title: $0.title) }
        return page(
            .badRequest, "Your feedback was not sent",
            "The form sent something this help center does not accept:", errors: rejection.errors, back: back)
    }

    /// A search miss stored: nothing to show, nothing to follow.
    func stored() -> Response {
        respond(.noContent, headers: headers, body: nil)
    }

    func limited(retryAfter: Int) -> Response {
        var headers = headers
        headers[.retryAfter] = String(retryAfter)
        if json {
            return respond(.tooManyRequests, headers: headers, body: JSONAnswer(ok: false, retryAfter: retryAfter).text)
        }
        let html = ErrorPage.render(
            title: "Too many votes",
            explanation: "Too many votes came from your address; try again in \(retryAfter) seconds.")
        return respond(.tooManyRequests, headers: headers.adding(.contentType, "text/html; charset=utf-8"), body: html)
    }

    /// The database could not store the vote in time: nothing was promised, send it again.
    func unavailable() -> Response {
        var headers = headers
        headers[.retryAfter] = "5"
        if json {
            return respond(.serviceUnavailable, headers: headers, body: JSONAnswer(ok: false, retryAfter: 5).text)
        }
        let html = ErrorPage.render(
            title: "Feedback not stored",
            explanation: "The help center cannot store feedback right now; please send it again in a few seconds.")
        return respond(.serviceUnavailable, headers: headers.adding(.contentType, "text/html; charset=utf-8"), body: html)
    }

    func tooLarge(limit: Int) -> Response {
        failure(.contentTooLarge, field: "body", "The feedback was too long", "A vote is at most \(limit) bytes.")
    }

    func unsupportedType() -> Response {
        failure(
            .unsupportedMediaType, field: "Content-Type", "The feedback was not sent as a form",
            "Votes are sent as application/x-www-form-urlencoded, in UTF-8.")
    }

    func foreignOrigin() -> Response {
        failure(.forbidden, field: "Origin", "Feedback refused", "This page may not send feedback to this help center.")
    }

    private func failure(_ status: HTTPResponse.Status, field: String, _ title: String, _ explanation: String)
        -> Response
    {
        if json { return body(status, JSONAnswer(ok: false, errors: [FieldError(field: field, message: explanation)])) }
        return page(status, title, explanation)
    }

    private func page(
        _ status: HTTPResponse.Status, _ title: String, _ explanation: String, errors: [FieldError] = [],
        back: (url: String, title: String)? = nil
    ) -> Response {
        let html = ErrorPage.render(title: title, explanation: explanation, errors: errors, back: back)
        return respond(status, headers: headers.adding(.contentType, "text/html; charset=utf-8"), body: html)
    }

    private func body(_ status: HTTPResponse.Status, _ answer: JSONAnswer) -> Response {
        respond(status, headers: headers, body: answer.text)
    }

    private func respond(_ status: HTTPResponse.Status, headers: HTTPFields, body: String?) -> Response {
        var headers = headers
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        if body != nil, headers[.contentType] == nil { headers[.contentType] = "application/json; charset=utf-8" }
        if headers[.contentType]?.hasPrefix("text/html") == true {
            headers[.contentSecurityPolicy] =
                "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        }
        return Response(
            status: status, headers: headers,
            body: body.map { ResponseBody(byteBuffer: ByteBuffer(string: $0)) } ?? .init())
    }
}

extension HTTPFields {
    fileprivate func adding(_ name: HTTPField.Name, _ value: String) -> HTTPFields {
        var copy = self
        copy[name] = value
        return copy
    }
}
