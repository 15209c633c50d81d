internal import Foundation

/// How search folds text and writes its files: the one folding the index and the page script
/// share, and JSON that is safe inside a script.
enum SearchText {
    /// Lowercase without diacritics: what `normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    /// .toLowerCase()` gives in the browser.
    static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        appendFolded(text, to: &out, escapeJSON: false)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` folded (see ``fold(_:)``) as UTF-8, JSON-escaped unless told otherwise.
    /// Latin letters take a table; anything else goes through Foundation's canonical
    /// decomposition, one scalar at a time.
    static func appendFolded(_ text: String, to out: inout [UInt8], escapeJSON: Bool = true) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let lower = UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
                if escapeJSON { appendJSONASCII(lower, to: &out) } else { out.append(lower) }
            } else if let base = LatinFolding.base(of: value) {
                UTF8.encode(base) { out.append($0) }
            } else if (0x300...0x36F).contains(value) {
                continue
            } else {
                for part in String(scalar).decomposedStringWithCanonicalMapping.lowercased().unicodeScalars
                where !(0x300...0x36F).contains(part.value) {
                    if escapeJSON { appendJSONScalar(part, to: &out) } else { UTF8.encode(part) { out.append($0) } }
                }
            }
        }
    }

    /// Digits without a `String` per number: a locale's postings are hundreds of thousands.
    static func appendDecimal(_ value: UInt64, to out: inout [UInt8]) {
        appendDigits(value, radix: 10, to: &out)
    }

    /// Lowercase hexadecimal digits, as `String(value, radix: 16)` writes them.
    static func appendHexadecimal(_ value: UInt64, to out: inout [UInt8]) {
        appendDigits(value, radix: 16, to: &out)
    }

    private static func appendDigits(_ value: UInt64, radix: UInt64, to out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                let digit = UInt8(rest % radix)
                buffer[count] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                rest /= radix
                count += 1
            } while rest > 0
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }

    /// A JSON string literal, also safe in a script (`<`, U+2028 and U+2029 escaped). On UTF-8
    /// bytes: every title and excerpt of every article goes through here.
    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendJSONString(utf8: $0, to: &out) }
    }

    /// A JSON string literal of UTF-8 bytes, as ``appendJSONString(_:to:)``.
    static func appendJSONString(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Runs of bytes that need no escape are copied whole: a byte at a time was most of
        // writing the result files.
        var index = 0
        var runStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0x3C, byte != 0xE2 {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 {
                out.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)  // U+2028, U+2029
                index += 3
            } else {
                if byte == 0xE2 { out.append(byte) } else { appendJSONASCII(byte, to: &out) }
                index += 1
            }
            runStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        out.append(UInt8(ascii: "\""))
    }

    static func appendJSONScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        switch scalar.value {
        case 0..<0x80: appendJSONASCII(UInt8(scalar.value), to: &out)
        case 0x2028, 0x2029: out.append(contentsOf: "\\u\(String(scalar.value, radix: 16))".utf8)
        default: UTF8.encode(scalar) { out.append($0) }
        }
    }

    @inline(__always)
    private static func appendJSONASCII(_ byte: UInt8, to out: inout [UInt8]) {
        if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0x3C {
            out.append(byte)
            return
        }
        switch byte {
        case 0x22: out.append(contentsOf: "\\\"".utf8)
        case 0x5C: out.append(contentsOf: "\\\\".utf8)
        case 0x0A: out.append(contentsOf: "\\n".utf8)
        case 0x0D: out.append(contentsOf: "\\r".utf8)
        case 0x09: out.append(contentsOf: "\\t".utf8)
        case 0x3C: out.append(contentsOf: "\\u003c".utf8)  // no "</script" even if inlined one day
        case 0x00..<0x20:
            let hex = String(byte, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        default:
            out.append(byte)
        }
    }
}

/// Latin letters with diacritics and their lowercase base letter (`É` → `e`), as NFD plus
/// removing combining marks plus lowercasing gives them; built once from Foundation itself so
/// that the table and the fallback cannot disagree.
enum LatinFolding {
    private static let first: UInt32 = 0xC0
    private static let table: [Unicode.Scalar?] = (first...UInt32(0x24F)).map { value in
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let folded = String(scalar).decomposedStringWithCanonicalMapping.lowercased().unicodeScalars
            .filter { !(0x300...0x36F).contains($0.value) }
        return folded.count == 1 ? folded.first : nil
    }

    /// The base letter of a Latin letter with diacritics; nil outside Latin-1 Supplement and
    /// Latin Extended-A/B, or where folding gives more than one letter.
    static func base(of value: UInt32) -> Unicode.Scalar? {
        guard value >= first, value - first < UInt32(table.count) else { return nil }
        return table[Int(value - first)]
    }
}
