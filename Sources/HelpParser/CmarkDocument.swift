internal import CCmark
internal import HelpModel

/// The one place that calls cmark: parses Markdown and copies the tree into ``MarkdownNode``s.
///
/// The parse uses cmark's safe default (never `CMARK_OPT_UNSAFE`), so raw HTML stays a node the
/// builder reports and drops rather than markup that reaches a page.
enum CmarkDocument {
    /// The deepest nesting of nodes copied; deeper content is cut and reported.
    static let maximumDepth = 64

    /// Parses `body`, the article after its front matter.
    /// - Parameters:
    ///   - body: UTF-8 Markdown.
    ///   - firstLine: the file line of the body's first line, so ranges name file lines.
    ///   - source: the whole file, to turn cmark's byte columns into scalar columns.
    ///   - columnOffset: bytes of the file line before the body's first byte, when the body
    ///     starts inside a line (a table cell); its other lines start at column 1.
    /// - Returns: the document node and whether nesting past ``maximumDepth`` was cut off.
    static func parse(
        _ body: ArraySlice<UInt8>, firstLine: Int, source: SourceText, columnOffset: Int = 0
    ) -> (MarkdownNode, truncatedAt: SourceRange?) {
        let root: OpaquePointer? = body.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
                }
            } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
        }
        guard let root else {
            return (MarkdownNode(kind: .document, range: SourceRange(at: SourceLocation(line: firstLine, column: 1))), nil)
        }
        defer { cmark_node_free(root) }
        var converter = Converter(firstLine: firstLine, source: source, columnOffset: columnOffset)
        let document = converter.copy(root)
        return (document, converter.truncatedAt)
    }

    /// The inlines of a one-line text that is inline Markdown only (a table cell), as cmark
    /// reads a paragraph holding it.
    ///
    /// libcmark has no inline-only parse, so a text that would start a block (`# x`, `- x`,
    /// `1. x`, `> x`, `***`, a fence) gets a backslash before its marker, which the inline
    /// parser takes as an escape; positions after it stay those of the file.
    /// - Parameters:
    ///   - byteColumn: the 1-based byte column of the text's first byte in file line `line`.
    static func inlines(of text: [UInt8], line: Int, byteColumn: Int, source: SourceText) -> [MarkdownNode] {
        guard !text.isEmpty else { return [] }
        let (document, _) = parse(text[...], firstLine: line, source: source, columnOffset: byteColumn - 1)
        if document.children.count == 1, case .paragraph = document.children[0].kind { return document.children[0].children }
        var escaped = text
        var marker = 0
        while marker < escaped.count, (0x30...0x39).contains(escaped[marker]) { marker += 1 }
        if marker == escaped.count { marker = 0 }
        escaped.insert(UInt8(ascii: "\\"), at: marker)
        let (again, _) = parse(escaped[...], firstLine: line, source: source, columnOffset: byteColumn - 2)
        if again.children.count == 1, case .paragraph = again.children[0].kind { return again.children[0].children }
        let whole = SourceRange(at: SourceLocation(line: line, column: source.scalarColumn(line: line, byteColumn: byteColumn)))
        return [MarkdownNode(kind: .text(String(decoding: text, as: UTF8.self)), range: whole)]
    }

    private struct Converter {
        let firstLine: Int
        let source: SourceText
        let columnOffset: Int
        var truncatedAt: SourceRange?

        /// Copies a node and its descendants without recursion, so depth cannot exhaust the stack.
        mutating func copy(_ root: OpaquePointer) -> MarkdownNode {
            var stack: [(pointer: OpaquePointer, node: MarkdownNode)] = [(root, node(for: root))]
            guard let iterator = cmark_iter_new(root) else { return stack[0].node }
            defer { cmark_iter_free(iterator) }
            _ = cmark_iter_next(iterator)  // ENTER root
            var skipping = 0
            while true {
                let event = cmark_iter_next(iterator)
                guard event != CMARK_EVENT_DONE, let current = cmark_iter_get_node(iterator) else { break }
                let isContainer = isContainerType(current)
                if event == CMARK_EVENT_ENTER {
                    if skipping > 0 {
                        if isContainer { skipping += 1 }
                        continue
                    }
                    if stack.count >= CmarkDocument.maximumDepth {
                        if truncatedAt == nil { truncatedAt = range(of: current) }
                        if isContainer { skipping = 1 }
                        continue
                    }
                    let copied = node(for: current)
                    if isContainer {
                        stack.append((current, copied))
                    } else {
                        stack[stack.count - 1].node.children.append(copied)
                    }
                } else if event == CMARK_EVENT_EXIT {
                    if skipping > 0 {
                        skipping -= 1
                        continue
                    }
                    guard stack.count > 1, stack[stack.count - 1].pointer == current else { continue }
                    let finished = stack.removeLast().node
                    stack[stack.count - 1].node.children.append(finished)
                }
            }
            return stack[0].node
        }

        /// Nodes that produce ENTER and EXIT events (containers, even when empty).
        private func isContainerType(_ pointer: OpaquePointer) -> Bool {
            switch cmark_node_get_type(pointer) {
            case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
                CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK:
                false
            default:
                true
            }
        }

        private func node(for pointer: OpaquePointer) -> MarkdownNode {
            MarkdownNode(kind: kind(of: pointer), range: range(of: pointer))
        }

        private func range(of pointer: OpaquePointer) -> SourceRange {
            let startLine = Int(cmark_node_get_start_line(pointer))
            var endLine = max(Int(cmark_node_get_end_line(pointer)), startLine)
            var endColumn = Int(cmark_node_get_end_column(pointer))
            // cmark ends a list item that a blank line closes at column 0 of that blank line;
            // a person would say it ends with the last character of the line before.
            if endColumn == 0, endLine > startLine {
                endLine -= 1
                endColumn = source.lineText(endLine + firstLine - 1).utf8.count
            }
            return SourceRange(
                start: location(line: startLine, byteColumn: Int(cmark_node_get_start_column(pointer))),
                end: location(line: endLine, byteColumn: max(endColumn, 1))
            )
        }

        private func location(line bodyLine: Int, byteColumn: Int) -> SourceLocation {
            let line = max(bodyLine, 1) + firstLine - 1
            let byte = max(byteColumn, 1) + (bodyLine <= 1 ? columnOffset : 0)
            return SourceLocation(line: line, column: source.scalarColumn(line: line, byteColumn: max(byte, 1)))
        }

        private func kind(of pointer: OpaquePointer) -> MarkdownNode.Kind {
            switch cmark_node_get_type(pointer) {
            case CMARK_NODE_DOCUMENT: .document
            case CMARK_NODE_BLOCK_QUOTE: .blockQuote
            case CMARK_NODE_LIST:
                .list(
                    ordered: cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST,
                    start: Int(cmark_node_get_list_start(pointer)), tight: cmark_node_get_list_tight(pointer) != 0)
            case CMARK_NODE_ITEM: .item
            case CMARK_NODE_CODE_BLOCK: .codeBlock(info: string(cmark_node_get_fence_info(pointer)), literal: literal(pointer))
            case CMARK_NODE_HTML_BLOCK: .htmlBlock(literal(pointer))
            case CMARK_NODE_PARAGRAPH: .paragraph
            case CMARK_NODE_HEADING: .heading(level: Int(cmark_node_get_heading_level(pointer)))
            case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
            case CMARK_NODE_TEXT: .text(literal(pointer))
            case CMARK_NODE_SOFTBREAK: .softBreak
            case CMARK_NODE_LINEBREAK: .lineBreak
            case CMARK_NODE_CODE: .code(literal(pointer))
            case CMARK_NODE_HTML_INLINE: .htmlInline(literal(pointer))
            case CMARK_NODE_EMPH: .emphasis
            case CMARK_NODE_STRONG: .strong
            case CMARK_NODE_LINK: .link(url: string(cmark_node_get_url(pointer)), title: string(cmark_node_get_title(pointer)))
            case CMARK_NODE_IMAGE: .image(url: string(cmark_node_get_url(pointer)), title: string(cmark_node_get_title(pointer)))
            default: .unknown(string(cmark_node_get_type_string(pointer)))
            }
        }

        private func literal(_ pointer: OpaquePointer) -> String {
            string(cmark_node_get_literal(pointer))
        }

        private func string(_ pointer: UnsafePointer<CChar>?) -> String {
            pointer.map { String(cString: $0) } ?? ""
        }
    }
}
