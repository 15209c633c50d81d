internal import Foundation

/// The strings of one locale, with the drift renames of `--rename-label` already applied.
struct Catalog: Sendable {
    let locale: EngineLocale
    private let texts: [TextKey: String]

    /// - Parameter renames: every text equal to a rename's `from` in this locale becomes its `to`.
    init(locale: EngineLocale, renames: [LabelRename]) {
        self.locale = locale
        var texts = Self.source(locale)
        for rename in renames where rename.locale == locale {
            for (key, value) in texts where value == rename.from { texts[key] = rename.to }
        }
        self.texts = texts
    }

    subscript(_ key: TextKey) -> String {
        texts[key] ?? key.rawValue
    }

    /// The text of `key` with `{name}` placeholders replaced.
    func callAsFunction(_ key: TextKey, _ values: [String: String] = [:]) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Keys a locale's source catalog lacks; empty for a complete catalog.
    static func missingKeys(_ locale: EngineLocale) -> [TextKey] {
        let texts = source(locale)
        return TextKey.allCases.filter { texts[$0] == nil }
    }

    /// Whether any text of the locale is exactly `text` (used to validate `--rename-label`).
    static func contains(_ text: String, in locale: EngineLocale) -> Bool {
        source(locale).values.contains(text)
    }

    private static func source(_ locale: EngineLocale) -> [TextKey: String] {
        switch locale {
        case .fr: french
        case .en: english
        case .de: german
        case .es: spanish
        }
    }
}

/// The catalogs of all locales, made once when the engine starts.
struct Catalogs: Sendable {
    private let catalogs: [EngineLocale: Catalog]

    init(renames: [LabelRename]) {
        var catalogs: [EngineLocale: Catalog] = [:]
        for locale in EngineLocale.allCases { catalogs[locale] = Catalog(locale: locale, renames: renames) }
        self.catalogs = catalogs
    }

    subscript(_ locale: EngineLocale) -> Catalog {
        catalogs[locale] ?? Catalog(locale: locale, renames: [])
    }
}
