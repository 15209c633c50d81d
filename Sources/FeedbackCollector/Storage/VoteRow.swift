internal import Foundation

/// One row of the `vote` table, as it is written.
struct VoteRow: Sendable {
    let article: String
    let locale: String
    let vote: String
    let comment: String?
    /// ISO-8601 in UTC, to the second (`2026-11-20T09:30:00Z`): sorts as text, reads anywhere.
    let createdAt: String

    init(_ submission: Submission, at date: Date) {
        article = submission.article.id
        locale = submission.article.locale
        vote = submission.vote.rawValue
        comment = submission.comment
        createdAt = date.formatted(Date.ISO8601FormatStyle())
    }
}
