internal import CStemmer

/// A language's Snowball stemmer (libstemmer): "réinitialisation" and "réinitialiser" both
/// become "réinitialis", so a reader's word finds the article's other forms of it.
///
/// The only file with libstemmer pointers. A stemmer keeps state between calls, so each one
/// belongs to one thread: the index builder makes one per task.
final class Stemmer {
    private let stemmer: OpaquePointer

    /// Snowball's algorithm for a locale's language (`fr-CA` → french), nil when it has none.
    static func algorithm(forLocale locale: String) -> String? {
        let language = locale.split(separator: "-").first.map { $0.lowercased() } ?? locale
        return algorithms[language]
    }

    private static let algorithms: [String: String] = [
        "ar": "arabic", "da": "danish", "de": "german", "el": "greek", "en": "english", "es": "spanish",
        "fi": "finnish", "fr": "french", "hu": "hungarian", "id": "indonesian", "it": "italian",
        "lt": "lithuanian", "nb": "norwegian", "ne": "nepali", "nl": "dutch", "nn": "norwegian",
        "no": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
        "sv": "swedish", "ta": "tamil", "tr": "turkish",
    ]

    init?(locale: String) {
        guard let algorithm = Self.algorithm(forLocale: locale), let made = sb_stemmer_new(algorithm, "UTF_8") else {
            return nil
        }
        stemmer = made
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of a lowercased word, as UTF-8.
    func stem(_ word: [UInt8]) -> [UInt8] {
        word.withUnsafeBufferPointer { buffer -> [UInt8] in
            guard let base = buffer.baseAddress,
                let stemmed = sb_stemmer_stem(stemmer, base, Int32(buffer.count))
            else { return word }
            let length = Int(sb_stemmer_length(stemmer))
            return Array(UnsafeBufferPointer(start: stemmed, count: length))
        }
    }
}
