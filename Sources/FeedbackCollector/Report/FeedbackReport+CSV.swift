internal import Foundation

extension FeedbackReport {
    /// RFC 4180 CSV (CRLF line ends, quotes doubled) for a spreadsheet: one `votes` row per
    /// article and locale, then one `comment` row per comment, under one header.
    ///
    /// A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
    /// `'`, so a spreadsheet shows a comment such as `=HYPERLINK(…)` instead of running it.
    public func csv() -> String {
        var lines = [["kind", "article", "locale", "title", "yes", "no", "helpfulness", "date", "comment"]]
        for article in articles {
            let helpfulness = article.helpfulness.map { String(($0 * 1000).rounded() / 1000) } ?? ""
            lines.append([
                "votes", Self.text(article.id), Self.text(article.locale), Self.text(article.title),
                String(article.yes),
                String(article.no), helpfulness, "", "",
            ])
        }
        for article in articles {
            for comment in article.comments {
                lines.append([
                    "comment", Self.text(article.id), Self.text(article.locale), Self.text(article.title), "", "", "",
                    Self.text(comment.date), Self.text(comment.text),
                ])
            }
        }
        return lines.map { $0.map(Self.quoted).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A text cell defused for spreadsheets.
    static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }

    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return cell
        }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
