internal import HTMLEscaping
internal import Foundation

extension FeedbackReport {
    /// A fragment for a page of the preview server (`/_serve/feedback`): a table of the votes,
    /// then the comments per article. No script, no style attribute, every string escaped.
    public func html() -> String {
        var html = "<section class=\"feedback-report\">\n<table>\n<thead><tr>"
        for heading in ["Article", "Locale", "Yes", "No", "Helpful", "Comments"] {
            html += "<th scope=\"col\">\(heading)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for article in articles {
            html +=
                "<tr><th scope=\"row\">\(HTMLEscaping.escape(article.title)) <code>\(HTMLEscaping.escape(article.id))</code></th>"
            html += "<td>\(HTMLEscaping.escape(article.locale))</td><td>\(article.yes)</td><td>\(article.no)</td>"
            html += "<td>\(article.helpfulness.map(Self.percent) ?? "–")</td><td>\(article.comments.count)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        let commented = articles.filter { !$0.comments.isEmpty }
        if !commented.isEmpty { html += "<h2>Comments</h2>\n" }
        for article in commented {
            html += "<section class=\"feedback-comments\">\n"
            html += "<h3>\(HTMLEscaping.escape(article.title)) (\(HTMLEscaping.escape(article.locale)))</h3>\n<ul>\n"
            for comment in article.comments {
                let text = HTMLEscaping.escape(comment.text).replacingOccurrences(of: "\n", with: "<br>\n")
                html +=
                    "<li><time datetime=\"\(HTMLEscaping.escape(comment.date))\">\(HTMLEscaping.escape(comment.date))</time>"
                html += "<p>\(text)</p></li>\n"
            }
            html += "</ul>\n</section>\n"
        }
        return html + "</section>\n"
    }
}
