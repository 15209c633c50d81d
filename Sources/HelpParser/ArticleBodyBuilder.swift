internal import HelpModel

/// Builds an article's intro and sections from its cmark document, reading each procedure step
/// with the locale's phrasebook.
struct ArticleBodyBuilder {
    let file: String
    let phrasebook: Phrasebook?
    private(set) var diagnostics: [Diagnostic] = []
    private var inlineBuilder: InlineBuilder
    private var usedAnchors: Set<String> = []

    init(file: String, phrasebook: Phrasebook?) {
        self.file = file
        self.phrasebook = phrasebook
        inlineBuilder = InlineBuilder(file: file)
    }

    mutating func build(_ document: MarkdownNode) -> (intro: [Block], sections: [Section]) {
        var intro: [Block] = []
        var sections: [Section] = []
        for node in document.children {
            if case .heading(let level) = node.kind {
                if let section = startSection(node, level: level, inSection: !sections.isEmpty) {
                    sections.append(section)
                } else if var last = sections.popLast() {
                    // A rejected heading stays out of the model; keep what follows in the section.
                    last.range.end = node.range.end
                    sections.append(last)
                }
                continue
            }
            guard let block = block(node) else { continue }
            if sections.isEmpty {
                intro.append(block)
            } else {
                sections[sections.count - 1].blocks.append(block)
                sections[sections.count - 1].range.end = block.range.end
            }
        }
        diagnostics += inlineBuilder.diagnostics
        return (intro, sections)
    }

    /// A section for a heading: `##` and `###` are listed by the table of contents, `####` to
    /// `######` part a section further (with anchors, not listed), so they need one to be in.
    private mutating func startSection(_ node: MarkdownNode, level: Int, inSection: Bool) -> Section? {
        if level == 1 {
            diagnostics.append(.error(
                "'#' headings are not allowed: the title comes from front matter; start sections with '##'",
                file: file, at: node.range.start))
            return nil
        }
        if level > Section.deepestTableOfContentsLevel, !inSection {
            let marks = String(repeating: "#", count: level)
            diagnostics.append(.error(
                "a '\(marks)' heading parts a section, and none has started yet; start one with '##' before it",
                file: file, at: node.range.start))
            return nil
        }
        let title = inlineBuilder.inlines(node.children)
        var anchor = Slug.make(title.plainText)
        if usedAnchors.contains(anchor) {
            var number = 2
            while usedAnchors.contains("\(anchor)-\(number)") { number += 1 }
            anchor += "-\(number)"
        }
        usedAnchors.insert(anchor)
        return Section(level: level, anchor: anchor, title: title, blocks: [], headingRange: node.range, range: node.range)
    }

    private mutating func blocks(_ nodes: [MarkdownNode]) -> [Block] {
        nodes.compactMap { block($0) }
    }

    private mutating func block(_ node: MarkdownNode) -> Block? {
        switch node.kind {
        case .paragraph:
            return .paragraph(Paragraph(content: inlineBuilder.inlines(node.children), range: node.range))
        case .list(let ordered, let start, let tight):
            if ordered {
                var procedure = self.procedure(node, start: start)
                procedure.tight = tight
                return .procedure(procedure)
            }
            return .list(BulletList(items: node.children.map { blocks($0.children) }, range: node.range, tight: tight))
        case .blockQuote:
            return .note(note(node))
        case .codeBlock(let info, let literal):
            return .code(CodeBlock(language: info, code: literal, range: node.range))
        case .htmlBlock(let html):
            diagnostics.append(.warning(
                "raw HTML block '\(String(html.prefix(40)).trimmingSpaces)' is dropped; write Markdown instead", file: file,
                at: node.range.start))
            return nil
        case .heading:
            diagnostics.append(.error("a heading inside a list or note is not allowed; move it out", file: file, at: node.range.start))
            return nil
        case .thematicBreak:
            return nil
        default:
            return nil
        }
    }

    private mutating func note(_ node: MarkdownNode) -> Note {
        var children = node.children
        var kind = Note.Kind.note
        // A GitHub-style alert marker, `> [!WARNING]`, on the first line of the quote.
        if let first = children.first, case .paragraph = first.kind, let marker = first.children.first,
            case .text(let text) = marker.kind, text.hasPrefix("[!"), text.hasSuffix("]")
        {
            let name = text.dropFirst(2).dropLast().lowercased()
            if let alert = Note.Kind(rawValue: name) {
                kind = alert
                var paragraph = first
                paragraph.children.removeFirst()
                if let next = paragraph.children.first, case .softBreak = next.kind { paragraph.children.removeFirst() }
                if paragraph.children.isEmpty { children.removeFirst() } else { children[0] = paragraph }
            } else {
                let kinds = Note.Kind.allCases.map { "[!\($0.rawValue.uppercased())]" }.joined(separator: ", ")
                diagnostics.append(.warning("unknown note marker '\(text)'; known: \(kinds)", file: file, at: marker.range.start))
            }
        }
        return Note(kind: kind, blocks: blocks(children), range: node.range)
    }

    private mutating func procedure(_ node: MarkdownNode, start: Int) -> Procedure {
        let steps = node.children.enumerated().compactMap { offset, item in
            step(item, number: start + offset)
        }
        return Procedure(start: start, steps: steps, range: node.range)
    }

    private mutating func step(_ item: MarkdownNode, number: Int) -> Step? {
        guard var first = item.children.first, case .paragraph = first.kind else {
            diagnostics.append(.error(
                "step \(number) must start with a sentence saying what to do", file: file, at: item.range.start))
            return nil
        }
        // `<!-- manual -->` in the sentence: a step for people only, whatever its wording.
        let markedManual = first.children.contains(where: Self.isManualMarker)
        first.children.removeAll(where: Self.isManualMarker)
        let sentence = inlineBuilder.inlines(first.children)
        let details = blocks(Array(item.children.dropFirst()))
        let actions = markedManual ? [.manual] : read(sentence, range: first.range, number: number)
        return Step(sentence: sentence, sentenceRange: first.range, actions: actions, details: details, range: item.range)
    }

    private static func start(of label: Label, or range: SourceRange) -> SourceLocation {
        if case .article(let labelRange) = label.origin { return labelRange.start }
        return range.start
    }

    private static func isManualMarker(_ node: MarkdownNode) -> Bool {
        guard case .htmlInline(let html) = node.kind else { return false }
        return html.filter { !$0.isWhitespace }.lowercased() == "<!--manual-->"
    }

    /// Reads a step's first sentence into actions, or reports why not with a hint that fixes it.
    private mutating func read(_ paragraph: [Inline], range: SourceRange, number: Int) -> [Action] {
        guard let phrasebook else { return [] }
        let sentence = StepSentence(paragraph)
        let reading = phrasebook.resolved(phrasebook.reading(of: sentence.tokens), spans: sentence.spans)
        if case .read(let read) = reading {
            switch phrasebook.actions(of: read, spans: sentence.spans) {
            case .success(let actions): return actions
            case .failure(.unknownField(let label)):
                diagnostics.append(.error(
                    "step \(number): no field labelled \(label) in the \(phrasebook.locale) field vocabulary; "
                        + "add it under 'grammar: fields:' in \(phrasebook.file) with its value kind",
                    file: file, at: Self.start(of: label, or: range)))
                return []
            case .failure(.unclearValue(let label)):
                diagnostics.append(.error(
                    "step \(number) is ambiguous: type into \(label), or type that text? Name what goes in it "
                        + "(\"Saisissez votre nom dans le champ **…**\")",
                    file: file, at: Self.start(of: label, or: range)))
                return []
            case .failure(.fieldAsControl(let label)):
                diagnostics.append(.error(
                    "step \(number) is ambiguous: \(label) is the label of a field or a heading, not of a button; "
                        + "say what to type in it (\"Saisissez … dans le champ **…**\") or name the control to press",
                    file: file, at: Self.start(of: label, or: range)))
                return []
            }
        }
        diagnostics.append(StepHint.diagnostic(
            for: reading, sentence: sentence, number: number, phrasebook: phrasebook, file: file, at: range.start))
        return []
    }
}
