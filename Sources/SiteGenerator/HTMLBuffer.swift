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

    /// Markup this target rendered before (escaped then), such as a locale's feedback form.
    mutating func append(_ rendered: [UInt8]) {
        bytes.append(contentsOf: rendered)
    }

    mutating func text(_ text: String) {
        if frenchSpacing, let spaced = FrenchSpacing.spaced(text.utf8) {
            appendEscaped(spaced)
        } else {
            appendEscaped(text.utf8)
        }
    }

    private mutating func appendEscaped<Bytes: Collection<UInt8>>(_ utf8: Bytes) {
        // On the contiguous bytes (a native string's, an array's): a page's text passes here,
        // and the generic `contains(where:)` this replaced was a tenth of a build.
        let done: Void? = utf8.withContiguousStorageIfAvailable { appendEscaped(buffer: $0) }
        if done == nil { Array(utf8).withUnsafeBufferPointer { appendEscaped(buffer: $0) } }
    }

    private mutating func appendEscaped(buffer: UnsafeBufferPointer<UInt8>) {
        var copied = 0
        for index in 0..<buffer.count {
            let entity: StaticString
            switch buffer[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copied..<index]))
            bytes.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            copied = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copied...]))
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
}

/// Replaces the ordinary space a writer types before `: ; ? !` and inside « » with the no-break
/// spaces of French typography (narrow before `; ? !`, plain before `:` and inside guillemets).
enum FrenchSpacing {
    /// The re-spaced text, or nil when there is nothing to change (the common case).
    static func apply(to text: String) -> String? {
        spaced(text.utf8).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The re-spaced UTF-8, or nil when there is nothing to change. Works on the bytes: the
    /// marks and « » are ASCII or two-byte sequences, and a page's text goes through here
    /// (building scalars and a new string cost a seventh of a French build).
    static func spaced(_ utf8: String.UTF8View) -> [UInt8]? {
        if let result = utf8.withContiguousStorageIfAvailable({ spaced(bytes: $0) }) { return result }
        return Array(utf8).withUnsafeBufferPointer { spaced(bytes: $0) }
    }

    /// The re-spaced UTF-8 of a byte string, or nil when there is nothing to change.
    static func spaced(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { spaced(bytes: $0) }
    }

    private static let narrow: [UInt8] = [0xE2, 0x80, 0xAF]  // U+202F NARROW NO-BREAK SPACE
    private static let noBreak: [UInt8] = [0xC2, 0xA0]  // U+00A0 NO-BREAK SPACE

    private static func spaced(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var result: [UInt8]?
        var copied = 0
        let count = bytes.count
        for index in 0..<count where bytes[index] == 0x20 {
            let next = index + 1 < count ? bytes[index + 1] : 0
            let replacement: [UInt8]
            switch next {
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ";"):
                replacement = narrow
            case UInt8(ascii: ":"):
                replacement = noBreak
            case 0xC2 where index + 2 < count && bytes[index + 2] == 0xBB:  // » follows
                replacement = noBreak
            default:
                guard index >= 2, bytes[index - 2] == 0xC2, bytes[index - 1] == 0xAB else { continue }  // « before
                replacement = noBreak
            }
            if result == nil { result = []; result!.reserveCapacity(count + 8) }
            result!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            result!.append(contentsOf: replacement)
            copied = index + 1
        }
        guard result != nil else { return nil }
        result!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
        return result
    }
}
