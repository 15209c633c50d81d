internal import HelpModel

/// Turns cmark inline nodes into model ``Inline``s, dropping raw HTML with a warning and naming
/// the syntax of other Markdown tools left in the text (``ForeignSyntax``).
struct InlineBuilder {
    let file: String
    private var ownDiagnostics: [Diagnostic] = []
    private var foreign: ForeignSyntax
    /// Every link and image met, in reading order (``HelpModel/Article/links``).
    var links: [ArticleLink] = []

    init(file: String, source: SourceText? = nil) {
        self.file = file
        foreign = ForeignSyntax(file: file, source: source)
    }

    var diagnostics: [Diagnostic] { ownDiagnostics + foreign.diagnostics }

    /// The inlines of one paragraph, heading, step sentence or table cell.
    /// - Parameter atLineStart: whether the first node starts a line of the file (a cell's does not).
    mutating func inlines(_ nodes: [MarkdownNode], atLineStart: Bool = true) -> [Inline] {
        foreign.scan(nodes, atLineStart: atLineStart)
        return converted(nodes)
    }

    private mutating func converted(_ nodes: [MarkdownNode]) -> [Inline] {
        nodes.compactMap { inline($0) }
    }

    private mutating func inline(_ node: MarkdownNode) -> Inline? {
        let kind: Inline.Kind
        switch node.kind {
        case .text(let text): kind = .text(text)
        case .softBreak: kind = .softBreak
        case .lineBreak: kind = .lineBreak
        case .code(let code): kind = .code(code)
        case .emphasis: kind = .emphasis(converted(node.children))
        case .strong: kind = .strong(converted(node.children))
        case .link(let url, let title):
            links.append(ArticleLink(destination: url, isImage: false, range: node.range))
            kind = .link(destination: url, title: title, converted(node.children))
        case .image(let url, let title):
            let alt = converted(node.children)
            links.append(ArticleLink(destination: url, isImage: true, range: node.range, alt: alt.plainText))
            kind = .image(source: url, title: title, alt: alt)
        case .htmlInline(let html):
            // Quoted on one line: a tag may span lines (`<a\nhref=…>`).
            ownDiagnostics.append(.warning(
                "raw HTML '\(Diagnostic.quote(html, limit: 40))' is dropped; write Markdown instead", file: file, at: node.range.start))
            return nil
        default:
            return nil
        }
        return Inline(kind, range: node.range)
    }
}
