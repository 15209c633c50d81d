internal import Foundation

/// Makes URL-safe identifiers from titles: `Comment réinitialiser ?` → `comment-reinitialiser`.
enum Slug {
    /// Lowercase ASCII letters and digits joined by single hyphens; accents are taken off
    /// (é → e, ß → ss) so anchors stay readable in every locale of the help center.
    static func make(_ text: String) -> String {
        // Foundation's folding is slow; most headings need it for a few letters at most.
        let folded = text.utf8.allSatisfy { $0 < 0x80 }
            ? text.lowercased()
            : text.replacingOccurrences(of: "ß", with: "ss")
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
}
