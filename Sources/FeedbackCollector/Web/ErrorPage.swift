internal import HTMLEscaping
/// The small page a plain form post gets when its vote is refused: self-contained (no script,
/// no style, nothing loaded), in English, every sent string escaped, with a link back to the
/// article when the vote named one.
enum ErrorPage {
    static func render(
        title: String, explanation: String, errors: [FieldError] = [], back: (url: String, title: String)? = nil
    )
        -> String
    {
        var html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(HTMLEscaping.escape(title))</title>
            </head>
            <body>
            <main>
            <h1>\(HTMLEscaping.escape(title))</h1>
            <p>\(HTMLEscaping.escape(explanation))</p>

            """
        if !errors.isEmpty {
            html += "<ul>\n"
            for error in errors {
                html += "<li><strong>\(HTMLEscaping.escape(error.field))</strong>: \(HTMLEscaping.escape(error.message))</li>\n"
            }
            html += "</ul>\n"
        }
        if let back {
            html += "<p><a href=\"\(HTMLEscaping.escape(back.url))\">Back to “\(HTMLEscaping.escape(back.title))”</a></p>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }
}
