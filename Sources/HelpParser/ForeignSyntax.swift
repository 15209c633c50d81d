internal import Foundation
internal import HelpModel

/// Syntax of other Markdown tools that CommonMark reads as plain text: kramdown attribute lists
/// (`{:target="_blank"}`), Liquid (`{% include … %}`, `{{ site.x }}`), MkDocs admonitions
/// (`!!! note`) and Docusaurus admonitions (`:::tip` … `:::`).
///
/// An article brought from Jekyll, MkDocs or Docusaurus keeps them, and the page would show
/// them as text without a word; each is a warning at its `file:line:column`, with its code and
/// what to write instead. Only text is searched: code spans and code blocks keep such text on
/// purpose, and a backslash before the mark (`\{:`) or an entity (`&#123;`) says the writer
/// wants it shown.
struct ForeignSyntax {
    /// The codes of these warnings, listed in the README's table of diagnostic codes.
    enum Code: String, CaseIterable {
        case kramdownAttributeList = "kramdown-attribute-list"
        case liquid = "liquid"
        case mkdocsAdmonition = "mkdocs-admonition"
        case docusaurusAdmonition = "docusaurus-admonition"
    }

    let file: String
    /// The file, where each mark is placed: cmark's columns of a paragraph's continuation lines
    /// are those of the container's content, not of the text (a lazy line starts further left).
    let source: SourceText?
    private(set) var diagnostics: [Diagnostic] = []
    /// Docusaurus admonitions opened (`:::tip`) and not closed yet: their `:::` says nothing more.
    private var openAdmonitions = 0

    init(file: String, source: SourceText?) {
        self.file = file
        self.source = source
    }

    /// Searches the text of one paragraph, heading or cell.
    /// - Parameter atLineStart: whether the first node starts a line (not in a table cell).
    mutating func scan(_ nodes: [MarkdownNode], atLineStart: Bool) {
        var lineStart = atLineStart
        walk(nodes, lineStart: &lineStart)
    }

    /// Runs of consecutive text nodes (cmark may cut a text at `!`, `_` or `[`), each searched
    /// whole; a line break ends a run and starts a line.
    private mutating func walk(_ nodes: [MarkdownNode], lineStart: inout Bool) {
        var runStart: Int?
        var runStartsLine = false
        for index in nodes.indices {
            let node = nodes[index]
            if case .text = node.kind {
                if runStart == nil {
                    runStart = index
                    runStartsLine = lineStart
                }
                lineStart = false
                continue
            }
            if let start = runStart { search(nodes[start..<index], startsLine: runStartsLine) }
            runStart = nil
            switch node.kind {
            case .softBreak, .lineBreak:
                lineStart = true
            case .link(let url, _), .image(let url, _):
                lineStart = false
                destination(url, at: node.range.start)
                var inner = false
                walk(node.children, lineStart: &inner)
            case .emphasis, .strong:
                lineStart = false
                var inner = false
                walk(node.children, lineStart: &inner)
            default:
                lineStart = false
            }
        }
        if let start = runStart { search(nodes[start...], startsLine: runStartsLine) }
    }

    // MARK: - What a run of text holds

    private mutating func search(_ run: ArraySlice<MarkdownNode>, startsLine: Bool) {
        guard let first = run.first, case .text(let opening) = first.kind else { return }
        // Most text holds none of the marks: a look at its bytes decides, before any copy.
        let hasBrace = run.contains { node in
            if case .text(let literal) = node.kind { return literal.utf8.contains(UInt8(ascii: "{")) }
            return false
        }
        let lead = opening.utf8.first
        let opensAdmonition = startsLine && (lead == UInt8(ascii: "!") || lead == UInt8(ascii: "?") || lead == UInt8(ascii: ":"))
        guard hasBrace || opensAdmonition else { return }
        var text: [Unicode.Scalar] = []
        for node in run {
            if case .text(let literal) = node.kind { text.append(contentsOf: literal.unicodeScalars) }
        }
        let start = first.range.start
        if opensAdmonition { admonition(text, at: start) }
        if hasBrace { braces(text, at: start) }
    }

    /// `!!! note "Title"`, `??? tip`, `???+ tip` (MkDocs); `:::tip Title`, `:::note[Title]` and a
    /// closing `:::` (Docusaurus), each at the start of a line.
    private mutating func admonition(_ text: [Unicode.Scalar], at start: SourceLocation) {
        let line = String(String.UnicodeScalarView(text))
        if let marks = ["!!!", "???+", "???"].first(where: { line.hasPrefix($0) }) {
            let rest = line.dropFirst(marks.count)
            guard rest.first == " " || rest.first == "\t" else { return }
            let type = Self.word(rest.drop { $0 == " " || $0 == "\t" })
            guard !type.isEmpty else { return }
            let kind = Self.noteKind(forAdmonition: type)
            report(
                "MkDocs admonition '\(Diagnostic.quote(line, limit: 50))' is not CommonMark: it shows as text on the page, and its indented "
                    + "lines as code; write a note instead: a line '> [!\(kind)]', then its text in lines that start with '> ' (not indented)",
                code: .mkdocsAdmonition, mark: Array(marks.unicodeScalars), expected: start, offset: 0)
            return
        }
        guard line.hasPrefix(":::") else { return }
        let rest = line.drop { $0 == ":" }
        let type = Self.word(rest.drop { $0 == " " || $0 == "\t" })
        if type.isEmpty {
            guard rest.allSatisfy({ $0 == " " || $0 == "\t" }) else { return }
            if openAdmonitions > 0 {
                openAdmonitions -= 1
                return
            }
            report(
                "':::' closes a Docusaurus admonition, which is not CommonMark, and shows as text on the page; remove it, and write the "
                    + "admonition as a note: a line '> [!NOTE]', then its text in lines that start with '> '",
                code: .docusaurusAdmonition, mark: Array(":::".unicodeScalars), expected: start, offset: 0)
            return
        }
        openAdmonitions += 1
        let kind = Self.noteKind(forAdmonition: type)
        report(
            "Docusaurus admonition '\(Diagnostic.quote(line, limit: 50))' is not CommonMark: it shows as text on the page, with the ':::' "
                + "that closes it; write a note instead: a line '> [!\(kind)]', then its text in lines that start with '> ', and no ':::'",
            code: .docusaurusAdmonition, mark: Array(":::".unicodeScalars), expected: start, offset: 0)
    }

    /// `{:…}` and `{::…}` (kramdown), `{% … %}` and `{{ … }}` (Liquid), anywhere in the text.
    private mutating func braces(_ text: [Unicode.Scalar], at start: SourceLocation) {
        var index = 0
        while index < text.count - 1 {
            guard text[index] == "{" else {
                index += 1
                continue
            }
            let next = text[index + 1]
            if next == ":", let end = kramdownEnd(text, from: index) {
                let quoted = Self.string(text[index..<end])
                report(
                    "kramdown attribute list '\(Diagnostic.quote(quoted, limit: 50))' is not CommonMark and shows as text on the page; "
                        + Self.kramdownAdvice(quoted),
                    code: .kramdownAttributeList, mark: Array(text[index..<min(end, index + 12)]), expected: start, offset: index,
                    quoted: quoted, closer: "}")
                index = end
            } else if next == "%", let (end, name, argument) = liquidTagEnd(text, from: index) {
                let quoted = Self.string(text[index..<end])
                report(
                    "Liquid tag '\(Diagnostic.quote(quoted, limit: 50))' is not run here and shows as text on the page; "
                        + Self.liquidTagAdvice(name, argument: argument),
                    code: .liquid, mark: Array(text[index..<min(end, index + 12)]), expected: start, offset: index,
                    quoted: quoted, closer: "%}")
                index = end
            } else if next == "{", let end = liquidOutputEnd(text, from: index) {
                let quoted = Self.string(text[index..<end])
                report(
                    "Liquid output '\(Diagnostic.quote(quoted, limit: 50))' is not filled in here and shows as text on the page; "
                        + "write the value itself (a name, a number, a link to the article's .md file)",
                    code: .liquid, mark: Array(text[index..<min(end, index + 12)]), expected: start, offset: index,
                    quoted: quoted, closer: "}}")
                index = end
            } else {
                index += 1
            }
        }
    }

    /// A link or image address that holds Liquid (`{{ site.baseurl }}/x/`): it leads nowhere.
    private mutating func destination(_ url: String, at location: SourceLocation) {
        guard url.utf8.contains(UInt8(ascii: "{")), url.contains("{{") || url.contains("{%") else { return }
        diagnostics.append(.warning(
            "link address '\(Diagnostic.quote(url, limit: 50))' holds Liquid, which is not run here, "
                + "so it leads nowhere; link to the article's .md file ([text](../folder/article.md)) or write the whole URL",
            file: file, at: location, code: ForeignSyntax.Code.liquid.rawValue))
    }

    /// Where `{:…}` ends (after its `}`, or at the end of the text when it is not closed); nil
    /// when no attribute list starts there: `{:` (and spaces) is followed by a name, a `.class`,
    /// an `#id` or the `:` of an extension, and an unclosed one needs one of the last three or an `=`.
    private func kramdownEnd(_ text: [Unicode.Scalar], from index: Int) -> Int? {
        var cursor = index + 2
        while cursor < text.count, text[cursor] == " " { cursor += 1 }
        guard cursor < text.count else { return nil }
        let first = text[cursor]
        guard first == "." || first == "#" || first == ":" || first.properties.isAlphabetic else { return nil }
        var end = cursor
        while end < text.count, text[end] != "}" { end += 1 }
        guard end < text.count else {
            // Unclosed: an attribute list all the same when it reads as one (`{:target=`).
            return first == "." || first == "#" || first == ":" || text[cursor..<end].contains("=") ? end : nil
        }
        return end + 1
    }

    /// `{% name … %}` (or `{%- name`): its end, the tag's name and its first argument.
    private func liquidTagEnd(_ text: [Unicode.Scalar], from index: Int) -> (Int, String, String)? {
        var cursor = index + 2
        if cursor < text.count, text[cursor] == "-" { cursor += 1 }
        while cursor < text.count, text[cursor] == " " { cursor += 1 }
        let nameStart = cursor
        while cursor < text.count, text[cursor].properties.isAlphabetic || text[cursor] == "_" { cursor += 1 }
        guard cursor > nameStart else { return nil }
        let name = Self.string(text[nameStart..<cursor]).lowercased()
        var end = cursor
        while end + 1 < text.count, !(text[end] == "%" && text[end + 1] == "}") { end += 1 }
        let argument = Self.word(Self.string(text[cursor..<min(end, text.count)]).drop { $0 == " " }).lowercased()
        return (end + 1 < text.count ? end + 2 : text.count, name, argument)
    }

    /// `{{ … }}`, closed on the same line (an unclosed `{{` is not taken for Liquid).
    private func liquidOutputEnd(_ text: [Unicode.Scalar], from index: Int) -> Int? {
        var end = index + 2
        guard end < text.count, text[end] != "{", text[end] != "}" else { return nil }
        while end + 1 < text.count, !(text[end] == "}" && text[end + 1] == "}") { end += 1 }
        guard end + 1 < text.count, text[(index + 2)..<end].contains(where: { !$0.properties.isWhitespace }) else { return nil }
        return end + 2
    }

    // MARK: - What to write instead

    private static func kramdownAdvice(_ list: String) -> String {
        let inner = list.dropFirst(2).drop { $0 == " " }
        if inner.hasPrefix(":") {
            return "remove it (kramdown extensions such as {::options} or {::nomarkdown} do nothing in CommonMark)"
        }
        if inner.hasPrefix("#") {
            let id = word(inner.dropFirst())
            return "to give a heading its anchor, end the heading with '{#\(id.isEmpty ? "id" : id)}' ('## Title {#\(id.isEmpty ? "id" : id)}')"
        }
        if inner.lowercased().contains("target") {
            return "remove it: CommonMark links have no attributes (a link opens where the reader chooses)"
        }
        if inner.hasPrefix(".") {
            return "remove it: CommonMark has no classes; for a callout, write a note: a block quote whose first line is '> [!NOTE]' "
                + "(or TIP, IMPORTANT, WARNING, CAUTION)"
        }
        return "remove it: CommonMark has no attribute lists"
    }

    private static func liquidTagAdvice(_ name: String, argument: String) -> String {
        let bare = name.hasPrefix("end") ? String(name.dropFirst(3)) : name
        switch bare {
        case "include", "include_relative", "render":
            return "write what it includes as Markdown (a note: '> [!NOTE]' then its text; an image: '![alt](images/file.png)')"
        case "callout", "note", "alert", "admonition", "tip", "hint", "warning", "important", "caution", "notice":
            // `{% callout warning %}`: the kind is the argument when it names one.
            let kind = noteKind(forAdmonition: admonitionTypes.contains(argument) ? argument : bare)
            return "write a note instead: a line '> [!\(kind)]', then its text in lines that start with '> '"
        case "raw", "comment":
            return "remove it (show code in a code span `…` or a fenced code block)"
        case "link", "post_url":
            return "write a link to the article's .md file: [text](../folder/article.md)"
        case "image", "img":
            return "write an image: ![alt text](images/file.png)"
        case "if", "elsif", "else", "unless", "case", "when", "for", "assign", "capture", "increment", "decrement", "cycle", "tablerow":
            return "keep the text that applies and remove the tag"
        default:
            return "replace it with the Markdown it should produce"
        }
    }

    /// The admonition types of MkDocs Material and Docusaurus.
    static let admonitionTypes: Set<String> = [
        "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check", "done", "question",
        "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing", "danger", "error", "bug", "example",
        "quote", "cite",
    ]

    /// The GitHub alert kind (our note kinds) closest to an MkDocs or Docusaurus admonition type.
    static func noteKind(forAdmonition type: some StringProtocol) -> String {
        switch type.lowercased() {
        case "tip", "hint", "success", "check", "done": "TIP"
        case "important": "IMPORTANT"
        case "warning", "attention": "WARNING"
        case "caution", "danger", "error", "failure", "fail", "missing", "bug": "CAUTION"
        default: "NOTE"
        }
    }

    // MARK: - Placing and reporting

    /// Reports at the mark in the file: cmark places a text run at its node's start, which on a
    /// continuation line of a quote or list item is the container's content column; the mark
    /// found on the line nearest where it was expected is where the writer sees it. A mark with
    /// a backslash before it was escaped on purpose and is not reported.
    /// - Parameters:
    ///   - quoted: the mark's text as the run of text has it; when it ends before its `closer`
    ///     (bold or a link inside a Liquid tag), the message quotes the file's line up to it.
    private mutating func report(
        _ message: String, code: Code, mark: [Unicode.Scalar], expected start: SourceLocation, offset: Int,
        quoted: String? = nil, closer: String? = nil
    ) {
        var message = message
        var location = SourceLocation(line: start.line, column: start.column + offset)
        if let source, !mark.isEmpty {
            // cmark also places a node after an inline that spans lines (`<a⏎href=…>`) on the
            // line where that inline started: the next lines are searched when this one lacks it.
            var found: (line: [Unicode.Scalar], index: Int)?
            for lineNumber in start.line..<min(start.line + 8, source.lineCount + 1) {
                let line = Array(source.lineText(lineNumber).unicodeScalars)
                let target = lineNumber == start.line ? location.column : 1
                var best: Int?
                var index = 0
                while index + mark.count <= line.count {
                    if line[index..<(index + mark.count)].elementsEqual(mark) {
                        let distance = abs(index + 1 - target)
                        if best.map({ distance < abs($0 + 1 - target) }) ?? true { best = index }
                    }
                    index += 1
                }
                if let best {
                    found = (line, best)
                    location = SourceLocation(line: lineNumber, column: best + 1)
                    break
                }
            }
            if let (line, best) = found {
                if best > 0, line[best - 1] == "\\" { return }
                if let quoted, let closer, !quoted.hasSuffix(closer) {
                    let rest = Self.string(line[best...])
                    if let range = rest.range(of: closer) {
                        let whole = String(rest[..<range.upperBound])
                        message = message.replacingOccurrences(
                            of: "'\(Diagnostic.quote(quoted, limit: 50))'", with: "'\(Diagnostic.quote(whole, limit: 50))'")
                    }
                }
            } else if mark.first == "{" {
                return  // written as an entity (`&#123;`): not the mark itself
            }
        }
        diagnostics.append(.warning(message, file: file, at: location, code: code.rawValue))
    }

    private static func word(_ text: some StringProtocol) -> String {
        String(text.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }
}
