internal import HelpModel

/// cmark's syntax tree copied into Swift values, so no C pointer outlives the parse.
struct MarkdownNode {
    enum Kind {
        case document
        case blockQuote
        /// `tight` is cmark's `cmark_node_get_list_tight`: no blank line between or inside items.
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(url: String, title: String)
        case image(url: String, title: String)
        case unknown(String)
    }

    var kind: Kind
    var range: SourceRange
    var children: [MarkdownNode] = []
}
