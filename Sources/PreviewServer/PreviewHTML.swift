internal import HTMLEscaping

/// The HTML the preview writes itself: the error banner on site pages and its own pages.
/// Every string that comes from content, a build or a reader goes through `HTMLEscaping.escape`.
enum PreviewHTML {
    /// The banner at the top of every page while the latest build has errors: the site below it
    /// is the last one that built.
    static func errorBanner(_ errors: [String]) -> String {
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return "<section class=\"helpcenter-preview-errors\" role=\"alert\" lang=\"en\"><h2>The latest build failed with "
            + count + "; this is the site as it last built. Fix the content and save: the page reloads.</h2><pre>"
            + errors.map(HTMLEscaping.escape).joined(separator: "\n") + "</pre></section>"
    }

    /// A page of the preview itself (the feedback report, the dashboard, "no site yet").
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; base-uri 'none'; object-src 'none'">
        <title>\(HTMLEscaping.escape(title))</title>
        \(PreviewAssets.headTags)
        </head>
        <body>
        <main class="helpcenter-preview">
        \(body)
        </main>
        </body>
        </html>

        """
    }
}
