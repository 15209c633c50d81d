internal import CLibXML2
internal import Glibc

/// The one place that holds libxml2 pointers. HTML pages go through libxml2's SAX interface
/// straight into ``HTMLNode`` values (no libxml2 tree: half the work, which matters at 20,000
/// pages); XML files (sitemaps) are read as a tree and copied. Everything is freed before the
/// call returns.
enum LibXML2Reader {
    /// Elements HTML5 added that libxml2 2.9's HTML 4 tables report as "Tag X invalid" (801).
    /// Any other unknown name stays an error.
    static let html5ElementNames: Set<String> = [
        "article", "aside", "audio", "bdi", "canvas", "data", "datalist", "details", "dialog",
        "figcaption", "figure", "footer", "header", "main", "mark", "meter", "nav", "output",
        "picture", "progress", "rp", "rt", "ruby", "search", "section", "source", "summary",
        "svg", "template", "time", "track", "video", "wbr", "path", "g", "circle", "rect",
        "line", "polyline", "polygon", "use", "symbol", "defs",
    ]

    private static let unknownTagCode = Int32(XML_HTML_UNKNOWN_TAG.rawValue)

    /// `xmlInitParser` must run once before parsing from several threads.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    enum Syntax { case html, xml }

    static func parse(_ bytes: [UInt8], as syntax: Syntax) -> HTMLDocument {
        _ = initialized
        let builder = NodeBuilder()
        let context = Unmanaged.passRetained(builder)
        // Structured error handlers are per thread in libxml2, so parallel parses do not mix.
        xmlSetStructuredErrorFunc(context.toOpaque(), collectError)
        defer {
            xmlSetStructuredErrorFunc(nil, nil)
            context.release()
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                switch syntax {
                case .html: readHTML(text, into: builder, context: context.toOpaque())
                case .xml: readXML(text, into: builder)
                }
            }
        }
        builder.finish()
        return HTMLDocument(nodes: builder.nodes, attributes: builder.attributes, arena: builder.arena, errors: builder.errors, bytes: bytes)
    }

    // MARK: - HTML through SAX

    private static func readHTML(_ text: UnsafeBufferPointer<CChar>, into builder: NodeBuilder, context: UnsafeMutableRawPointer) {
        guard let base = text.baseAddress, let parser = htmlCreateMemoryParserCtxt(base, Int32(text.count)) else { return }
        defer {
            if let document = parser.pointee.myDoc { xmlFreeDoc(document) }
            htmlFreeParserCtxt(parser)
        }
        var handler = htmlSAXHandler()
        handler.startElement = startElement
        handler.endElement = endElement
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        parser.pointee.sax.pointee = handler
        parser.pointee.userData = context
        builder.parser = parser
        defer { builder.parser = nil }
        xmlSwitchEncoding(parser, XML_CHAR_ENCODING_UTF8)
        _ = htmlCtxtUseOptions(
            parser, Int32(HTML_PARSE_NONET.rawValue) | Int32(HTML_PARSE_NOWARNING.rawValue) | Int32(HTML_PARSE_NODEFDTD.rawValue))
        _ = htmlParseDocument(parser)
    }

    private static func builder(_ context: UnsafeMutableRawPointer?) -> NodeBuilder? {
        context.map { Unmanaged<NodeBuilder>.fromOpaque($0).takeUnretainedValue() }
    }

    private static let startElement: startElementSAXFunc = { context, name, attributes in
        guard let builder = LibXML2Reader.builder(context), let name else { return }
        let first = builder.attributes.count
        if var pair = attributes {
            // libxml2's HTML parser gives names in lowercase already.
            while let attributeName = pair.pointee {
                builder.addAttribute(String(cString: attributeName), value: pair.successor().pointee)
                pair = pair.advanced(by: 2)
            }
        }
        builder.open(String(cString: name), attributesFrom: first, line: builder.currentLine)
    }

    private static let endElement: endElementSAXFunc = { context, _ in
        LibXML2Reader.builder(context)?.close()
    }

    private static let characters: charactersSAXFunc = { context, bytes, length in
        guard let builder = LibXML2Reader.builder(context), let bytes, length > 0 else { return }
        builder.appendText(UnsafeBufferPointer(start: bytes, count: Int(length)), line: builder.currentLine)
    }

    // MARK: - XML as a tree

    private static func readXML(_ text: UnsafeBufferPointer<CChar>, into builder: NodeBuilder) {
        // No network, no external entities: a sitemap needs neither.
        let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_COMPACT.rawValue)
        guard let base = text.baseAddress, let document = xmlReadMemory(base, Int32(text.count), "file.xml", "UTF-8", options) else {
            return
        }
        defer { xmlFreeDoc(document) }
        // Walked without recursion, so a hostile file cannot exhaust the stack.
        var cursor = document.pointee.children
        while let node = cursor {
            let line = Int32(truncatingIfNeeded: xmlGetLineNo(node))
            var descend = false
            if node.pointee.type == XML_ELEMENT_NODE {
                let first = builder.attributes.count
                addAttributes(of: node, to: builder)
                builder.open(node.pointee.name.map { String(cString: $0) } ?? "", attributesFrom: first, line: line)
                descend = node.pointee.children != nil
                if !descend { builder.close() }
            } else if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE, let content = node.pointee.content {
                builder.appendText(content, line: line)
            }
            if descend {
                cursor = node.pointee.children
                continue
            }
            var current = node
            while current.pointee.next == nil, let parent = current.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE {
                builder.close()
                current = parent
            }
            cursor = current.pointee.next
        }
    }

    private static func addAttributes(of node: xmlNodePtr, to builder: NodeBuilder) {
        var property = node.pointee.properties
        while let attribute = property {
            let name = attribute.pointee.name.map { String(cString: $0) } ?? ""
            if let children = attribute.pointee.children, let joined = xmlNodeListGetString(node.pointee.doc, children, 1) {
                defer { clibxml2_free(joined) }
                builder.addAttribute(name, value: joined)
            } else {
                builder.addAttribute(name, value: nil)
            }
            property = attribute.pointee.next
        }
    }

    // MARK: - Errors

    private static let collectError: xmlStructuredErrorFunc = { context, error in
        guard let builder = LibXML2Reader.builder(context), let error else { return }
        let detail = error.pointee
        if detail.code == LibXML2Reader.unknownTagCode, let name = detail.str1,
            LibXML2Reader.html5ElementNames.contains(String(cString: name).lowercased())
        {
            return
        }
        let message = detail.message.map { String(cString: $0) } ?? "unreadable HTML"
        builder.errors.append(
            HTMLParseError(
                line: Int(detail.line), column: Int(max(detail.int2, 1)),
                message: String(message.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())))
    }

    /// Receives one parse's events and errors and lays the nodes out in document order.
    private final class NodeBuilder {
        var nodes: [HTMLNode] = []
        var attributes: [StoredAttribute] = []
        var arena: [UInt8] = []
        var errors: [HTMLParseError] = []
        /// Indices of the elements not yet closed.
        private var open: [Int] = []
        /// Text arrives in pieces, appended to the arena from here; it becomes one node when
        /// the next tag starts or ends.
        private var pendingStart = 0
        private var pendingLine: Int32 = 0
        /// The SAX parser while it runs, for the line it has reached.
        var parser: htmlParserCtxtPtr?

        init() {
            nodes.reserveCapacity(512)
            attributes.reserveCapacity(512)
            arena.reserveCapacity(16_384)
        }

        var currentLine: Int32 {
            guard let input = parser?.pointee.input else { return 0 }
            return Int32(truncatingIfNeeded: input.pointee.line)
        }

        /// Adds an attribute of the element about to open (text before it is closed off first).
        func addAttribute(_ name: String, value: UnsafePointer<UInt8>?) {
            flushText()
            let start = Int32(arena.count)
            if let value {
                value.withMemoryRebound(to: CChar.self, capacity: 1) { text in
                    arena.append(contentsOf: UnsafeBufferPointer(start: value, count: strlen(text)))
                }
            }
            attributes.append(StoredAttribute(name: name, value: start..<Int32(arena.count)))
            pendingStart = arena.count
        }

        /// Opens an element whose attributes are the table's entries from `first` on.
        func open(_ name: String, attributesFrom first: Int, line: Int32) {
            flushText()
            nodes.append(
                HTMLNode(
                    kind: .element, name: name, line: line, parent: Int32(open.last ?? -1), subtreeEnd: 0,
                    attributeRange: Int32(first)..<Int32(attributes.count), textRange: 0..<0))
            open.append(nodes.count - 1)
        }

        func close() {
            flushText()
            guard let index = open.popLast() else { return }
            nodes[index].subtreeEnd = Int32(nodes.count)
        }

        func appendText(_ bytes: UnsafeBufferPointer<UInt8>, line: Int32) {
            if pendingStart == arena.count { pendingLine = line }
            arena.append(contentsOf: bytes)
        }

        func appendText(_ text: UnsafePointer<UInt8>, line: Int32) {
            let length = text.withMemoryRebound(to: CChar.self, capacity: 1) { strlen($0) }
            appendText(UnsafeBufferPointer(start: text, count: length), line: line)
        }

        func finish() {
            flushText()
            while !open.isEmpty { close() }
        }

        /// Moves the text gathered since the last tag into the arena as one text node.
        private func flushText() {
            guard pendingStart < arena.count else { return }
            nodes.append(
                HTMLNode(
                    kind: .text, name: "", line: pendingLine, parent: Int32(open.last ?? -1), subtreeEnd: Int32(nodes.count + 1),
                    attributeRange: 0..<0, textRange: Int32(pendingStart)..<Int32(arena.count)))
            pendingStart = arena.count
        }
    }
}
