/// UTF-8 output with escaping built in: the one way page text reaches the page.
///
/// `text` escapes `& < > "`, so the same call is safe in element content and in attribute
/// values, which this target always writes in double quotes. `raw` is only for markup this
/// target writes itself.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []
    /// French typography: a no-break space before `: ; ? !` and inside « », so that a "?"
    /// never starts a line on a narrow screen. Writers type ordinary spaces; pages get these.
    var frenchSpacing = false

    init(capacity: Int = 16 * 1024, frenchSpacing: Bool = false) {
        bytes.reserveCapacity(capacity)
        self.frenchSpacing = frenchSpacing
    }

    /// Text written as it is, escaped but never re-spaced: code.
    mutating func verbatim(_ text: String) {
        let spacing = frenchSpacing
        frenchSpacing = false
        self.text(text)
        frenchSpacing = spacing
    }

    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    mutating func text(_ text: String) {
        if frenchSpacing, let spaced = FrenchSpacing.apply(to: text) {
            frenchSpacing = false
            self.text(spaced)
            frenchSpacing = true
            return
        }
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

    /// ` name="value"`, the value escaped. Only `prose` values (labels, messages) get the
    /// locale's typography; URLs, ids and policies are written as they are.
    mutating func attribute(_ name: String, _ value: String, prose: Bool = false) {
        raw(" \(name)=\"")
        if prose { text(value) } else { verbatim(value) }
        raw("\"")
    }

    /// ` name="address"` for a link or image address from an article, percent-encoded as cmark
    /// does (see ``HrefEscaping``), so a browser reads the address the writer meant.
    mutating func address(_ name: String, _ address: String) {
        raw(" \(name)=\"")
        raw(HrefEscaping.escaped(address))
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

/// Replaces the ordinary space a writer types before `: ; ? !` and inside « » with the no-break
/// spaces of French typography (narrow before `; ? !`, plain before `:` and inside guillemets).
enum FrenchSpacing {
    /// The re-spaced text, or nil when there is nothing to change (the common case).
    static func apply(to text: String) -> String? {
        let utf8 = text.utf8
        guard utf8.contains(0x20), utf8.contains(where: { $0 == 0x3F || $0 == 0x21 || $0 == 0x3A || $0 == 0x3B || $0 == 0xC2 }) else {
            return nil
        }
        var scalars = Array(text.unicodeScalars)
        var changed = false
        for index in scalars.indices where scalars[index] == " " {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            let previous = index > 0 ? scalars[index - 1] : nil
            switch (previous, next) {
            case (_, "?"?), (_, "!"?), (_, ";"?):
                scalars[index] = "\u{202F}"
                changed = true
            case (_, ":"?), (_, "»"?), ("«"?, _):
                scalars[index] = "\u{00A0}"
                changed = true
            default:
                continue
            }
        }
        guard changed else { return nil }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
