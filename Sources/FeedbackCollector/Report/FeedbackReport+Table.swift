extension FeedbackReport {
    /// Aligned plain text for a terminal: one line per article and locale, then the comments.
    /// Control and bidirectional-override characters a reader sent are shown as `�`, so a
    /// comment cannot move the cursor or recolour the terminal; line breaks are shown as `↵`.
    public func table() -> String {
        guard !articles.isEmpty else { return "no articles and no votes\n" }
        let header = ["ARTICLE", "LOCALE", "YES", "NO", "HELPFUL", "COMMENTS", "TITLE"]
        let rows = articles.map { article in
            [
                Self.terminalSafe(article.id), Self.terminalSafe(article.locale), String(article.yes),
                String(article.no),
                article.helpfulness.map(Self.percent) ?? "–", String(article.comments.count),
                Self.terminalSafe(article.title),
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let numeric: Set<Int> = [2, 3, 4, 5]
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                if column == cells.count - 1 { return cell }
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return numeric.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ")
        }
        var text = ([header] + rows).map(line).joined(separator: "\n") + "\n"
        for article in articles where !article.comments.isEmpty {
            text +=
                "\n\(Self.terminalSafe(article.id)) (\(Self.terminalSafe(article.locale))), \(article.comments.count) "
            text += article.comments.count == 1 ? "comment:\n" : "comments:\n"
            for comment in article.comments {
                text += "  \(Self.terminalSafe(comment.date))  \(Self.terminalSafe(comment.text))\n"
            }
        }
        return text
    }

    static func percent(_ ratio: Double) -> String {
        "\(Int((ratio * 100).rounded()))%"
    }

    static func terminalSafe(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result.append(contentsOf: " ↵ ".unicodeScalars)
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
