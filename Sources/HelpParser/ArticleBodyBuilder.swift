internal import HelpModel

/// Builds an article's intro and sections from its cmark document, reading each procedure step
/// with the locale's phrasebook.
struct ArticleBodyBuilder {
    let file: String
    let phrasebook: Phrasebook?
    /// The file's text, where tables are read from the paragraphs' lines; none, no tables.
    let source: SourceText?
    private(set) var diagnostics: [Diagnostic] = []
    private var inlineBuilder: InlineBuilder
    /// Every link and image of the body, in reading order.
    var links: [ArticleLink] { inlineBuilder.links }
    private var usedAnchors: Set<String> = []
    /// Every `{#id}` of the document, found before the sections are built, so that a generated
    /// anchor never takes an id a later heading sets.
    private var explicitIDs: Set<String> = []
    /// A `<!-- list -->` line waiting for the numbered list it marks (the next block).
    private var listMarker: SourceRange?

    /// The line that says the numbered list right after it is a list, not a procedure: an HTML
    /// comment, valid CommonMark that no renderer shows (cmark makes it an HTML block).
    static let listMarkerText = "<!-- list -->"
    /// The code of the warning on a step that reads only through `unlabelled:` (the README's table).
    static let unlabelledStepCode = "unlabelled-step"
    /// The code of the warning on a step that applies under a condition ("If prompted, …").
    static let conditionalStepCode = "conditional-step"
    /// The code of the warning on a step that offers a choice ("Select **A** or **B**").
    static let choiceStepCode = "choice-step"
    /// The code of the warning on a step titled in bold whose text does not read ("**Invite
    /// users**. Your team gets an email …"): a step for people.
    static let titledStepCode = "titled-step"

    init(file: String, phrasebook: Phrasebook?, source: SourceText? = nil) {
        self.file = file
        self.phrasebook = phrasebook
        self.source = source
        inlineBuilder = InlineBuilder(file: file, source: source)
    }

    mutating func build(_ document: MarkdownNode) -> (intro: [Block], sections: [Section]) {
        var intro: [Block] = []
        var sections: [Section] = []
        explicitIDs = HeadingID.ids(in: document)
        for node in document.children {
            if case .heading(let level) = node.kind {
                markerUnused(before: node)
                if let section = startSection(node, level: level, inSection: !sections.isEmpty) {
                    sections.append(section)
                } else if var last = sections.popLast() {
                    // A rejected heading stays out of the model; keep what follows in the section.
                    last.range.end = node.range.end
                    sections.append(last)
                }
                continue
            }
            for block in block(node) {
                if sections.isEmpty {
                    intro.append(block)
                } else {
                    sections[sections.count - 1].blocks.append(block)
                    sections[sections.count - 1].range.end = block.range.end
                }
            }
        }
        markerUnused(before: nil)
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
        var title = inlineBuilder.inlines(node.children)
        switch HeadingID.strip(from: &title) {
        case .invalid(let id, let location):
            diagnostics.append(.error(
                "heading id '{#\(id)}' must be lowercase letters, digits and inner hyphens, as 'change-password'",
                file: file, at: location))
        case .id(let id, let location):
            if usedAnchors.contains(id) {
                diagnostics.append(.error(
                    "heading id '\(id)' is already the anchor of another section of this article; ids must be unique within it",
                    file: file, at: location))
            }
            usedAnchors.insert(id)
            return Section(level: level, anchor: id, title: title, blocks: [], headingRange: node.range, range: node.range)
        case nil:
            break
        }
        let anchor = Slug.unique(Slug.make(title.plainText)) { usedAnchors.contains($0) || explicitIDs.contains($0) }
        usedAnchors.insert(anchor)
        return Section(level: level, anchor: anchor, title: title, blocks: [], headingRange: node.range, range: node.range)
    }

    private mutating func blocks(_ nodes: [MarkdownNode]) -> [Block] {
        let found = nodes.flatMap { block($0) }
        markerUnused(before: nil)
        return found
    }

    /// The blocks of a node: none when it is dropped, two when a table ends a paragraph.
    private mutating func block(_ node: MarkdownNode) -> [Block] {
        if case .htmlBlock(let html) = node.kind, Self.isListMarker(html) {
            markerUnused(before: node)
            listMarker = node.range
            return []
        }
        if listMarker != nil, case .list(true, let start, let tight) = node.kind {
            // `<!-- list -->` then `1.`: items, not steps; nothing reads or checks them.
            listMarker = nil
            return [.list(BulletList(items: node.children.map { blocks($0.children) }, range: node.range, tight: tight, start: start))]
        }
        markerUnused(before: node)
        if case .paragraph = node.kind, let blocks = table(node) { return blocks }
        return singleBlock(node).map { [$0] } ?? []
    }

    private static func isListMarker(_ html: String) -> Bool {
        html.filter { !$0.isWhitespace }.lowercased() == "<!--list-->"
    }

    /// A `<!-- list -->` that no numbered list follows marks nothing: said, not ignored.
    private mutating func markerUnused(before node: MarkdownNode?) {
        guard let marker = listMarker else { return }
        listMarker = nil
        let what: String
        switch node?.kind {
        case nil: what = "nothing follows it here"
        case .list(false, _, _)?: what = "a bullet list follows it, which is never a procedure"
        case .paragraph?: what = "a paragraph follows it"
        case .heading?: what = "a heading follows it"
        case .codeBlock?: what = "a code block follows it"
        case .blockQuote?: what = "a note follows it"
        case .htmlBlock?: what = "raw HTML follows it"
        default: what = "no numbered list follows it"
        }
        diagnostics.append(.warning(
            "'\(Self.listMarkerText)' marks the numbered list on the line after it as a plain list, but \(what); "
                + "move it to the line just before a numbered list, or remove it",
            file: file, at: marker.start))
    }

    private mutating func singleBlock(_ node: MarkdownNode) -> Block? {
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
            // One line whatever the block's size: its start, quoted, and the lines it spans.
            let lines = node.range.end.line > node.range.start.line ? " (lines \(node.range.start.line)–\(node.range.end.line))" : ""
            diagnostics.append(.warning(
                "raw HTML block '\(Diagnostic.quote(html, limit: 40))'\(lines) is dropped; write Markdown instead", file: file,
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

    /// The paragraph as the blocks of a pipe table (``TableReader``), and the paragraph its
    /// lines before the header make; nil when it holds no table.
    private mutating func table(_ node: MarkdownNode) -> [Block]? {
        guard let source else { return nil }
        func location(_ line: Int, _ byteColumn: Int) -> SourceLocation {
            SourceLocation(line: line, column: source.scalarColumn(line: line, byteColumn: max(byteColumn, 1)))
        }
        switch TableReader(source: source).read(node.range) {
        case .paragraph:
            return nil
        case .mismatch(let line, let header, let delimiter):
            diagnostics.append(.warning(
                "this looks like a table, but the header row has \(Self.cells(header)) and the delimiter row \(Self.cells(delimiter)); "
                    + "it is shown as a paragraph: give both rows the same number of cells",
                file: file, at: location(line.number, line.byteColumn)))
            return nil
        case .table(let found):
            var blocks: [Block] = []
            if let first = found.leading.first {
                let text = Array(found.leading.map(\.bytes).joined(separator: [0x0A]))
                let (document, _) = CmarkDocument.parse(
                    text[...], firstLine: first.number, source: source, columnOffset: first.byteColumn - 1)
                for child in document.children {
                    if let block = singleBlock(child) { blocks.append(block) }
                }
            }
            let columns = found.alignments.count
            var header: [Table.Cell] = []
            for raw in found.header { header.append(tableCell(raw, source: source)) }
            var rows: [[Table.Cell]] = []
            for (line, raw) in found.rows {
                let at = location(line.number, line.byteColumn)
                if raw.count < columns {
                    diagnostics.append(.warning(
                        "table row has \(Self.cells(raw.count)) where the header has \(columns); it is padded with empty cells",
                        file: file, at: at))
                } else if raw.count > columns {
                    diagnostics.append(.warning(
                        "table row has \(Self.cells(raw.count)) where the header has \(columns); the cells past column \(columns) are dropped "
                            + "(write \\| for a pipe inside a cell)",
                        file: file, at: at))
                }
                var cells: [Table.Cell] = []
                for cell in raw.prefix(columns) { cells.append(tableCell(cell, source: source)) }
                let end = SourceRange(at: location(line.number, line.byteColumn + line.bytes.count))
                while cells.count < columns { cells.append(Table.Cell(content: [], range: end)) }
                rows.append(cells)
            }
            let start = location(found.headerLine.number, found.headerLine.byteColumn)
            blocks.append(.table(Table(
                alignments: found.alignments, header: header, rows: rows,
                range: SourceRange(start: start, end: node.range.end))))
            return blocks
        }
    }

    /// A cell's inline Markdown, read by cmark where the cell stands in the file.
    private mutating func tableCell(_ raw: TableReader.RawCell, source: SourceText) -> Table.Cell {
        let nodes = CmarkDocument.inlines(of: raw.text, line: raw.line, byteColumn: raw.byteColumn, source: source)
        let start = SourceLocation(line: raw.line, column: source.scalarColumn(line: raw.line, byteColumn: raw.byteColumn))
        let last = raw.byteColumn + max(raw.text.count, 1) - 1
        let end = SourceLocation(line: raw.line, column: source.scalarColumn(line: raw.line, byteColumn: last))
        return Table.Cell(content: inlineBuilder.inlines(nodes, atLineStart: false), range: SourceRange(start: start, end: end))
    }

    private static func cells(_ count: Int) -> String {
        count == 1 ? "1 cell" : "\(count) cells"
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
        var stepErrors: [Int] = []
        let steps = node.children.enumerated().compactMap { offset, item in
            step(item, number: start + offset, errors: &stepErrors)
        }
        // A list of facts or options reads as no step: say how to mark it, once, at its first error.
        if let first = stepErrors.first, let phrasebook, !Self.looksLikeInstructions(steps, phrasebook: phrasebook) {
            diagnostics[first].notes.append(Diagnostic.Note(
                file: file, location: node.range.start,
                message: "this numbered list does not look like steps (no item starts with a verb of the \(phrasebook.locale) "
                    + "phrasebook or names controls as a path of **bold** labels); if it is a plain list, not a procedure, write "
                    + "\(Self.listMarkerText) on its own line just before it",
                code: ArticleParser.plainListCode))
        }
        return Procedure(start: start, steps: steps, range: node.range)
    }

    /// Whether a numbered list reads as instructions to someone: one of its items is an
    /// instruction (``isInstruction(_:phrasebook:)``). Only such a list is taken for a procedure
    /// the phrasebook does not read yet; any other is suggested the list marker. A **bold** word
    /// alone does not make an instruction: "Bitwarden is **open source** software." and
    /// "**Owner**: full access" are facts and options, the lists the marker is for.
    static func looksLikeInstructions(_ steps: [Step], phrasebook: Phrasebook) -> Bool {
        steps.contains { isInstruction($0, phrasebook: phrasebook) }
    }

    /// An item that read, or that opens with one of the locale's verbs or clauses (after a
    /// purpose or a place: ``Phrasebook/opensLikeInstruction(_:)``), with such words in bold
    /// ("**Install Bitwarden** on your machine"), or with a path of labels.
    static func isInstruction(_ step: Step, phrasebook: Phrasebook) -> Bool {
        if !step.actions.isEmpty { return true }
        let sentence = StepSentence(step.sentence)
        if phrasebook.opensLikeInstruction(sentence.tokens) || phrasebook.opensWithLabelPath(sentence.tokens) { return true }
        guard let words = boldOpeningAsWords(step.sentence) else { return false }
        return phrasebook.opensLikeInstruction(StepSentence(words).tokens)
    }

    private mutating func step(_ item: MarkdownNode, number: Int, errors: inout [Int]) -> Step? {
        guard var first = item.children.first, case .paragraph = first.kind else {
            errors.append(diagnostics.count)
            diagnostics.append(.error(
                "step \(number) must start with a sentence saying what to do", file: file, at: item.range.start))
            return nil
        }
        // `<!-- manual -->` in the sentence: a step for people only, whatever its wording.
        let markedManual = first.children.contains(where: Self.isManualMarker)
        if markedManual { first.children.removeAll(where: Self.isManualMarker) }
        let sentence = inlineBuilder.inlines(first.children)
        let details = blocks(Array(item.children.dropFirst()))
        let before = diagnostics.count
        let actions = markedManual ? [.manual] : read(sentence, range: first.range, number: number, hasDetails: !details.isEmpty)
        // A warning (an unlabelled step) leaves the step read: only errors count against the list.
        if let error = diagnostics[before...].firstIndex(where: { $0.severity == .error }) { errors.append(error) }
        return Step(sentence: sentence, sentenceRange: first.range, actions: actions, details: details, range: item.range)
    }

    private static func start(of label: Label, or range: SourceRange) -> SourceLocation {
        if case .article(let labelRange) = label.origin { return labelRange.start }
        return range.start
    }

    /// A paragraph that opens with a title in bold, as words, and the text after it ("**Invite
    /// users**. From the **Manage** tab, …", "**Invite users:** from …"), the text empty when the
    /// bold stands alone but for a closing mark ("**Add three groups.**"); nil when the bold does
    /// not end a sentence before more text.
    static func boldTitle(_ paragraph: [Inline]) -> (title: [Inline], text: [Inline], colon: Bool)? {
        guard let first = paragraph.first, case .strong(let title) = first.kind else { return nil }
        var after = ""
        if paragraph.count > 1 {
            guard case .text(let text) = paragraph[1].kind else { return nil }
            after = text
        }
        var mark = title.plainText.trimmingSpaces.last.flatMap { ".:!".contains($0) ? $0 : nil }
        var rest = Substring(after)
        if mark == nil, let next = rest.first, ".:!".contains(next) {
            mark = next
            rest = rest.dropFirst()
        }
        let words = rest.drop { $0.isWhitespace }
        let remainder = (words.isEmpty ? [] : [Inline(.text(String(words)), range: paragraph[1].range)]) + paragraph.dropFirst(2)
        guard remainder.plainText.contains(where: { $0.isLetter }) else {
            return remainder.plainText.trimmingSpaces.isEmpty ? (title, [], mark == ":") : nil
        }
        guard mark != nil, rest.first?.isWhitespace == true else { return nil }
        return (title, remainder, mark == ":")
    }

    /// The warning on a step that reads as one for people (`code`): why, then what would have it checked.
    private mutating func warnForPeople(_ number: Int, _ why: String, _ advice: String, code: String, at range: SourceRange) {
        diagnostics.append(.warning(
            "step \(number) \(why), so it reads as a step for people that check does not run; \(advice)",
            file: file, at: range.start, code: code))
    }

    private mutating func warnTitled(_ number: Int, _ what: String, at range: SourceRange) {
        warnForPeople(
            number, "is a title in bold \(what)",
            "to have it checked, make the sentence after the title the instruction (\"**Invite users**. Select **Invite** …\")",
            code: Self.titledStepCode, at: range)
    }

    /// The sentence with its opening **bold** as plain words, when that bold opens like an
    /// instruction of the locale (a verb or a clause) and words follow it ("**Install
    /// Bitwarden** on your machine."); nil otherwise: "**Settings** > **Account**" opens with a
    /// label, and "**Send invitation**." alone may be a button's label as well as a verb.
    /// A link around the bold counts too: "[**Install Bitwarden**](#install) on your machine",
    /// an overview step linking to its section.
    static func leadingBoldAsWords(_ paragraph: [Inline], phrasebook: Phrasebook) -> [Inline]? {
        guard Array(paragraph.dropFirst()).plainText.contains(where: { $0.isLetter }), let sentence = boldOpeningAsWords(paragraph)
        else { return nil }
        // The sentence as words opens like an instruction ("**Save** your changes": "save …").
        return phrasebook.opensLikeInstruction(StepSentence(sentence).tokens) ? sentence : nil
    }

    /// The sentence with each bold that opens a clause after "and", "or" or "then" as words,
    /// when words follow it and it opens like an instruction ("… and **Save** your selection",
    /// "… or **copy/paste** the contents"): the writer's emphasis on a verb, not a label; nil
    /// when there is none. "Click **Save** and **Close**." keeps its labels.
    static func boldVerbsAsWords(_ paragraph: [Inline], phrasebook: Phrasebook) -> [Inline]? {
        var sentence = paragraph
        var changed = false
        for index in sentence.indices.dropFirst().dropLast().reversed() {
            guard case .strong(let words) = sentence[index].kind, case .text(let before) = sentence[index - 1].kind,
                case .text(let after) = sentence[index + 1].kind, after.first == " ", after.dropFirst().first?.isLetter == true,
                let joiner = before.split(separator: " ").last?.lowercased(), ["and", "or", "then"].contains(joiner), before.last == " ",
                phrasebook.opensLikeInstruction(StepSentence(words + [sentence[index + 1]]).tokens)
            else { continue }
            sentence.replaceSubrange(index...index, with: words)
            changed = true
        }
        return changed ? sentence : nil
    }

    /// The sentence with a bold word in an opening aside as plain text: "(**Recommended**)
    /// Create a dedicated user." is a tag set off, not a label; nil when it opens otherwise.
    static func boldAsideAsWords(_ paragraph: [Inline]) -> [Inline]? {
        guard paragraph.count >= 3, case .text(let before) = paragraph[0].kind, before.filter({ $0 != " " }) == "(",
            case .strong(let words) = paragraph[1].kind, case .text(let after) = paragraph[2].kind, after.hasPrefix(")")
        else { return nil }
        return [paragraph[0]] + words + paragraph.dropFirst(2)
    }

    /// The sentence with the bold it opens with (or a link around that bold alone) as words.
    private static func boldOpeningAsWords(_ paragraph: [Inline]) -> [Inline]? {
        var opening = paragraph.first
        if case .link(_, _, let text)? = opening?.kind, text.count == 1 { opening = text[0] }
        guard let first = opening, case .strong(let words) = first.kind else { return nil }
        return words + paragraph.dropFirst()
    }

    private static let compactManualMarker = ArticleParser.manualStepMarker.filter { !$0.isWhitespace }

    private static func isManualMarker(_ node: MarkdownNode) -> Bool {
        guard case .htmlInline(let html) = node.kind else { return false }
        return html.filter { !$0.isWhitespace }.lowercased() == compactManualMarker
    }

    /// Reads a step's first sentence into actions, or reports why not with a hint that fixes it.
    /// - Parameter hasDetails: whether blocks follow the sentence's paragraph in the step (a
    ///   title in bold alone may head them).
    private mutating func read(_ paragraph: [Inline], range: SourceRange, number: Int, hasDetails: Bool) -> [Action] {
        guard let phrasebook else { return [] }
        func attempt(_ inlines: [Inline]) -> (StepSentence, StepReading) {
            let sentence = StepSentence(inlines)
            return (sentence, phrasebook.resolved(phrasebook.reading(of: sentence.tokens), spans: sentence.spans))
        }
        var (sentence, reading) = attempt(paragraph)
        // "**Install Bitwarden** on your machine.": bold that opens the step with a verb is the
        // step's own words set off, not a label; read it as words when the sentence reads so.
        // "(**Recommended**) Create …": a tag in bold, set off in parentheses, likewise.
        if !reading.reads {
            let retries = [
                Self.leadingBoldAsWords(paragraph, phrasebook: phrasebook), Self.boldAsideAsWords(paragraph),
                Self.boldVerbsAsWords(paragraph, phrasebook: phrasebook),
            ]
            for words in retries.compactMap({ $0 }) {
                let (retried, again) = attempt(words)
                if again.reads {
                    (sentence, reading) = (retried, again)
                    break
                }
            }
        }
        // "**Invite users**. From the **Manage** tab, invite …": a title in bold, then the step.
        // The instruction is the sentence after the title; when that does not read, the title
        // stands for what the text explains, which a person follows. A title before a colon must
        // open like an instruction: "**Owner**: full access" is an option, not a titled step.
        if !reading.reads, let (title, text, colon) = Self.boldTitle(paragraph) {
            let isInstruction = phrasebook.opensLikeInstruction(StepSentence(title).tokens)
            if !text.isEmpty {
                let (retried, again) = attempt(text)
                if again.reads {
                    (sentence, reading) = (retried, again)
                } else if !colon || isInstruction {
                    warnTitled(number, "followed by text the phrasebook finds no instruction in", at: range)
                    return [.manual]
                }
            } else if hasDetails, isInstruction {
                // "**Add three groups.**" with the how below it, in paragraphs or nested steps.
                warnTitled(number, "with what to do below it (nested steps are read on their own)", at: range)
                return [.manual]
            }
        }
        // "Select **A** or **B**": which one depends on the reader; a person decides.
        if case .alternative(let word) = reading {
            warnForPeople(
                number, "offers a choice ('\(word)')", "to have each case checked, give it its own step or section (a procedure each)",
                code: Self.choiceStepCode, at: range)
            return [.manual]
        }
        if case .read(let read) = reading {
            if read.contains(.conditional) {
                warnForPeople(
                    number, "applies under a condition", "to have it checked, write the case as its own procedure (a section with its own steps)",
                    code: Self.conditionalStepCode, at: range)
            }
            if read.contains(.unlabelled) {
                warnForPeople(
                    number, "names what to act on in plain words, not as a label",
                    "write the label in bold as the product shows it (**…**), or end the step with \(ArticleParser.manualStepMarker) "
                        + "if only a person can do it",
                    code: Self.unlabelledStepCode, at: range)
            }
            switch phrasebook.actions(of: read, spans: sentence.spans) {
            case .success(let actions): return actions
            case .failure(.unknownFields(let labels)):
                for label in labels {
                    diagnostics.append(.error(
                        "step \(number): no field labelled \(label) in the \(phrasebook.locale) field vocabulary; "
                            + "add it under 'grammar: fields:' in \(phrasebook.file) with its value kind, "
                            + "or, for a field that takes any text, under 'fields:' in the locale's \(ProductVocabulary.fileName)",
                        file: file, at: Self.start(of: label, or: range), code: ArticleParser.unknownFieldCode))
                }
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
