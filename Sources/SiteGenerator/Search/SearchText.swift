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
                let lower = value >= 0x41 && value <= 0x5A ? value + 0x20 : value
                if escapeJSON { appendJSONScalar(Unicode.Scalar(UInt8(lower)), to: &out) } else { out.append(UInt8(lower)) }
            } else if let base = LatinFolding.base[scalar] {
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

    /// A JSON string literal, also safe in a script (`<`, U+2028 and U+2029 escaped).
    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars { appendJSONScalar(scalar, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    static func appendJSONScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        switch scalar.value {
        case 0x22: out.append(contentsOf: "\\\"".utf8)
        case 0x5C: out.append(contentsOf: "\\\\".utf8)
        case 0x0A: out.append(contentsOf: "\\n".utf8)
        case 0x0D: out.append(contentsOf: "\\r".utf8)
        case 0x09: out.append(contentsOf: "\\t".utf8)
        case 0x3C: out.append(contentsOf: "\\u003c".utf8)  // no "</script" even if inlined one day
        case 0x00..<0x20, 0x2028, 0x2029:
            let hex = String(scalar.value, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        default:
            UTF8.encode(scalar) { out.append($0) }
        }
    }
}
/// Latin letters with diacritics and their lowercase base letter (`É` → `e`), as NFD plus
/// removing combining marks plus lowercasing gives them; built once from Foundation itself so
/// that the table and the fallback cannot disagree.
enum LatinFolding {
    static let base: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for value in UInt32(0xC0)...UInt32(0x24F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = String(scalar).decomposedStringWithCanonicalMapping.lowercased().unicodeScalars
                .filter { !(0x300...0x36F).contains($0.value) }
            if folded.count == 1, let single = folded.first { table[scalar] = single }
        }
        return table
    }()
}
