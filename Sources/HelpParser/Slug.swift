internal import Foundation

/// Makes URL-safe identifiers from titles: `Comment réinitialiser ?` → `comment-reinitialiser`.
enum Slug {
    /// Lowercase ASCII letters and digits joined by single hyphens; accents are taken off
    /// (é → e, ß → ss) so anchors stay readable in every locale of the help center.
    static func make(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
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
