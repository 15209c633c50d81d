internal import HelpModel

/// Renders an article's blocks and inlines from the model: procedures as real ordered lists,
/// bold text as UI labels, notes as labelled asides. Every text goes through ``HTMLBuffer/text``.
struct ArticleBodyRenderer {
    let article: Article
    let chrome: Chrome
    let links: LinkResolver
    /// Where the article's first image of the content is: it loads at once, every later one
    /// with `loading="lazy"`.
    var firstImage: SourceLocation?
    /// Says under each procedure a check run proved when it was proven.
    var verified: VerifiedProcedures

    init(article: Article, chrome: Chrome, links: LinkResolver, verified: VerifiedProcedures = VerifiedProcedures(nil)) {
        self.article = article
        self.chrome = chrome
        self.links = links
        self.verified = verified
        firstImage = article.imageInlines.first { inline in
            guard case .image(let source, _, _) = inline.kind else { return false }
            return links.imageFile(source, in: article) != nil
        }?.range.start
    }

    /// A section: its heading, with the anchor the table of contents links to, and its blocks.
    func render(_ section: Section, into html: inout HTMLBuffer) {
        html.raw("<section class=\"article-section\"")
        html.attribute("aria-labelledby", section.anchor)
        html.raw(">\n<h\(section.level)")
        html.attribute("id", section.anchor)
        html.raw(">")
        render(section.title, into: &html)
        html.raw("</h\(section.level)>\n")
        // Procedures are numbered within the section as checks name them.
        var number = 0
        for block in section.blocks {
            render(block, into: &html)
            let procedures = block.procedures
            if case .procedure(let procedure) = block {
                verified.render(procedure, number: number + 1, in: section, of: article, chrome: chrome, into: &html)
            }
            number += procedures.count
        }
        html.raw("</section>\n")
    }

    func render(_ blocks: [Block], into html: inout HTMLBuffer) {
        for block in blocks { render(block, into: &html) }
    }

    func render(_ block: Block, into html: inout HTMLBuffer) {
        switch block {
        case .paragraph(let paragraph):
            html.raw("<p>")
            render(paragraph.content, into: &html)
            html.raw("</p>\n")
        case .procedure(let procedure):
            html.raw("<ol class=\"procedure\"")
            if procedure.start != 1 { html.attribute("start", String(procedure.start)) }
            html.raw(">\n")
            for step in procedure.steps {
                html.raw("<li class=\"step\">")
                renderItem([.paragraph(Paragraph(content: step.sentence, range: step.sentenceRange))] + step.details,
                    tight: procedure.tight, into: &html)
                html.raw("</li>\n")
            }
            html.raw("</ol>\n")
        case .note(let note):
            html.raw("<aside class=\"note note-\(note.kind.rawValue)\" role=\"note\"><p class=\"note-title\">")
            html.text(chrome[ChromeKey.title(of: note.kind)])
            html.raw("</p>\n")
            render(note.blocks, into: &html)
            html.raw("</aside>\n")
        case .list(let list):
            // A numbered list that is not a procedure (`<!-- list -->`): cmark's `<ol>`, no
            // step classes, no verification line.
            if let start = list.start {
                html.raw("<ol")
                if start != 1 { html.attribute("start", String(start)) }
                html.raw(">\n")
            } else {
                html.raw("<ul>\n")
            }
            for item in list.items {
                html.raw("<li>")
                renderItem(item, tight: list.tight, into: &html)
                html.raw("</li>\n")
            }
            html.raw(list.isNumbered ? "</ol>\n" : "</ul>\n")
        case .code(let code):
            html.raw("<pre><code")
            if let language = Self.firstWord(of: code.language) {
                html.attribute("class", "language-\(language)")
            }
            html.raw(">")
            html.verbatim(code.code)
            html.raw("</code></pre>\n")
        case .table(let table):
            render(table, into: &html)
        }
    }

    /// A pipe table as cmark-gfm writes it, with `scope="col"` headers, in a box that scrolls
    /// sideways on a narrow screen (`.table-scroll` in site.css) rather than widening the page.
    /// A column's alignment is a class (`align-center`), not cmark-gfm's `align` attribute,
    /// which HTML5 made obsolete (the W3C validator rejects it), nor an inline style, which
    /// the pages' CSP blocks.
    private func render(_ table: Table, into html: inout HTMLBuffer) {
        html.raw("<div class=\"table-scroll\">\n<table>\n<thead>\n<tr>\n")
        for (column, cell) in table.header.enumerated() {
            html.raw("<th scope=\"col\"")
            alignment(table.alignments[column], into: &html)
            html.raw(">")
            render(cell.content, into: &html)
            html.raw("</th>\n")
        }
        html.raw("</tr>\n</thead>\n")
        if !table.rows.isEmpty {
            html.raw("<tbody>\n")
            for row in table.rows {
                html.raw("<tr>\n")
                for (column, cell) in row.enumerated() {
                    html.raw("<td")
                    alignment(table.alignments[column], into: &html)
                    html.raw(">")
                    render(cell.content, into: &html)
                    html.raw("</td>\n")
                }
                html.raw("</tr>\n")
            }
            html.raw("</tbody>\n")
        }
        html.raw("</table>\n</div>\n")
    }

    private func alignment(_ alignment: Table.Alignment, into html: inout HTMLBuffer) {
        guard alignment != .none else { return }
        html.attribute("class", "align-" + alignment.rawValue)
    }

    /// A list item's blocks as cmark writes them: the paragraphs of a tight list's item lose
    /// their `<p>` (only those directly in the item, not those of a note inside it), and a line
    /// break parts such a paragraph's text from the block after it. cmark decided tightness
    /// (``BulletList/tight``, ``Procedure/tight``); guessing it from the blocks went wrong both
    /// ways.
    private func renderItem(_ blocks: [Block], tight: Bool, into html: inout HTMLBuffer) {
        for (index, block) in blocks.enumerated() {
            guard tight, case .paragraph(let paragraph) = block else {
                render(block, into: &html)
                continue
            }
            render(paragraph.content, into: &html)
            if index < blocks.count - 1 { html.raw("\n") }
        }
    }

    /// The language of a code block: the info string's first word, split at any whitespace as
    /// cmark does (```` ```ruby<tab>startline=3 ```` is `ruby`); nil when there is none.
    static func firstWord(of info: String) -> String? {
        let word = info.unicodeScalars.prefix { !" \t\n\r\u{0B}\u{0C}".unicodeScalars.contains($0) }
        return word.isEmpty ? nil : String(String.UnicodeScalarView(word))
    }

    func render(_ inlines: [Inline], into html: inout HTMLBuffer) {
        render(inlines, inLink: false, into: &html)
    }

    private func render(_ inlines: [Inline], inLink: Bool, into html: inout HTMLBuffer) {
        for inline in inlines { render(inline, inLink: inLink, into: &html) }
    }

    private func render(_ inline: Inline, inLink: Bool, into html: inout HTMLBuffer) {
        switch inline.kind {
        case .text(let text): html.text(text)
        case .softBreak: html.raw("\n")
        case .lineBreak: html.raw("<br>\n")
        case .code(let code):
            html.raw("<code>")
            html.verbatim(code)
            html.raw("</code>")
        case .strong(let children):
            html.raw("<strong class=\"ui-label\">")
            render(children, inLink: inLink, into: &html)
            html.raw("</strong>")
        case .emphasis(let children):
            html.raw("<em>")
            render(children, inLink: inLink, into: &html)
            html.raw("</em>")
        case .link(let destination, let title, let children):
            guard case .url(let href) = links.resolve(destination, in: article) else {
                render(children, inLink: inLink, into: &html)
                return
            }
            html.raw("<a")
            html.address("href", href)
            if !title.isEmpty { html.attribute("title", title, prose: true) }
            html.raw(">")
            render(children, inLink: true, into: &html)
            html.raw("</a>")
        case .image(let source, let title, let alt):
            guard case .url(let src) = links.resolve(source, in: article, isImage: true) else {
                html.text(alt.plainText)
                return
            }
            // An image of the content: its own size (the page keeps its box while it loads),
            // lazy after the first, and a plain link to the full-size file.
            let file = links.imageFile(source, in: article)
            let linked = file != nil && !inLink
            if linked {
                html.raw("<a class=\"image-link\"")
                html.address("href", src)
                html.raw(">")
            }
            html.raw("<img")
            html.address("src", src)
            html.attribute("alt", alt.plainText, prose: true)
            if !title.isEmpty { html.attribute("title", title, prose: true) }
            if let file {
                html.raw(" width=\"\(file.width)\" height=\"\(file.height)\"")
                if inline.range.start != firstImage { html.raw(" loading=\"lazy\"") }
            }
            html.raw(">")
            if linked { html.raw("</a>") }
        }
    }
}
