internal import Foundation

/// A search on the help center that found nothing: what readers looked for and the site does
/// not answer, the docs team's list of articles to write.
///
/// Only the words and the locale are kept: no address, no time finer than the second, nothing
/// that tells one reader from another. The rate limit and the origin rule are the votes'.
struct SearchMiss: Sendable, Equatable {
    /// The longest query kept, in characters: longer ones are refused (no one types more, and
    /// a bot should not fill the table).
    static let maximumLength = 100
    static let fieldNames = ["query", "locale"]

    let locale: String
    /// Trimmed, inner whitespace collapsed to one space, lowercased: "Mot  de Passe" and
    /// "mot de passe" count as one.
    let query: String
    /// ISO-8601 in UTC, to the second, like a vote's.
    let createdAt: String

    /// Checks the form sent by the search page; every problem at once.
    static func validate(_ body: FormBody, catalog: ArticleCatalog, at date: Date) -> Result<SearchMiss, Rejection> {
        var errors = body.problems
        let values = body.valuesByName(known: fieldNames, problems: &errors)
        func single(_ name: String) -> String? {
            let sent = values[name] ?? []
            guard sent.count == 1 else {
                errors.append(FieldError(field: name, message: sent.isEmpty ? "missing" : "sent \(sent.count) times; send it once"))
                return nil
            }
            return sent[0]
        }
        let query = single("query").map(normalized)
        let locale = single("locale")
        if let query {
            if query.isEmpty { errors.append(FieldError(field: "query", message: "empty")) }
            if query.count > maximumLength {
                errors.append(FieldError(field: "query", message: "longer than \(maximumLength) characters"))
            }
        }
        if let locale, !catalog.locales.contains(locale) {
            errors.append(FieldError(field: "locale", message: "not a locale of the site"))
        }
        guard errors.isEmpty, let query, let locale else { return .failure(Rejection(errors: errors, article: nil)) }
        return .success(SearchMiss(locale: locale, query: query, createdAt: date.formatted(Date.ISO8601FormatStyle())))
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ").lowercased()
    }
}

/// One line of `feedback report --searches`: a query that found nothing, how often, and when last.
public struct SearchMissCount: Sendable, Equatable, Codable {
    public let locale: String
    public let query: String
    public let count: Int
    public let last: String
}
