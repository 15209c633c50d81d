/// An HTML page read back as Swift values: every element and text run in document order.
///
/// The validator and the procedure checker look at pages the way a browser's accessibility
/// tree would (labels, links, headings), so they need the parsed tree, not the text. Nodes are
/// kept in one flat array in document order; a node's descendants are the nodes that follow it
/// up to ``HTMLNode/subtreeEnd``, which makes "the text of this link" or "the inputs of this
/// form" a slice instead of a pointer chase.
public struct HTMLDocument: Sendable {
    /// Every element and text node, in document order (pre-order).
    public let nodes: [HTMLNode]
    /// What libxml2 reported while reading, except HTML5 element names it does not know.
    public let errors: [HTMLParseError]
    /// The page's bytes, to place a finding at a column as well as a line.
    private let bytes: [UInt8]
    /// Offset of the start of each line in `bytes` (line 1 at index 0).
    private let lineStarts: [Int]

    init(nodes: [HTMLNode], errors: [HTMLParseError], bytes: [UInt8]) {
        self.nodes = nodes
        self.errors = errors
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for offset in buffer.indices where buffer[offset] == 0x0A { starts.append(offset + 1) }
        }
        lineStarts = starts
    }

    /// Reads an HTML page with libxml2's HTML parser (no network, UTF-8).
    public init(parsing source: String) {
        self.init(parsing: Array(source.utf8))
    }

    /// Reads an HTML page from its UTF-8 bytes, as read from disk.
    public init(parsing bytes: [UInt8]) {
        self = LibXML2Reader.parse(bytes, as: .html)
    }

    /// Reads an XML file (a sitemap) with libxml2's XML parser; names lose their prefix
    /// (`xhtml:link` is `link`).
    public init(parsingXML source: String) {
        self = LibXML2Reader.parse(Array(source.utf8), as: .xml)
    }

    /// Indices of the elements named `name` (lowercase), in document order.
    public func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].kind == .element && nodes[$0].name == name }
    }

    /// Indices of every element, in document order.
    public var elementIndices: [Int] { nodes.indices.filter { nodes[$0].kind == .element } }

    /// Indices of the element descendants of node `index`.
    public func descendants(of index: Int) -> [Int] {
        ((index + 1)..<Int(nodes[index].subtreeEnd)).filter { nodes[$0].kind == .element }
    }

    /// Indices of the elements enclosing node `index`, nearest first.
    public func ancestors(of index: Int) -> [Int] {
        var result: [Int] = []
        var parent = nodes[index].parent
        while parent >= 0 {
            result.append(Int(parent))
            parent = nodes[Int(parent)].parent
        }
        return result
    }

    /// The text a person reads in node `index`: its text runs joined, runs of HTML (ASCII)
    /// whitespace collapsed to one space as a browser shows them; no-break spaces stay.
    public func text(of index: Int) -> String {
        var collapsed: [UInt8] = []
        var pendingSpace = false
        for position in index..<Int(nodes[index].subtreeEnd) where nodes[position].kind == .text {
            for byte in nodes[position].text.utf8 {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                    pendingSpace = !collapsed.isEmpty
                } else {
                    if pendingSpace { collapsed.append(0x20) }
                    pendingSpace = false
                    collapsed.append(byte)
                }
            }
        }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// The 1-based column (in characters) on `line` where `needle` first occurs, or nil.
    ///
    /// libxml2 gives nodes a line only; the validator narrows a finding to the attribute it is
    /// about by looking for it on that line.
    public func column(of needle: String, onLine line: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, !needle.isEmpty else { return nil }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        let pattern = Array(needle.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard end - start >= pattern.count else { return nil }
            var characters = 0
            for offset in start...(end - pattern.count) {
                if buffer[offset] == pattern[0], pattern.indices.allSatisfy({ buffer[offset + $0] == pattern[$0] }) {
                    return characters + 1
                }
                // Continuation bytes of UTF-8 are not characters of their own.
                if buffer[offset] & 0xC0 != 0x80 { characters += 1 }
            }
            return nil
        }
    }
}

/// One element or text run of an ``HTMLDocument``.
public struct HTMLNode: Sendable {
    public enum Kind: Sendable { case element, text }

    public let kind: Kind
    /// The element's name in lowercase; empty for text.
    public let name: String
    public let attributes: [HTMLAttribute]
    /// The characters of a text run; empty for an element.
    public let text: String
    /// The 1-based line where libxml2 saw the node start.
    public let line: Int32
    /// The enclosing element's index, or -1 at the top.
    public let parent: Int32
    /// One past the index of the node's last descendant.
    public internal(set) var subtreeEnd: Int32

    /// The value of attribute `name`, if the element has it.
    public subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    public func has(attribute name: String) -> Bool { attributes.contains { $0.name == name } }
}

public struct HTMLAttribute: Sendable, Hashable {
    /// Lowercase, as HTML treats attribute names.
    public let name: String
    public let value: String
}

/// A problem libxml2 reported while reading a page.
public struct HTMLParseError: Sendable, Hashable {
    public let line: Int
    public let column: Int
    public let message: String
}
