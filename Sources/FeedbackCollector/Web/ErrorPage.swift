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
            <title>\(HTMLText.escape(title))</title>
            </head>
            <body>
            <main>
            <h1>\(HTMLText.escape(title))</h1>
            <p>\(HTMLText.escape(explanation))</p>

            """
        if !errors.isEmpty {
            html += "<ul>\n"
            for error in errors {
                html += "<li><strong>\(HTMLText.escape(error.field))</strong>: \(HTMLText.escape(error.message))</li>\n"
            }
            html += "</ul>\n"
        }
        if let back {
            html += "<p><a href=\"\(HTMLText.escape(back.url))\">Back to “\(HTMLText.escape(back.title))”</a></p>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }
}
