import Foundation
import HelpModel

/// The design decisions that make an example differ from cmark on purpose, one per category
/// of `differences.tsv`. Each says exactly what it changes, so the suite checks that a listed
/// example differs by its decisions and by nothing else: a defect cannot hide behind a row.
enum DesignDecision: String, CaseIterable, Sendable {
    /// Raw HTML is never passed through (cmark's safe default); the parser warns and drops it,
    /// where cmark writes `<!-- raw HTML omitted -->`.
    case rawHTML = "raw-html"
    /// A block quote is a note: `<aside class="note note-KIND" role="note">` with its title
    /// (`[!TIP]` and the like choose the kind).
    case note
    /// The model has no thematic break: sections are parted by headings, so `---`, `***` are
    /// dropped where cmark writes `<hr />`.
    case thematicBreak = "thematic-break"
    /// `#` is refused: the title comes from front matter.
    case titleHeading = "title-heading"
    /// A heading inside a list item or a block quote is refused.
    case headingInBlock = "heading-in-block"
    /// An ordered list is a procedure, and each step starts with a sentence: an item starting
    /// with anything else (nothing, code, a list) is refused.
    case stepStart = "step-start"
    /// A relative `.md` link names an article of the content, or the build is refused.
    case articleLink = "article-link"

    /// Whether the decision changes the rendering or refuses the article.
    var outcome: DifferenceTable.Outcome {
        switch self {
        case .rawHTML, .note, .thematicBreak: .differs
        default: .refused
        }
    }

    /// Undoes the decision on two normalised renderings (ours, cmark's), so that what is left
    /// must be equal.
    func undo(ours: String, cmark: String) -> (String, String) {
        switch self {
        case .rawHTML: (ours, cmark.replacingOccurrences(of: "<!-- raw HTML omitted -->", with: ""))
        case .thematicBreak: (ours, cmark.replacingOccurrences(of: "<hr>", with: ""))
        case .note: (Self.blockQuotes(ours), cmark)
        default: (ours, cmark)
        }
    }

    /// Words of the error a refusing decision gives (the parser's or the build's); nil for the
    /// decisions that render.
    var error: String? {
        switch self {
        case .titleHeading: "'#' headings are not allowed"
        case .headingInBlock: "a heading inside a list or note is not allowed"
        case .stepStart: "must start with a sentence"
        case .articleLink: "matches no article of the content"
        default: nil
        }
    }

    /// Our notes written back as cmark's block quotes.
    private static func blockQuotes(_ html: String) -> String {
        var text = html
        for kind in Note.Kind.allCases {
            while let start = text.range(of: "<aside class=\"note note-\(kind.rawValue)\" role=\"note\"><p class=\"note-title\">"),
                let end = text.range(of: "</p>", range: start.upperBound..<text.endIndex)
            {
                text.replaceSubrange(start.lowerBound..<end.upperBound, with: "<blockquote>")
            }
        }
        return text.replacingOccurrences(of: "</aside>", with: "</blockquote>")
    }
}
