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
    /// Each lowercase form met, with its word's number (-1: not kept).
    private var known = ByteTable()
    /// Each non-ASCII scalar met: its lowercase UTF-8 when it is a letter or digit, empty when it
    /// separates words. Unicode property lookups cost more than the rest of tokenizing.
    private var scalars: [UInt32: [UInt8]] = [:]
    /// The kept words by number, each with the number of its stem.
    private var table: [(word: Word, stem: Int32)] = []
    private var stems: [String] = []
    private var stemNumbers: [String: Int32] = [:]

    func word(_ id: WordID) -> Word { table[Int(id)].word }
    /// Every word this tokenizer kept, each once: a locale's vocabulary, gathered from its
    /// tokenizers, is what its term files map.
    var keptWords: [Word] { table.map(\.word) }
    /// The stem number of a word: words that share a stem share a number.
    func stemNumber(_ id: WordID) -> Int32 { table[Int(id)].stem }
    func stem(number: Int32) -> String { stems[Int(number)] }

    init(locale: String) {
        stemmer = Stemmer(locale: locale)
        stopWords = SearchStopWords.words(forLocale: locale)
    }

    /// The words of `text` the index keeps, in order (repeats included: they count).
    ///
    /// On UTF-8 bytes: ASCII letters and digits directly, other scalars decoded from their bytes
    /// and looked up once each (``scalars``). The hyphenated whole is assembled only when a run
    /// has a hyphen. No closures over the running state: their captures cost an exclusivity
    /// check per byte.
    func words(in text: String) -> [WordID] {
        var run = Run()
        run.found.reserveCapacity(text.utf8.count / 6)
        var text = text
        text.withUTF8 { bytes in scan(bytes, into: &run) }
        end(&run, atHyphen: false)
        return run.found
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, into run: inout Run) {
        var value: UInt32 = 0
        var pending = 0  // continuation bytes still to come for `value`
        for byte in bytes {
            if pending > 0 {
                value = value << 6 | UInt32(byte & 0x3F)
                pending -= 1
                if pending == 0 { scalar(value, into: &run) }
                continue
            }
            if byte < 0x80 {
                // ASCII first, without Unicode property lookups: most letters of most help texts.
                let lower = byte | 0x20
                if byte >= 0x30 && byte <= 0x39 {
                    run.word.append(byte)
                } else if lower >= 0x61 && lower <= 0x7A {
                    run.word.append(lower)
                } else {
                    end(&run, atHyphen: byte == 0x2D && !run.word.isEmpty)
                }
            } else if byte >= 0xF0 {
                value = UInt32(byte & 0x07)
                pending = 3
            } else if byte >= 0xE0 {
                value = UInt32(byte & 0x0F)
                pending = 2
            } else {
                value = UInt32(byte & 0x1F)
                pending = 1
            }
        }
    }

    /// The state of ``words(in:)``: the words found, the word being read, and the parts of a
    /// hyphenated run before its last hyphen.
    private struct Run {
        var found: [WordID] = []
        var word: [UInt8] = []
        var joined: [UInt8] = []
        var hyphenated = false
    }

    private func scalar(_ value: UInt32, into run: inout Run) {
        let lower: [UInt8]
        if let known = scalars[value] {
            lower = known
        } else {
            let properties = Unicode.Scalar(value)?.properties
            lower = properties.map { $0.isAlphabetic || $0.numericType != nil ? Array($0.lowercaseMapping.utf8) : [] } ?? []
            scalars[value] = lower
        }
        if !lower.isEmpty {
            run.word += lower
        } else {
            end(&run, atHyphen: value == 0x2011 && !run.word.isEmpty)  // the non-breaking hyphen
        }
    }

    /// Ends the word being read: at a hyphen, as a part of a longer run; otherwise the run too.
    private func end(_ run: inout Run, atHyphen: Bool) {
        if !run.word.isEmpty, let kept = keep(run.word) { run.found.append(kept) }
        if atHyphen {
            run.joined += run.word
            run.hyphenated = true
        } else if run.hyphenated {
            run.joined += run.word
            if let kept = keep(run.joined) { run.found.append(kept) }
            run.joined.removeAll(keepingCapacity: true)
            run.hyphenated = false
        }
        run.word.removeAll(keepingCapacity: true)
    }

    /// The kept form of one lowercase word, or nil for a stop word or a single letter.
    private func keep(_ lowercase: [UInt8]) -> WordID? {
        let hash = ByteTable.hash(lowercase)
        if let cached = known.value(of: lowercase, hash: hash) { return cached < 0 ? nil : cached }
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
        known.insert(lowercase, hash: hash, value: result ?? -1)
        return result
    }
}

/// Byte strings to numbers, for the words a tokenizer meets again and again: open addressing
/// over FNV-1a hashes, the bytes kept in one arena. A `Dictionary` keyed by `[UInt8]` hashes a
/// word one call per byte, and one keyed by `String` costs a string per occurrence; this is a
/// pass over the bytes and one comparison.
struct ByteTable {
    private var arena: [UInt8] = []
    /// Per slot: the entry's hash, where its bytes start in the arena, their count, its value;
    /// count -1 marks an empty slot.
    private var slots: [(hash: UInt64, start: Int32, count: Int32, value: Int32)]
    private var used = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: (0, 0, -1, 0), count: size)
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    func value(of bytes: [UInt8], hash: UInt64) -> Int32? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.count < 0 { return nil }
            if slot.hash == hash, Int(slot.count) == bytes.count, matches(bytes, at: Int(slot.start)) { return slot.value }
            index = (index + 1) & mask
        }
    }

    mutating func insert(_ bytes: [UInt8], hash: UInt64, value: Int32) {
        if (used + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].count >= 0 { index = (index + 1) & mask }
        slots[index] = (hash, Int32(arena.count), Int32(bytes.count), value)
        arena += bytes
        used += 1
    }

    private func matches(_ bytes: [UInt8], at start: Int) -> Bool {
        for offset in bytes.indices where arena[start + offset] != bytes[offset] { return false }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: (0, 0, -1, 0), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.count >= 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[index].count >= 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
