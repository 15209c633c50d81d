extension Article {
    /// A readable tree of what the parser understood, with the source range of every node.
    ///
    /// `helpcenter model` prints it and golden tests compare it, so its form is stable: one node
    /// a line, box-drawing branches, ranges as `@line:column-line:column`.
    public var treeDump: String {
        var tree = TreeNode(
            "Article \(file) id=\(id) locale=\(locale)",
            children: [
                TreeNode(frontMatterLine),
                TreeNode("Intro", children: intro.map(Self.node(for:))),
            ] + sections.map(Self.node(for:))
        )
        if intro.isEmpty { tree.children.remove(at: 1) }
        return tree.rendered()
    }

    private var frontMatterLine: String {
        var line = "FrontMatter title=\(quoted(frontMatter.title)) updated=\(frontMatter.updated)"
        line += " category=\(frontMatter.category) slug=\(frontMatter.slug) version=\(frontMatter.version)"
        if let source = frontMatter.translates {
            line += " translates=\(source.locale)@\(source.version)"
        }
        if frontMatter.draft { line += " draft" }
        if !frontMatter.aliases.isEmpty { line += " aliases=" + frontMatter.aliases.joined(separator: ",") }
        return line
    }

    private static func node(for section: Section) -> TreeNode {
        TreeNode(
            "Section h\(section.level) #\(section.anchor) \(quoted(section.title.plainText)) @\(section.headingRange)",
            children: section.blocks.map(node(for:))
        )
    }

    private static func node(for block: Block) -> TreeNode {
        switch block {
        case .paragraph(let paragraph):
            TreeNode("Paragraph @\(paragraph.range) \(quoted(paragraph.content.plainText))")
        case .procedure(let procedure):
            TreeNode(
                "Procedure start=\(procedure.start) steps=\(procedure.steps.count) \(tightness(procedure.tight)) @\(procedure.range)",
                children: procedure.steps.enumerated().map { offset, step in
                    node(for: step, number: procedure.start + offset)
                }
            )
        case .note(let note):
            TreeNode("Note \(note.kind.rawValue) @\(note.range)", children: note.blocks.map(node(for:)))
        case .list(let list):
            TreeNode(
                "List \(list.start.map { "numbered start=\($0) " } ?? "")items=\(list.items.count) \(tightness(list.tight)) @\(list.range)",
                children: list.items.map { TreeNode("Item", children: $0.map(node(for:))) }
            )
        case .code(let code):
            TreeNode("Code \(code.language.isEmpty ? "-" : code.language) @\(code.range)")
        case .table(let table):
            TreeNode(
                "Table columns=\(table.columns) align=\(table.alignments.map(\.rawValue).joined(separator: ",")) @\(table.range)",
                children: table.allRows.enumerated().map { offset, row in
                    TreeNode((offset == 0 ? "Header " : "Row ") + row.map { quoted($0.content.plainText) }.joined(separator: " | "))
                })
        }
    }

    private static func node(for step: Step, number: Int) -> TreeNode {
        TreeNode(
            "Step \(number) @\(step.range) \(quoted(step.sentence.plainText))",
            children: step.actions.map { TreeNode($0.dumpLine) }
                + step.details.map { TreeNode("Detail", children: [node(for: $0)]) }
        )
    }
}

extension Action {
    /// `click "Compte" @15:16-15:21`, `fill "Mot de passe actuel" (phrasebook …) with current-password`.
    fileprivate var dumpLine: String {
        switch self {
        case .signIn: "sign-in"
        case .open(let page): "open \(page.rawValue)"
        case .followEmailLink: "follow-email-link"
        case .manual: "manual"
        case .click(let target): "click \(target.dumpText)"
        case .choose(let target): "choose \(target.dumpText)"
        case .tick(let target): "tick \(target.dumpText)"
        case .fill(let field):
            "fill " + (field.label.map { "\($0.dumpText) " } ?? "") + "with \(field.value.rawValue)"
        }
    }
}

extension Action.Target {
    fileprivate var dumpText: String {
        var text = label.dumpText
        if let within { text += " within \(within.dumpText)" }
        if let beside { text += " beside \(beside.rawValue)" }
        return text
    }
}

extension Label {
    fileprivate var dumpText: String {
        switch origin {
        case .article(let range): "\(quoted(text)) @\(range)"
        case .phrasebook(let file, let range): "\(quoted(text)) (\(file):\(range.start))"
        }
    }
}

/// `tight` or `loose`, as cmark decided the list (it decides whether items get `<p>`).
private func tightness(_ tight: Bool) -> String {
    tight ? "tight" : "loose"
}

/// Quotes text for a one-line dump: `"` and line breaks escaped so every node stays on its line.
private func quoted(_ text: String) -> String {
    var escaped = ""
    for character in text {
        switch character {
        case "\"": escaped += "\\\""
        case "\\": escaped += "\\\\"
        case "\n": escaped += "\\n"
        default: escaped.append(character)
        }
    }
    return "\"\(escaped)\""
}

/// A node of a text tree; renders with `├─ │  └─` branches.
private struct TreeNode {
    var line: String
    var children: [TreeNode]

    init(_ line: String, children: [TreeNode] = []) {
        self.line = line
        self.children = children
    }

    func rendered() -> String {
        var lines = [line]
        append(children: children, prefix: "", to: &lines)
        return lines.joined(separator: "\n")
    }

    private func append(children: [TreeNode], prefix: String, to lines: inout [String]) {
        for (index, child) in children.enumerated() {
            let isLast = index == children.count - 1
            lines.append(prefix + (isLast ? "└─ " : "├─ ") + child.line)
            child.append(children: child.children, prefix: prefix + (isLast ? "   " : "│  "), to: &lines)
        }
    }
}
