extension Article {
    /// Every image of the article in reading order (intro, then each section's heading and
    /// blocks; notes, lists, steps and table cells included), as the `.image` inlines.
    public var imageInlines: [Inline] {
        // The parser's list of links says whether there is any image to look for.
        if let links, !links.contains(where: \.isImage) { return [] }
        var found: [Inline] = []
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline.kind {
                case .image: found.append(inline)
                case .strong(let children), .emphasis(let children), .link(_, _, let children): visit(children)
                default: break
                }
            }
        }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let paragraph): visit(paragraph.content)
                case .procedure(let procedure):
                    for step in procedure.steps {
                        visit(step.sentence)
                        visit(step.details)
                    }
                case .note(let note): visit(note.blocks)
                case .list(let list): for item in list.items { visit(item) }
                case .code: break
                case .table(let table): for cell in table.allRows.joined() { visit(cell.content) }
                }
            }
        }
        visit(intro)
        for section in sections {
            visit(section.title)
            visit(section.blocks)
        }
        return found
    }
}
