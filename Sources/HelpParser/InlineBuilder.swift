internal import HelpModel

/// Turns cmark inline nodes into model ``Inline``s, dropping raw HTML with a warning.
struct InlineBuilder {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Every link and image met, in reading order (``HelpModel/Article/links``).
    var links: [ArticleLink] = []

    mutating func inlines(_ nodes: [MarkdownNode]) -> [Inline] {
        nodes.compactMap { inline($0) }
    }

    private mutating func inline(_ node: MarkdownNode) -> Inline? {
        let kind: Inline.Kind
        switch node.kind {
        case .text(let text): kind = .text(text)
        case .softBreak: kind = .softBreak
        case .lineBreak: kind = .lineBreak
        case .code(let code): kind = .code(code)
        case .emphasis: kind = .emphasis(inlines(node.children))
        case .strong: kind = .strong(inlines(node.children))
        case .link(let url, let title):
            links.append(ArticleLink(destination: url, isImage: false, range: node.range))
            kind = .link(destination: url, title: title, inlines(node.children))
        case .image(let url, let title):
            let alt = inlines(node.children)
            links.append(ArticleLink(destination: url, isImage: true, range: node.range, alt: alt.plainText))
            kind = .image(source: url, title: title, alt: alt)
        case .htmlInline(let html):
            diagnostics.append(.warning(
                "raw HTML '\(html.prefix(40))' is dropped; write Markdown instead", file: file, at: node.range.start))
            return nil
        default:
            return nil
        }
        return Inline(kind, range: node.range)
    }
}
