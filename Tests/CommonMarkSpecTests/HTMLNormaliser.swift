import Foundation

/// What the spec suite forgives when it compares our article body with cmark's HTML, and
/// nothing else: an example equal after this is a cosmetic difference.
///
/// 1. The site's own markup: the `<section class="article-section" …>` around a `##` section,
///    the `id` of a heading (the table of contents' anchor), and the classes that style UI
///    labels and procedures (`ui-label`, `procedure`, `step`).
///    A pipe table's scrolling box (`<div class="table-scroll">` around `<table>`), its
///    headers' `scope="col"`, and a column's alignment as a class (`class="align-right"`)
///    where cmark-gfm writes the attribute HTML5 made obsolete (`align="right"`).
/// 2. Void elements spelled as HTML (`<br>`, `<img …>`) or XHTML (`<br />`, `<img … />`).
/// 3. Whitespace between two tags, and at either end.
enum HTMLNormaliser {
    static func normalised(_ html: String) -> String {
        var text = html
        text = replacing(#"<section class="article-section" aria-labelledby="[^"]*">"#, with: "", in: text)
        text = text.replacingOccurrences(of: "</section>", with: "")
        text = replacing(#"<div class="table-scroll">\s*<table>"#, with: "<table>", in: text)
        text = replacing(#"</table>\s*</div>"#, with: "</table>", in: text)
        text = text.replacingOccurrences(of: "<th scope=\"col\"", with: "<th")
        text = replacing(#"(<t[hd]) class="align-(left|center|right)""#, with: "$1 align=\"$2\"", in: text)
        text = replacing(#"(<h[1-6]) id="[^"]*""#, with: "$1", in: text)
        for siteClass in ["ui-label", "procedure", "step"] {
            text = text.replacingOccurrences(of: " class=\"\(siteClass)\"", with: "")
        }
        text = replacing(#"\s*/>"#, with: ">", in: text)
        text = replacing(#">\s+<"#, with: "><", in: text)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func replacing(_ pattern: String, with template: String, in text: String) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
        let whole = NSRange(text.startIndex..., in: text)
        return expression.stringByReplacingMatches(in: text, range: whole, withTemplate: template)
    }
}
