internal import CLibXML2

/// The one place that holds libxml2 pointers: parse (HTML or XML), copy the tree into
/// ``HTMLNode`` values, free the tree, all in one call.
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

    static func parse(_ source: String, as syntax: Syntax) -> HTMLDocument {
        _ = initialized
        let sink = ErrorSink()
        // Structured error handlers are per thread in libxml2, so parallel parses do not mix.
        let context = Unmanaged.passRetained(sink)
        xmlSetStructuredErrorFunc(context.toOpaque(), collectError)
        defer {
            xmlSetStructuredErrorFunc(nil, nil)
            context.release()
        }
        let document = source.withCString { bytes in
            switch syntax {
            case .html:
                let options = Int32(HTML_PARSE_NONET.rawValue) | Int32(HTML_PARSE_COMPACT.rawValue)
                    | Int32(HTML_PARSE_NOWARNING.rawValue)
                return htmlReadMemory(bytes, Int32(source.utf8.count), "page.html", "UTF-8", options)
            case .xml:
                // No network, no entity expansion from outside: a sitemap needs neither.
                let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_COMPACT.rawValue)
                return xmlReadMemory(bytes, Int32(source.utf8.count), "file.xml", "UTF-8", options)
            }
        }
        guard let document else {
            return HTMLDocument(nodes: [], errors: sink.errors, source: source)
        }
        defer { xmlFreeDoc(document) }
        return HTMLDocument(nodes: copyTree(of: document), errors: sink.errors, source: source)
    }

    /// Walks the tree without recursion (a hostile page may nest deeply) into flat nodes.
    private static func copyTree(of document: xmlDocPtr) -> [HTMLNode] {
        var nodes: [NodeDraft] = []
        var open: [Int] = []
        var cursor = document.pointee.children
        while let node = cursor {
            var descend = false
            if let draft = draft(of: node, parent: open.last ?? -1) {
                nodes.append(draft)
                if draft.kind == .element, node.pointee.children != nil {
                    open.append(nodes.count - 1)
                    descend = true
                } else {
                    nodes[nodes.count - 1].subtreeEnd = nodes.count
                }
            }
            if descend {
                cursor = node.pointee.children
                continue
            }
            var current = node
            while current.pointee.next == nil, let parent = current.pointee.parent,
                parent.pointee.type == XML_ELEMENT_NODE, let index = open.popLast()
            {
                nodes[index].subtreeEnd = nodes.count
                current = parent
            }
            cursor = current.pointee.next
        }
        for index in open { nodes[index].subtreeEnd = nodes.count }
        return nodes.map(\.node)
    }

    private static func draft(of node: xmlNodePtr, parent: Int) -> NodeDraft? {
        let line = Int32(truncatingIfNeeded: xmlGetLineNo(node))
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            return NodeDraft(
                kind: .element, name: name, attributes: attributes(of: node), text: "", line: line,
                parent: parent)
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            let text = node.pointee.content.map { String(cString: $0) } ?? ""
            return NodeDraft(kind: .text, name: "", attributes: [], text: text, line: line, parent: parent)
        default:
            return nil
        }
    }

    private static func attributes(of node: xmlNodePtr) -> [HTMLAttribute] {
        var result: [HTMLAttribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            let name = attribute.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            var value = ""
            if let children = attribute.pointee.children {
                if children.pointee.next == nil, let content = children.pointee.content {
                    value = String(cString: content)
                } else if let joined = xmlNodeListGetString(node.pointee.doc, children, 1) {
                    defer { clibxml2_free(joined) }
                    value = String(cString: joined)
                }
            }
            result.append(HTMLAttribute(name: name, value: value))
            property = attribute.pointee.next
        }
        return result
    }

    /// Receives libxml2's structured errors for one parse.
    private final class ErrorSink {
        var errors: [HTMLParseError] = []
    }

    private static let collectError: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
        let detail = error.pointee
        if detail.code == LibXML2Reader.unknownTagCode, let name = detail.str1,
            LibXML2Reader.html5ElementNames.contains(String(cString: name).lowercased())
        {
            return
        }
        let message = detail.message.map { String(cString: $0) } ?? "unreadable HTML"
        sink.errors.append(
            HTMLParseError(
                line: Int(detail.line), column: Int(max(detail.int2, 1)),
                message: String(message.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())))
    }
}

/// A node whose subtree end is known only once its last descendant has been copied.
private struct NodeDraft {
    let kind: HTMLNode.Kind
    let name: String
    let attributes: [HTMLAttribute]
    let text: String
    let line: Int32
    let parent: Int
    var subtreeEnd = 0

    init(kind: HTMLNode.Kind, name: String, attributes: [HTMLAttribute], text: String, line: Int32, parent: Int) {
        self.kind = kind
        self.name = name
        self.attributes = attributes
        self.text = text
        self.line = line
        self.parent = parent
    }

    var node: HTMLNode {
        HTMLNode(
            kind: kind, name: name, attributes: attributes, text: text, line: line,
            parent: Int32(parent), subtreeEnd: Int32(subtreeEnd))
    }
}
