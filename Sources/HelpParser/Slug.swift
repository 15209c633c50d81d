internal import Foundation

/// Makes URL-safe identifiers from titles: `Comment réinitialiser ?` → `comment-reinitialiser`.
/// Public for `helpcenter import`, whose slugs, categories and aliases must be identifiers the
/// parser accepts.
public enum Slug {
    /// Lowercase ASCII letters and digits joined by single hyphens; accents are taken off
    /// (é → e, ß → ss) so anchors stay readable in every locale of the help center.
    /// Whether `text` is such an identifier (what `id:`, `slug:` and `{#…}` accept).
    public static func isIdentifier(_ text: String) -> Bool { text.isIdentifier }

    /// `slug`, or `slug-2`, `slug-3`… the first that `isTaken` refuses not: how a heading's anchor
    /// is made unique in its article (the build and the importer number alike).
    public static func unique(_ slug: String, isTaken: (String) -> Bool) -> String {
        guard isTaken(slug) else { return slug }
        var number = 2
        while isTaken("\(slug)-\(number)") { number += 1 }
        return "\(slug)-\(number)"
    }

    public static func make(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
        if let latin = latinSlug(text) { return latin }
        // Foundation's folding is slow; most headings need it for a few letters at most.
        let folded = text.replacingOccurrences(of: "ß", with: "ss")
                .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let isWordCharacter = scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar))
            if isWordCharacter {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// Latin-1 letters without their accents (U+00C0 to U+00FF), `nil` where there is no base letter.
    private static let latin1Bases: [UInt8?] = {
        let table: [(ClosedRange<UInt32>, Character?)] = [
            (0xC0...0xC5, "a"), (0xC6...0xC6, nil), (0xC7...0xC7, "c"), (0xC8...0xCB, "e"), (0xCC...0xCF, "i"),
            (0xD0...0xD0, "d"), (0xD1...0xD1, "n"), (0xD2...0xD6, "o"), (0xD7...0xD7, nil), (0xD8...0xD8, "o"),
            (0xD9...0xDC, "u"), (0xDD...0xDD, "y"), (0xDE...0xDF, nil), (0xE0...0xE5, "a"), (0xE6...0xE6, nil),
            (0xE7...0xE7, "c"), (0xE8...0xEB, "e"), (0xEC...0xEF, "i"), (0xF0...0xF0, "d"), (0xF1...0xF1, "n"),
            (0xF2...0xF6, "o"), (0xF7...0xF7, nil), (0xF8...0xF8, "o"), (0xF9...0xFC, "u"), (0xFD...0xFD, "y"),
            (0xFE...0xFE, nil), (0xFF...0xFF, "y"),
        ]
        var bases = [UInt8?](repeating: nil, count: 0x40)
        for (range, base) in table {
            for value in range { bases[Int(value - 0xC0)] = base?.asciiValue }
        }
        return bases
    }()

    /// Headings in Latin-1 (French, German, Spanish accents) without Foundation's folding, which
    /// costs more than the rest of the heading; nil for anything else (æ, ß, þ, other scripts).
    private static func latinSlug(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if value >= 0x80 {
                guard value >= 0xC0, value <= 0xFF else {
                    if value >= 0xA0 && value < 0xC0 || value == 0x2019 || value == 0x2013 || value == 0x2014 {
                        pendingHyphen = true  // punctuation and spaces of Latin-1, ’ – —
                        continue
                    }
                    return nil
                }
                guard let base = latin1Bases[Int(value - 0xC0)] else {
                    if value == 0xD7 || value == 0xF7 { pendingHyphen = true; continue }
                    return nil
                }
                value = UInt32(base)
            }
            var byte = UInt8(value)
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                if pendingHyphen, !bytes.isEmpty { bytes.append(0x2D) }
                pendingHyphen = false
                bytes.append(byte)
            } else {
                pendingHyphen = true
            }
        }
        return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
    }

    /// The same for ASCII text, on bytes: every heading of every article goes through here.
    private static func asciiSlug(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingHyphen, !bytes.isEmpty { bytes.append(0x2D) }
                pendingHyphen = false
                bytes.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
    }
}
