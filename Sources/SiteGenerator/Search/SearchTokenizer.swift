/// Text → the words the index keeps, each with its stem, both folded as the page script folds
/// a query (lowercase, no accents).
///
/// A word is a run of letters and digits; an apostrophe or a hyphen ends one ("l'utilisateur"
/// → "utilisateur"), and a hyphenated word is also kept whole ("e-mail" → "email" as well as
/// "mail"). Words of one letter and the language's stop words are left out. The stem comes from
/// the lowercase word *with* its accents, which is what Snowball expects; folding comes after.
/// Not shared between threads: it holds a stemmer and a cache of the words it has met.
final class SearchTokenizer {
    struct Word: Hashable {
        /// The word as the reader could type it, folded: what a query looks up.
        var folded: String
        /// Its stem, folded: what the index's postings are kept under.
        var stem: String
    }

    /// A kept word by number (``words(in:)`` gives numbers): a document counts and collects
    /// numbers, not pairs of strings hashed at every occurrence.
    typealias WordID = Int32

    private let stemmer: Stemmer?
    private let stopWords: Set<String>
    /// Each lowercase form met, with its word's number (nil: not kept).
    private var known: [[UInt8]: WordID?] = [:]
    /// The kept words by number, each with the number of its stem.
    private var table: [(word: Word, stem: Int32)] = []
    private var stems: [String] = []
    private var stemNumbers: [String: Int32] = [:]

    func word(_ id: WordID) -> Word { table[Int(id)].word }
    /// The stem number of a word: words that share a stem share a number.
    func stemNumber(_ id: WordID) -> Int32 { table[Int(id)].stem }
    func stem(number: Int32) -> String { stems[Int(number)] }

    init(locale: String) {
        stemmer = Stemmer(locale: locale)
        stopWords = SearchStopWords.words(forLocale: locale)
    }

    /// The words of `text` the index keeps, in order (repeats included: they count).
    func words(in text: String) -> [WordID] {
        var found: [WordID] = []
        var word: [UInt8] = []
        var joined: [UInt8] = []  // the hyphenated whole, while a hyphen has joined parts
        var hyphenated = false
        func flush(endOfRun: Bool) {
            if !word.isEmpty, let kept = keep(word) { found.append(kept) }
            word.removeAll(keepingCapacity: true)
            if endOfRun {
                if hyphenated, let kept = keep(joined) { found.append(kept) }
                joined.removeAll(keepingCapacity: true)
                hyphenated = false
            }
        }
        for scalar in text.unicodeScalars {
            // ASCII first, without Unicode property lookups: most letters of most help texts.
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                let lower = byte | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    let kept = byte >= 0x30 && byte <= 0x39 ? byte : lower
                    word.append(kept)
                    joined.append(kept)
                } else if byte == 0x2D, !word.isEmpty {
                    hyphenated = true
                    flush(endOfRun: false)
                } else {
                    flush(endOfRun: true)
                }
                continue
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                let lower = properties.lowercaseMapping.utf8
                word.append(contentsOf: lower)
                joined.append(contentsOf: lower)
            } else if scalar == "\u{2011}", !word.isEmpty {
                hyphenated = true
                flush(endOfRun: false)
            } else {
                flush(endOfRun: true)
            }
        }
        flush(endOfRun: true)
        return found
    }

    /// The kept form of one lowercase word, or nil for a stop word or a single letter.
    private func keep(_ lowercase: [UInt8]) -> WordID? {
        if let cached = known[lowercase] { return cached }
        let folded = SearchText.fold(String(decoding: lowercase, as: UTF8.self))
        var result: WordID?
        if folded.unicodeScalars.count > 1 || folded.first?.isNumber == true, !stopWords.contains(folded) {
            let stem = stemmer.map { SearchText.fold(String(decoding: $0.stem(lowercase), as: UTF8.self)) } ?? folded
            let stemNumber: Int32
            if let known = stemNumbers[stem] {
                stemNumber = known
            } else {
                stemNumber = Int32(stems.count)
                stems.append(stem)
                stemNumbers[stem] = stemNumber
            }
            result = WordID(table.count)
            table.append((Word(folded: folded, stem: stem), stemNumber))
        }
        known[lowercase] = result
        return result
    }
}
