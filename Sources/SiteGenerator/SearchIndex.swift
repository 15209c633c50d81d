internal import Dispatch
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
        // Entries are independent: build (or take from the cache) in chunks on every core,
        // then join in order.
        let chunkSize = 256
        let chunkCount = (articles.count + chunkSize - 1) / chunkSize
        let chunks = ParallelResults<[UInt8]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var out: [UInt8] = []
            out.reserveCapacity(chunkSize * 1200)
            for index in chunk * chunkSize..<min(articles.count, (chunk + 1) * chunkSize) {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                out.append(contentsOf: cache.entry(for: articles[index], categoryNames: categoryNames))
            }
            chunks.store(out, at: chunk)
        }
        var out: [UInt8] = []
        out.reserveCapacity(chunks.values.reduce(64) { $0 + $1.count })
        out.append(contentsOf: "self.helpCenterSearchIndex = {\"locale\":".utf8)
        appendJSONString(locale, to: &out)
        out.append(contentsOf: ",\"articles\":[\n".utf8)
        for chunk in chunks.values { out.append(contentsOf: chunk) }
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
                let lower = value >= 0x41 && value <= 0x5A ? value + 0x20 : value
                if escapeJSON { appendJSONScalar(Unicode.Scalar(UInt8(lower)), to: &out) } else { out.append(UInt8(lower)) }
            } else if let base = LatinFolding.base[scalar] {
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

    /// A JSON string literal, also safe in a script (`<`, U+2028 and U+2029 escaped).
    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars { appendJSONScalar(scalar, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendJSONScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        switch scalar.value {
        case 0x22: out.append(contentsOf: "\\\"".utf8)
        case 0x5C: out.append(contentsOf: "\\\\".utf8)
        case 0x0A: out.append(contentsOf: "\\n".utf8)
        case 0x0D: out.append(contentsOf: "\\r".utf8)
        case 0x09: out.append(contentsOf: "\\t".utf8)
        case 0x3C: out.append(contentsOf: "\\u003c".utf8)  // no "</script" even if inlined one day
        case 0x00..<0x20, 0x2028, 0x2029:
            let hex = String(scalar.value, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        default:
            UTF8.encode(scalar) { out.append($0) }
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
    static let base: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for value in UInt32(0xC0)...UInt32(0x24F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = String(scalar).decomposedStringWithCanonicalMapping.lowercased().unicodeScalars
                .filter { !(0x300...0x36F).contains($0.value) }
            if folded.count == 1, let single = folded.first { table[scalar] = single }
        }
        return table
    }()
}
