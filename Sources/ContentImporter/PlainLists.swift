internal import HelpModel
internal import HelpParser

/// Numbered lists of the source that are no procedure (facts, options, a ranking). Markdown has
/// one numbered list for both, and our build reads every numbered list as steps, so each such
/// list would stop its article. The converted article is parsed as the build will parse it,
/// with the content's phrasebook (``StepReview``); before each list the parser proposes marking
/// (its `plain-list` note: no item reads, none starts with a verb of the phrasebook or holds a
/// **bold** label) the import writes `<!-- list -->`, and the report says where.
enum PlainLists {
    /// - Parameter proposed: the output lines (1-based) the parser proposed the marker before.
    /// - Returns: the text with the markers written, and the line (before marking) of each list marked.
    static func marked(_ text: String, proposed: [Int]) -> (text: String, lines: [Int]) {
        guard !proposed.isEmpty else { return (text, []) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // A list item's own line, found where the note points: anything else is left alone.
        let marked = Set(proposed).sorted().filter { line in
            line >= 1 && line <= lines.count && lines[line - 1].drop { $0 == " " }.first?.isNumber == true
        }
        for line in marked.reversed() {
            let indent = String(lines[line - 1].prefix { $0 == " " })
            lines.insert(contentsOf: [indent + ArticleParser.plainListMarker, ""], at: line - 1)
        }
        return (lines.joined(separator: "\n"), marked)
    }
}

/// What the build's parser says of a converted article's steps, read with the content's
/// phrasebook and the vocabulary the import is writing: the lists to mark as plain lists and
/// the places where a step types into a label no field vocabulary knows.
struct StepReview: Sendable {
    /// Output lines of the lists the parser proposes `<!-- list -->` before.
    var plainLists: [Int] = []
    /// Where each unknown field's label text starts in the article.
    var unknownFields: [SourceLocation] = []

    /// The output lines of the steps that do not read (``ArticleParser/isUnreadStep(_:)``): the
    /// line each error points at, in the step's sentence.
    static func unreadSteps(_ article: ConvertedArticle, locale: String, phrasebook: Phrasebook) -> [Int] {
        diagnostics(article, locale: locale, phrasebook: phrasebook).filter(ArticleParser.isUnreadStep).map(\.location.line)
    }

    init(_ article: ConvertedArticle, locale: String, phrasebook: Phrasebook) {
        for diagnostic in Self.diagnostics(article, locale: locale, phrasebook: phrasebook) {
            if diagnostic.code == ArticleParser.unknownFieldCode { unknownFields.append(diagnostic.location) }
            plainLists += diagnostic.notes.filter { $0.code == ArticleParser.plainListCode }.map(\.location.line)
        }
    }

    /// What the build's parser says of the converted article.
    private static func diagnostics(_ article: ConvertedArticle, locale: String, phrasebook: Phrasebook) -> [Diagnostic] {
        ArticleParser().parse(Array(article.text.utf8), file: article.plan.output, locale: locale, phrasebook: phrasebook).1
    }
}
