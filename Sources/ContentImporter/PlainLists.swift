internal import HelpModel
internal import HelpParser

/// Numbered lists of the source that are no procedure (facts, options, a ranking). Markdown has
/// one numbered list for both, and our build reads every numbered list as steps, so each such
/// list would stop its article. The converted article is parsed as the build will parse it,
/// with the content's phrasebook; before each list the parser proposes marking (its
/// `plain-list` note: no item reads, none starts with a verb of the phrasebook or holds a
/// **bold** label) the import writes `<!-- list -->`, and the report says where.
enum PlainLists {
    /// - Returns: the text with the markers written, and the output line (1-based, before
    ///   marking) of each list marked.
    static func marked(_ text: String, file: String, locale: String, phrasebook: Phrasebook) -> (text: String, lines: [Int]) {
        let (_, diagnostics) = ArticleParser().parse(Array(text.utf8), file: file, locale: locale, phrasebook: phrasebook)
        let proposed = diagnostics.flatMap(\.notes).filter { $0.code == ArticleParser.plainListCode }.map(\.location.line)
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
