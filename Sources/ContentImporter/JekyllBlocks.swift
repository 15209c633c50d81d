internal import Foundation

/// The block constructs of a Jekyll/kramdown help center (the Bitwarden one's): callouts,
/// Liquid comments, and per-client tabs — a `<ul class="nav nav-tabs">` of tab names, then a
/// `<div class="tab-content">` of panes, each a `{% capture %}` put back with `markdownify`.
///
/// Tabs become sections: each pane keeps its own heading, or gets one named as its tab, one
/// level under the heading before the tabs.
struct JekyllBlocks: BlockSyntax {
    private(set) var output: [SourceLine] = []
    private var lastHeading: Int?
    private var tabNames: [String: String] = [:]
    /// The tab of the pane being read, until its first line gets (or has) a heading.
    private var paneAwaitingHeading: String?
    /// The heading level before the current tab list: its panes' headings go one under it.
    private var tabsLevel: Int?
    /// The level of the first heading a pane of the current tab list had of its own.
    private var paneLevel: Int?

    init(outerLevel: Int?) {
        lastHeading = outerLevel
    }

    mutating func block(_ lines: [SourceLine], at index: Int, in conversion: inout ArticleConversion) -> Int? {
        liquidBlock(lines, at: index, in: &conversion) ?? tabMarkup(lines, at: index)
    }

    /// Appends a line, giving a tab pane its heading before its first text.
    mutating func append(_ line: SourceLine) {
        if let tab = paneAwaitingHeading, !line.isBlank {
            paneAwaitingHeading = nil
            if let level = line.headingLevel {
                paneLevel = paneLevel ?? level
            } else if line.indentation >= 2 {
                // Tabs inside a list item: a heading would end the list (and cannot be in one),
                // so the tab's name is a bold line of the item.
                let label = String(repeating: " ", count: line.indentation) + "**" + tab + "**"
                output += [SourceLine("", line: line.line), SourceLine(label, line: line.line), SourceLine("", line: line.line)]
            } else {
                let level = paneLevel ?? min((tabsLevel ?? lastHeading ?? 1) + 1, 6)
                output += [SourceLine("", line: line.line), SourceLine(String(repeating: "#", count: level) + " " + tab, line: line.line), SourceLine("", line: line.line)]
            }
        } else if paneAwaitingHeading == nil, let level = line.headingLevel, !line.isFinal {
            lastHeading = level
        }
        output.append(line)
    }

    /// Liquid block tags: callouts, comments, captures and their `markdownify`, `raw`.
    private mutating func liquidBlock(_ lines: [SourceLine], at index: Int, in conversion: inout ArticleConversion) -> Int? {
        let line = lines[index]
        if Liquid.markdownifiedCapture(line) != nil { return index + 1 }
        let text = line.text.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("{%"), let tag = Liquid.firstTag(in: line.text, from: line.text.startIndex) else { return nil }
        switch tag.name {
        case "capture", "endcapture", "raw", "endraw":
            guard Liquid.onlyTag(line) != nil else { return nil }
            return index + 1
        case "callout":
            guard let block = BodyConverter.collect(lines, from: index, opening: tag, end: "endcallout") else {
                conversion.report("{% callout %} is never closed by {% endcallout %}; left as it is", line: line.line)
                return nil
            }
            let type = tag.arguments.split(separator: " ").first.map(String.init) ?? "note"
            let kind = NoteBlock.kind(of: type, what: "callout", line: line.line, in: &conversion)
            let indent = String(line.text.prefix(while: { $0 == " " || $0 == "\t" }))
            let inner = BodyConverter.convert(block.inner.map { $0.dedented(by: indent.count) }, in: &conversion, outerLevel: lastHeading)
            NoteBlock.lines(kind: kind, title: nil, content: inner, at: line.line, indent: indent).forEach { append($0) }
            return block.next
        case "comment":
            guard let block = BodyConverter.collect(lines, from: index, opening: tag, end: "endcomment") else { return nil }
            conversion.report("Liquid comment (\(block.inner.count) line\(block.inner.count == 1 ? "" : "s"), not shown on the source site) kept as an HTML comment", line: line.line)
            let text = block.inner.map { $0.text.replacingOccurrences(of: "-->", with: "-- >") }
            append(SourceLine("", line: line.line, isFinal: true))
            append(SourceLine("<!-- " + (text.first ?? ""), line: line.line, isFinal: true))
            zip(text.dropFirst(), block.inner.dropFirst()).forEach { append(SourceLine($0.0, line: $0.1.line, isFinal: true)) }
            append(SourceLine("-->", line: line.line, isFinal: true))
            append(SourceLine("", line: line.line, isFinal: true))
            return block.next
        default:
            return nil
        }
    }

    /// The tab list (names by pane id) and the pane wrappers, which our pages do without.
    private mutating func tabMarkup(_ lines: [SourceLine], at index: Int) -> Int? {
        let line = lines[index]
        let body = line.trimmed
        guard body.hasPrefix("<"), let tag = HTMLTag.read(line.text, at: line.text.firstIndex(of: "<")!) else { return nil }
        if tag.name == "ul", !tag.isClosing, (tag.attributes["class"] ?? "").contains("nav-tabs") {
            tabsLevel = lastHeading
            paneLevel = nil
            var end = index
            while end < lines.count, !lines[end].text.contains("</ul>") { end += 1 }
            for item in lines[index...min(end, lines.count - 1)] { readTabNames(item.text) }
            return end + 1
        }
        guard tag.name == "div", body.hasSuffix(">"), tag.range.upperBound == line.text.endIndex || tag.isClosing else { return nil }
        if !tag.isClosing, (tag.attributes["class"] ?? "").contains("tab-pane") {
            let id = tag.attributes["id"] ?? ""
            paneAwaitingHeading = tabNames[id] ?? id
        }
        return index + 1
    }

    /// `<a … data-target="#logins">Logins</a>` (or `href="#logins"`): the pane's tab name.
    private mutating func readTabNames(_ text: String) {
        var index = text.startIndex
        while let tag = HTMLTag.first(in: text, from: index) {
            index = tag.range.upperBound
            guard tag.name == "a", !tag.isClosing,
                let target = tag.attributes["data-target"] ?? tag.attributes["data-bs-target"] ?? tag.attributes["href"],
                target.hasPrefix("#"), let close = text.range(of: "</a>", range: index..<text.endIndex)
            else { continue }
            tabNames[String(target.dropFirst())] = text[index..<close.lowerBound].trimmingCharacters(in: .whitespaces)
        }
    }
}
