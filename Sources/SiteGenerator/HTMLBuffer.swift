/// UTF-8 output with escaping built in: the one way page text reaches the page.
///
/// `text` escapes `& < > "`, so the same call is safe in element content and in attribute
/// values, which this target always writes in double quotes. `raw` is only for markup this
/// target writes itself.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 16 * 1024) {
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    mutating func text(_ text: String) {
        var utf8 = text.utf8
        // Fast path: most text has nothing to escape.
        if !utf8.contains(where: Self.needsEscape) {
            bytes.append(contentsOf: utf8)
            return
        }
        utf8 = text.utf8
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            default: bytes.append(byte)
            }
        }
    }

    /// ` name="value"`, the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        raw(" \(name)=\"")
        text(value)
        raw("\"")
    }

    /// `<tag attr="…">escaped text</tag>`.
    mutating func element(_ tag: String, _ attributes: [(String, String)] = [], text content: String) {
        open(tag, attributes)
        text(content)
        raw("</\(tag)>")
    }

    mutating func open(_ tag: String, _ attributes: [(String, String)] = []) {
        raw("<\(tag)")
        for (name, value) in attributes { attribute(name, value) }
        raw(">")
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"")
    }
}
