internal import Foundation
internal import HelpModel

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
    /// Non-ASCII scalars below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic), packed: their
    /// lowercase UTF-8 (up to three bytes) above a count byte; 0 not yet looked up,
    /// ``separator`` when the scalar ends a word. Unicode property lookups cost more than the
    /// rest of tokenizing, and a dictionary lookup per accented letter was most of what remained.
    private var smallScalars = [UInt32](repeating: 0, count: 0x800)
    private static let separator: UInt32 = 0xFF
    /// The other non-ASCII scalars met: their lowercase UTF-8, empty when they separate words.
    private var scalars: [UInt32: [UInt8]] = [:]
    /// The kept words by number, and the number of each one's stem.
    private var table: [Word] = []
    private var stemOfWord: [Int32] = []
    /// The stems by number, which articles read with this tokenizer point into.
    let stemTable = StemTable()
    /// The word being read, lowercase: raw memory the tokenizer owns, so that reading a letter
    /// is a store, not an array append (whose uniqueness and capacity checks, per byte, were
    /// most of the scan).
    private var wordBuffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64)
    /// The storage of the last words found, reused by the next call.
    private var lastFound: [WordID] = []

    func word(_ id: WordID) -> Word { table[Int(id)] }
    /// Every word this tokenizer kept, each once: a locale's vocabulary, gathered from its
    /// tokenizers, is what its term files map.
    var keptWords: [Word] { table }
    /// The stem number of a word: words that share a stem share a number.
    func stemNumber(_ id: WordID) -> Int32 { stemOfWord[Int(id)] }
    /// How many stems have numbers: each is below it.
    var stemCount: Int { stemTable.count }

    init(locale: String) {
        stemmer = Stemmer(locale: locale)
        stopWords = SearchStopWords.words(forLocale: locale)
    }

    deinit { wordBuffer.deallocate() }

    /// The words of `text` the index keeps, in order (repeats included: they count).
    ///
    /// On UTF-8 bytes: ASCII letters and digits directly, other scalars decoded from their bytes
    /// and looked up once each. The hyphenated whole is assembled only when a run has a hyphen.
    /// No closures over the running state: their captures cost an exclusivity check per byte.
    func words(in text: String) -> [WordID] {
        var run = startRun()
        var text = text
        text.withUTF8 { bytes in scan(bytes, into: &run) }
        return finish(&run)
    }

    /// The words of a run of inlines, as ``words(in:)`` finds them in its plain text
    /// (``HelpModel/Inline/plainText``), without making that string: the excerpt takes the
    /// text's bytes as they are read (when it is taking a piece).
    func words(in inlines: [Inline], excerpt: inout SearchExcerpt) -> [WordID] {
        var run = startRun()
        scan(inlines, into: &run, excerpt: &excerpt)
        return finish(&run)
    }

    /// A run over the tokenizer's buffers: the word buffer, and the last result's storage,
    /// which its caller has let go of by now (an array grown from empty for every paragraph
    /// was a malloc per few words).
    private func startRun() -> Run {
        var found: [WordID] = []
        swap(&found, &lastFound)
        found.removeAll(keepingCapacity: true)
        return Run(buffer: wordBuffer, found: found)
    }

    private func finish(_ run: inout Run) -> [WordID] {
        end(&run, atHyphen: false)
        wordBuffer = run.buffer
        lastFound = run.found
        return run.found
    }

    private func scan(_ inlines: [Inline], into run: inout Run, excerpt: inout SearchExcerpt) {
        for inline in inlines {
            switch inline.kind {
            case .text(var text), .code(var text):
                text.withUTF8 { bytes in
                    scan(bytes, into: &run)
                    excerpt.take(bytes)
                }
            case .strong(let children), .emphasis(let children), .link(_, _, let children): scan(children, into: &run, excerpt: &excerpt)
            case .image(_, _, let alt): scan(alt, into: &run, excerpt: &excerpt)
            case .softBreak, .lineBreak:  // a space
                if run.count > 0 || run.hyphenated { end(&run, atHyphen: false) }
                excerpt.takeSpace()
            }
        }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, into run: inout Run) {
        var value: UInt32 = 0
        var pending = 0  // continuation bytes still to come for `value`
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if pending == 0, byte < 0x80, Self.isWordByte(byte) {
                // A run of ASCII letters and digits, in registers: most bytes of most help
                // texts, and the run's fields in memory cost more than the rest of the scan.
                var count = run.count
                var buffer = run.buffer
                var next = byte
                while true {
                    if count == buffer.count { buffer = Run.grown(buffer) }
                    buffer[count] = next >= 0x41 ? next | 0x20 : next
                    count += 1
                    guard index < bytes.count, bytes[index] < 0x80, Self.isWordByte(bytes[index]) else { break }
                    next = bytes[index]
                    index += 1
                }
                run.count = count
                run.buffer = buffer
                continue
            }
            if pending > 0 {
                value = value << 6 | UInt32(byte & 0x3F)
                pending -= 1
                if pending == 0 { scalar(value, into: &run) }
                continue
            }
            if byte < 0x80 {
                // ASCII that is not a letter or digit: it ends a word.
                if run.count > 0 || run.hyphenated { end(&run, atHyphen: byte == 0x2D && run.count > 0) }
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

    /// An ASCII letter or digit.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x7A)
    }

    /// The state of ``words(in:)``: the words found, the word being read (in the tokenizer's
    /// buffer), and the parts of a hyphenated run before its last hyphen.
    private struct Run {
        var found: [WordID] = []
        var buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        var joined: [UInt8] = []
        var hyphenated = false

        init(buffer: UnsafeMutableBufferPointer<UInt8>, found: [WordID]) {
            self.buffer = buffer
            self.found = found
        }

        var word: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[..<count]) }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            if count == buffer.count { buffer = Self.grown(buffer) }
            buffer[count] = byte
            count += 1
        }

        /// The buffer doubled: a word longer than any met so far (a token in a code block).
        static func grown(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> UnsafeMutableBufferPointer<UInt8> {
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
            _ = larger.initialize(from: buffer)
            buffer.deallocate()
            return larger
        }
    }

    private func scalar(_ value: UInt32, into run: inout Run) {
        if value < 0x800 {
            var packed = smallScalars[Int(value)]
            if packed == 0 {
                let lower = Self.lowercase(value)
                packed = lower.isEmpty ? Self.separator : lower.count > 3 ? 0 : lower.reversed().reduce(0) { $0 << 8 | UInt32($1) } << 8 | UInt32(lower.count)
                smallScalars[Int(value)] = packed
                if packed == 0 {
                    for byte in lower { run.append(byte) }
                    return
                }
            }
            if packed == Self.separator {
                end(&run, atHyphen: false)
                return
            }
            var rest = packed >> 8
            for _ in 0..<(packed & 0xFF) {
                run.append(UInt8(truncatingIfNeeded: rest))
                rest >>= 8
            }
            return
        }
        let lower: [UInt8]
        if let known = scalars[value] {
            lower = known
        } else {
            lower = Self.lowercase(value)
            scalars[value] = lower
        }
        if !lower.isEmpty {
            for byte in lower { run.append(byte) }
        } else {
            end(&run, atHyphen: value == 0x2011 && run.count > 0)  // the non-breaking hyphen
        }
    }

    /// A letter's or digit's lowercase UTF-8; empty for a scalar that separates words.
    private static func lowercase(_ value: UInt32) -> [UInt8] {
        let properties = Unicode.Scalar(value)?.properties
        return properties.map { $0.isAlphabetic || $0.numericType != nil ? Array($0.lowercaseMapping.utf8) : [] } ?? []
    }

    /// Ends the word being read: at a hyphen, as a part of a longer run; otherwise the run too.
    private func end(_ run: inout Run, atHyphen: Bool) {
        if run.count > 0, let kept = keep(run.word) { run.found.append(kept) }
        if atHyphen {
            run.joined.append(contentsOf: run.word)
            run.hyphenated = true
        } else if run.hyphenated {
            run.joined.append(contentsOf: run.word)
            if let kept = run.joined.withUnsafeBufferPointer({ keep($0) }) { run.found.append(kept) }
            run.joined.removeAll(keepingCapacity: true)
            run.hyphenated = false
        }
        run.count = 0
    }

    /// The kept form of one lowercase word, or nil for a stop word or a single letter.
    private func keep(_ lowercase: UnsafeBufferPointer<UInt8>) -> WordID? {
        let hash = ByteTable.hash(lowercase)
        if let cached = known.value(of: lowercase, hash: hash) { return cached < 0 ? nil : cached }
        let folded = SearchText.fold(String(decoding: lowercase, as: UTF8.self))
        var result: WordID?
        if folded.unicodeScalars.count > 1 || folded.first?.isNumber == true, !stopWords.contains(folded) {
            let stem = stemmer.map { SearchText.fold(String(decoding: $0.stem(Array(lowercase)), as: UTF8.self)) } ?? folded
            result = WordID(table.count)
            table.append(Word(folded: folded, stem: stem))
            stemOfWord.append(stemTable.number(of: stem))
        }
        known.insert(lowercase, hash: hash, value: result ?? -1)
        return result
    }
}

/// A tokenizer's stems by number, kept past its work: an article's documents point into it,
/// four bytes a stem rather than a string each (20,000 articles' stem strings were 50 MB).
///
/// Appended to by its tokenizer, on one thread, while articles are read; read by any thread
/// only once reading is over (the index is made after every chunk of articles is read).
final class StemTable: @unchecked Sendable {
    private var stems: [String] = []
    private var numbers: [String: Int32] = [:]

    var count: Int { stems.count }

    subscript(number: Int32) -> String { stems[Int(number)] }

    /// The stem's number, given the next one when it is new.
    func number(of stem: String) -> Int32 {
        if let known = numbers[stem] { return known }
        let number = Int32(stems.count)
        stems.append(stem)
        numbers[stem] = number
        return number
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

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    func value(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.count < 0 { return nil }
            if slot.hash == hash, Int(slot.count) == bytes.count, matches(bytes, at: Int(slot.start)) { return slot.value }
            index = (index + 1) & mask
        }
    }

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Int32) {
        if (used + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].count >= 0 { index = (index + 1) & mask }
        slots[index] = (hash, Int32(arena.count), Int32(bytes.count), value)
        arena += bytes
        used += 1
    }

    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        arena.withUnsafeBufferPointer { arena in
            guard let base = bytes.baseAddress, let stored = arena.baseAddress else { return bytes.isEmpty }
            return memcmp(stored + start, base, bytes.count) == 0
        }
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
