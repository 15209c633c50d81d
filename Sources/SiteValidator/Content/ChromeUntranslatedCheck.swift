internal import Foundation
internal import HelpModel

/// A chrome text identical to another locale's is most likely untranslated ("week" on a French
/// page): a warning at the key in the later locale (the default locale comes first), with a note
/// at the earlier one. Keys a catalog lists under `same-as-other-locales` are meant to be so.
enum ChromeUntranslatedCheck {
    static func findings(_ catalogs: ChromeCatalogs) -> [Finding] {
        var findings: [Finding] = []
        let all = catalogs.catalogs
        for (position, catalog) in all.enumerated() {
            for key in catalog.strings.keys.sorted() where !catalog.intentionallyIdentical.contains(key) {
                guard let text = comparable(catalog.strings[key]),
                    let earlier = all[..<position].first(where: { comparable($0.strings[key]) == text })
                else { continue }
                let message = "chrome key '\(key)' reads \"\(text)\" in '\(catalog.locale)', the same as in '\(earlier.locale)'; "
                    + "translate it, or list it under same-as-other-locales in \(catalog.file) if it is meant to read the same"
                let note = Diagnostic.Note(
                    file: earlier.file, location: ChromeCatalogs.location(of: key, in: earlier),
                    message: "the same text in '\(earlier.locale)'")
                findings.append(Finding(
                    .chromeUntranslated,
                    .warning(message, file: catalog.file, at: ChromeCatalogs.location(of: key, in: catalog), notes: [note])))
            }
        }
        return findings
    }

    /// The text as compared: trimmed; nil when nothing but `{placeholders}`, spaces and
    /// punctuation is left, which reads the same in every language.
    private static func comparable(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        let withoutPlaceholders = trimmed.replacingOccurrences(of: #"\{[^}]*\}"#, with: "", options: .regularExpression)
        guard withoutPlaceholders.unicodeScalars.contains(where: CharacterSet.letters.contains) else { return nil }
        return trimmed
    }
}
