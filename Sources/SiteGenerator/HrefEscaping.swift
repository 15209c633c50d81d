/// Link and image addresses written the way cmark's own HTML renderer writes them
/// (`houdini_escape_href`): bytes that may stand in a URL pass, the rest are percent-encoded.
///
/// Articles are rendered from the model, not by cmark, so without this a backslash in
/// `[x](foo\bar)` reached the page as is, and browsers read `\` as `/`. Reserved characters
/// (`/ ? # & = …`) and `%` keep their meaning: an address that is already encoded is not
/// encoded twice. `&` and `'` are valid in a URL but not bare in an attribute, so they become
/// `&amp;` and `&#x27;`, as cmark writes them.
enum HrefEscaping {
    /// The attribute value for `address`, ready to go between double quotes unchanged.
    static func escaped(_ address: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(address.utf8.count)
        for byte in address.utf8 {
            if isSafe(byte) {
                bytes.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#x27;".utf8)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// cmark's `HREF_SAFE` set: ASCII letters and digits and `-_.+!*(),%#@?=;:/$~`.
    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            safePunctuation.contains(byte)
        }
    }

    private static let safePunctuation = Set("-_.+!*(),%#@?=;:/$~".utf8)
}
