internal import Foundation
internal import HelpModel

/// The per-locale search index, written as a script (`search-index.js`) so that search works
/// from the static files alone, `file://` included, where fetching JSON is not allowed.
///
/// Each entry's `k` is its searchable text (title, headings, step sentences, UI labels)
/// folded exactly as the page script folds a query: NFD, combining marks removed, lowercase.
/// So "reinitialiser" finds "réinitialiser".
enum SearchIndex {
    static func script(locale: String, articles: [Article], categoryNames: [String: String], cache: SearchEntryCache) -> [UInt8] {
        // Entries are independent: built (or taken from the cache) on every core, joined in order.
        let entries = ParallelResults<[UInt8]>.map(count: articles.count, chunk: 256) { index in
            cache.entry(for: articles[index], categoryNames: categoryNames)
        }
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(64) { $0 + $1.count + 2 })
        out.append(contentsOf: "self.helpCenterSearchIndex = {\"locale\":".utf8)
        appendJSONString(locale, to: &out)
        out.append(contentsOf: ",\"articles\":[\n".utf8)
        for (index, entry) in entries.enumerated() {
            if index > 0 { out.append(contentsOf: ",\n".utf8) }
            out.append(contentsOf: entry)
        }
        out.append(contentsOf: "\n]};\n".utf8)
        return out
    }

    /// One article's entry: `{"t":title,"u":url,"c":category,"x":excerpt,"k":folded text}`.
    /// Title and excerpt are shown as they are on the pages (French spacing included); `k` is
    /// only matched, never shown.
    static func entry(for article: Article, categoryNames: [String: String]) -> [UInt8] {
        let isFrench = article.locale == "fr" || article.locale.hasPrefix("fr-")
        func shown(_ text: String) -> String {
            isFrench ? FrenchSpacing.apply(to: text) ?? text : text
        }
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        out.append(contentsOf: "{\"t\":".utf8)
        appendJSONString(shown(article.frontMatter.title), to: &out)
        out.append(contentsOf: ",\"u\":".utf8)
        appendJSONString("../\(article.frontMatter.slug)/", to: &out)
        out.append(contentsOf: ",\"c\":".utf8)
        appendJSONString(categoryNames[article.frontMatter.category] ?? "", to: &out)
        out.append(contentsOf: ",\"x\":".utf8)
        appendJSONString(shown(ArticlePage.summary(of: article) ?? ""), to: &out)
        out.append(contentsOf: ",\"k\":\"".utf8)
        var first = true
        forEachSearchableText(of: article) { text in
            if !first { out.append(0x20) }
            first = false
            appendFolded(text, to: &out)
        }
        out.append(contentsOf: "\"}".utf8)
        return out
    }

    /// Title, section titles, step sentences and the labels in them, in reading order.
    static func forEachSearchableText(of article: Article, _ body: (String) -> Void) {
        body(article.frontMatter.title)
        for procedure in article.intro.flatMap(\.procedures) {
            for step in procedure.steps { body(step.sentence.plainText) }
        }
        for section in article.sections {
            body(section.title.plainText)
            for procedure in section.procedures {
                for step in procedure.steps { body(step.sentence.plainText) }
            }
        }
    }

    /// Lowercase without diacritics: what `normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    /// .toLowerCase()` gives in the browser.
    static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        appendFolded(text, to: &out, escapeJSON: false)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` folded (see ``fold(_:)``) as UTF-8, JSON-escaped unless told otherwise.
    /// Latin letters take a table; anything else goes through Foundation's canonical
    /// decomposition, one scalar at a time.
    static func appendFolded(_ text: String, to out: inout [UInt8], escapeJSON: Bool = true) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let lower = UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
                if escapeJSON { appendJSONASCII(lower, to: &out) } else { out.append(lower) }
            } else if let base = LatinFolding.base(of: value) {
                UTF8.encode(base) { out.append($0) }
            } else if (0x300...0x36F).contains(value) {
                continue
            } else {
                for part in String(scalar).decomposedStringWithCanonicalMapping.lowercased().unicodeScalars
                where !(0x300...0x36F).contains(part.value) {
                    if escapeJSON { appendJSONScalar(part, to: &out) } else { UTF8.encode(part) { out.append($0) } }
                }
            }
        }
    }

    /// A JSON string literal, also safe in a script (`<`, U+2028 and U+2029 escaped). On UTF-8
    /// bytes: every title and excerpt of every article goes through here.
    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    appendJSONASCII(byte, to: &out)
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 {
                    out.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)  // U+2028, U+2029
                    index += 3
                    continue
                } else {
                    out.append(byte)
                }
                index += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendJSONScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        switch scalar.value {
        case 0..<0x80: appendJSONASCII(UInt8(scalar.value), to: &out)
        case 0x2028, 0x2029: out.append(contentsOf: "\\u\(String(scalar.value, radix: 16))".utf8)
        default: UTF8.encode(scalar) { out.append($0) }
        }
    }

    @inline(__always)
    private static func appendJSONASCII(_ byte: UInt8, to out: inout [UInt8]) {
        if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0x3C {
            out.append(byte)
            return
        }
        switch byte {
        case 0x22: out.append(contentsOf: "\\\"".utf8)
        case 0x5C: out.append(contentsOf: "\\\\".utf8)
        case 0x0A: out.append(contentsOf: "\\n".utf8)
        case 0x0D: out.append(contentsOf: "\\r".utf8)
        case 0x09: out.append(contentsOf: "\\t".utf8)
        case 0x3C: out.append(contentsOf: "\\u003c".utf8)  // no "</script" even if inlined one day
        case 0x00..<0x20:
            let hex = String(byte, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        default:
            out.append(byte)
        }
    }
}

/// Search entries by article file, kept between watch-mode rebuilds so that an edit refolds
/// one article rather than a whole locale.
final class SearchEntryCache: @unchecked Sendable {
    private var entries: [String: [UInt8]] = [:]
    private let lock = NSLock()

    func entry(for article: Article, categoryNames: [String: String]) -> [UInt8] {
        lock.lock()
        let cached = entries[article.file]
        lock.unlock()
        if let cached { return cached }
        let entry = SearchIndex.entry(for: article, categoryNames: categoryNames)
        lock.lock()
        entries[article.file] = entry
        lock.unlock()
        return entry
    }

    /// The cached entry of a file, without computing one.
    func cachedEntry(forFile file: String) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return entries[file]
    }

    func forget(_ files: some Sequence<String>) {
        lock.lock()
        defer { lock.unlock() }
        for file in files { entries[file] = nil }
    }
}

/// Latin letters with diacritics and their lowercase base letter (`É` → `e`), as NFD plus
/// removing combining marks plus lowercasing gives them; built once from Foundation itself so
/// that the table and the fallback cannot disagree.
enum LatinFolding {
    private static let first: UInt32 = 0xC0
    private static let table: [Unicode.Scalar?] = (first...UInt32(0x24F)).map { value in
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let folded = String(scalar).decomposedStringWithCanonicalMapping.lowercased().unicodeScalars
            .filter { !(0x300...0x36F).contains($0.value) }
        return folded.count == 1 ? folded.first : nil
    }

    /// The base letter of a Latin letter with diacritics; nil outside Latin-1 Supplement and
    /// Latin Extended-A/B, or where folding gives more than one letter.
    static func base(of value: UInt32) -> Unicode.Scalar? {
        guard value >= first, value - first < UInt32(table.count) else { return nil }
        return table[Int(value - first)]
    }
}
