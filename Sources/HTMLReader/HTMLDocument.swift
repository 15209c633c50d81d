/// An HTML page read back as Swift values: every element and text run in document order.
///
/// The validator and the procedure checker look at pages the way a browser's accessibility
/// tree would (labels, links, headings), so they need the parsed tree, not the text. Nodes are
/// kept in one flat array in document order; a node's descendants are the nodes that follow it
/// up to ``HTMLNode/subtreeEnd``, which makes "the text of this link" or "the inputs of this
/// form" a slice instead of a pointer chase. Texts and attribute values live in one byte arena
/// and become `String`s only when asked for: a 20,000-page site is millions of them.
public struct HTMLDocument: Sendable {
    /// Every element and text node, in document order (pre-order).
    public let nodes: [HTMLNode]
    /// What libxml2 reported while reading, except HTML5 element names it does not know.
    public let errors: [HTMLParseError]
    /// Every element's attributes, each element's a contiguous run (``HTMLNode/attributeRange``).
    let attributeTable: [StoredAttribute]
    /// The bytes of every text run and attribute value.
    let arena: [UInt8]
    /// The page's bytes, to place a finding at a column as well as a line.
    private let bytes: [UInt8]
    /// Indices of every element, in document order.
    public let elementIndices: [Int]

    init(nodes: [HTMLNode], attributes: [StoredAttribute], arena: [UInt8], errors: [HTMLParseError], bytes: [UInt8]) {
        self.nodes = nodes
        self.attributeTable = attributes
        self.arena = arena
        self.errors = errors
        self.bytes = bytes
        var elements: [Int] = []
        elements.reserveCapacity(nodes.count)
        for index in nodes.indices where nodes[index].kind == .element {
            elements.append(index)
        }
        elementIndices = elements
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

    /// The value of attribute `name` (lowercase) of element `index`, if it has it.
    public func attribute(_ name: String, of index: Int) -> String? {
        let range = nodes[index].attributeRange
        for position in Int(range.lowerBound)..<Int(range.upperBound) where attributeTable[position].name == name {
            return string(attributeTable[position].value)
        }
        return nil
    }

    public func hasAttribute(_ name: String, of index: Int) -> Bool {
        let range = nodes[index].attributeRange
        return (Int(range.lowerBound)..<Int(range.upperBound)).contains { attributeTable[$0].name == name }
    }

    /// The name of the first attribute of element `index` that `matches`, without reading values.
    public func firstAttributeName(of index: Int, where matches: (String) -> Bool) -> String? {
        let range = nodes[index].attributeRange
        for position in Int(range.lowerBound)..<Int(range.upperBound) where matches(attributeTable[position].name) {
            return attributeTable[position].name
        }
        return nil
    }

    /// Every attribute of element `index`, in source order.
    public func attributes(of index: Int) -> [HTMLAttribute] {
        let range = nodes[index].attributeRange
        return (Int(range.lowerBound)..<Int(range.upperBound)).map {
            HTMLAttribute(name: attributeTable[$0].name, value: string(attributeTable[$0].value))
        }
    }

    /// The characters of text node `index` as libxml2 decoded them; empty for an element.
    public func ownText(of index: Int) -> String {
        string(nodes[index].textRange)
    }

    private func string(_ range: Range<Int32>) -> String {
        arena.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(range.lowerBound)..<Int(range.upperBound)]), as: UTF8.self)
        }
    }

    /// Indices of the elements named `name` (lowercase), in document order.
    public func elements(named name: String) -> [Int] {
        elementIndices.filter { nodes[$0].name == name }
    }

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
            let range = nodes[position].textRange
            for byte in arena[Int(range.lowerBound)..<Int(range.upperBound)] {
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
    public func column(of needle: String, onLine line: Int) -> Int? {
        PageLines(bytes).column(of: needle, onLine: line)
    }
}

/// Columns on the lines of a page: libxml2 gives nodes a line only, so a finding is narrowed to
/// the attribute it is about by looking for it on that line. Asked only when there is a finding.
public struct PageLines: Sendable {
    private let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The 1-based column (in characters) on `line` where `needle` first occurs, or nil.
    public func column(of needle: String, onLine line: Int) -> Int? {
        let pattern = Array(needle.utf8)
        guard line >= 1, !pattern.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            var start = 0
            var current = 1
            while current < line {
                guard let newline = buffer[start...].firstIndex(of: 0x0A) else { return nil }
                start = newline + 1
                current += 1
            }
            let end = buffer[start...].firstIndex(of: 0x0A) ?? buffer.count
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
    /// The 1-based line where libxml2 saw the node start.
    public let line: Int32
    /// The enclosing element's index, or -1 at the top.
    public let parent: Int32
    /// One past the index of the node's last descendant.
    public internal(set) var subtreeEnd: Int32
    /// The element's attributes in ``HTMLDocument``'s table (read them through the document).
    let attributeRange: Range<Int32>
    /// A text run's bytes in the document's arena.
    let textRange: Range<Int32>
}

/// An attribute as stored: its name, and its value's bytes in the document's arena.
struct StoredAttribute: Sendable {
    let name: String
    let value: Range<Int32>
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
