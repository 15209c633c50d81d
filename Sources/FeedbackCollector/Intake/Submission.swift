/// A vote that passed every rule, ready to be stored.
struct Submission: Sendable {
    enum Vote: String, Sendable {
        case yes, no, comment
    }

    let article: CatalogArticle
    let vote: Vote
    /// Only with ``Vote/comment``: the text with CRLF and CR turned into LF, trimmed.
    let comment: String?
}

/// Why a vote was refused: every problem at once, and the article when `article` and `locale`
/// named one (the error page links back to it).
struct Rejection: Error, Sendable {
    let errors: [FieldError]
    let article: CatalogArticle?
}

extension Submission {
    static let fieldNames = ["article", "locale", "vote", "comment", "website"]

    /// Checks every rule on `body` and reports all that fail.
    ///
    /// A yes/no vote may carry an empty `comment` (the form's textarea is always sent) but not a
    /// non-blank one: comments are their own rows (`vote=comment`), and a text sent with the
    /// wrong button is refused rather than silently dropped.
    static func validate(_ body: FormBody, catalog: ArticleCatalog, maxComment: Int) -> Result<Submission, Rejection> {
        var errors = body.problems
        let malformed = body.malformedNames
        let values = body.valuesByName(known: fieldNames, problems: &errors)
        func single(_ name: String) -> String? {
            let sent = values[name] ?? []
            if sent.count > 1 {
                errors.append(FieldError(field: name, message: "sent \(sent.count) times; send it once"))
                return nil
            }
            if sent.isEmpty, name != "comment", name != "website", !malformed.contains(name) {
                errors.append(FieldError(field: name, message: "missing"))
            }
            return sent.first
        }
        let id = single("article")
        let locale = single("locale")
        let voteText = single("vote")
        let commentText = single("comment")
        let website = single("website")

        var article: CatalogArticle?
        if let id, let locale {
            article = catalog.article(id: id, locale: locale)
            if article == nil, catalog.hasArticle(id: id) {
                errors.append(
                    FieldError(
                        field: "locale",
                        message: "article \(FieldError.quoted(id)) has no \(FieldError.quoted(locale)) version"))
            } else if article == nil {
                errors.append(FieldError(field: "article", message: "unknown article \(FieldError.quoted(id))"))
            }
        }
        let vote = voteText.flatMap(Vote.init(rawValue:))
        if voteText != nil, vote == nil {
            errors.append(FieldError(field: "vote", message: "must be yes, no or comment"))
        }
        let comment = commentText.map(normalizedLines)
        let blank = comment?.allSatisfy(\.isWhitespace) ?? true
        if let comment, comment.count > maxComment {
            errors.append(
                FieldError(field: "comment", message: "at most \(maxComment) characters (\(comment.count) sent)"))
        }
        if vote == .comment, blank {
            errors.append(FieldError(field: "comment", message: "a comment is needed with vote=comment"))
        } else if vote == .yes || vote == .no, !blank {
            errors.append(
                FieldError(field: "comment", message: "send a comment with vote=comment, not with a yes or no vote"))
        }
        if let website, !website.isEmpty {
            errors.append(FieldError(field: "website", message: "must be left empty"))
        }

        guard errors.isEmpty, let article, let vote else {
            return .failure(Rejection(errors: errors, article: article))
        }
        let text = vote == .comment ? comment?.trimmingWhitespace : nil
        return .success(Submission(article: article, vote: vote, comment: text))
    }

    /// CRLF and lone CR become LF, as a browser's textarea would already have sent them.
    private static func normalizedLines(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            scalars.append(scalar == "\r" ? "\n" : scalar)
        }
        return String(scalars)
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        let characters = drop { $0.isWhitespace }
        return String(characters.reversed().drop { $0.isWhitespace }.reversed())
    }
}
