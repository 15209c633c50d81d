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
    static func script(locale: String, articles: [Article], categoryNames: [String: String]) -> [UInt8] {
        // Entries are independent: build them in chunks on every core, then join in order.
        let chunkSize = 256
        let chunkCount = (articles.count + chunkSize - 1) / chunkSize
        let chunks = Slots<[UInt8]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var out: [UInt8] = []
            out.reserveCapacity(chunkSize * 1200)
            for index in chunk * chunkSize..<min(articles.count, (chunk + 1) * chunkSize) {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                appendEntry(articles[index], categoryNames: categoryNames, to: &out)
            }
            chunks.store(out, at: chunk)
        }
        var out: [UInt8] = []
        out.append(contentsOf: "self.helpCenterSearchIndex = {\"locale\":".utf8)
        appendJSONString(locale, to: &out)
        out.append(contentsOf: ",\"articles\":[\n".utf8)
        for chunk in chunks.values { out.append(contentsOf: chunk) }
        out.append(contentsOf: "\n]};\n".utf8)
        return out
    }

    private static func appendEntry(_ article: Article, categoryNames: [String: String], to out: inout [UInt8]) {
        out.append(contentsOf: "{\"t\":".utf8)
        appendJSONString(article.frontMatter.title, to: &out)
        out.append(contentsOf: ",\"u\":".utf8)
        appendJSONString("../\(article.frontMatter.slug)/", to: &out)
        out.append(contentsOf: ",\"c\":".utf8)
        appendJSONString(categoryNames[article.frontMatter.category] ?? "", to: &out)
        out.append(contentsOf: ",\"x\":".utf8)
        appendJSONString(ArticlePage.description(of: article) ?? "", to: &out)
        out.append(contentsOf: ",\"k\":".utf8)
        appendJSONString(fold(searchableText(of: article)), to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// Title, section titles, step sentences and the labels in them.
    static func searchableText(of article: Article) -> String {
        var parts = [article.frontMatter.title]
        for section in article.sections {
            parts.append(section.title.plainText)
            for procedure in section.procedures {
                for step in procedure.steps { parts.append(step.sentence.plainText) }
            }
        }
        for procedure in article.intro.flatMap(\.procedures) {
            for step in procedure.steps { parts.append(step.sentence.plainText) }
        }
        return parts.joined(separator: " ")
    }

    /// Lowercase without diacritics: what `normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    /// .toLowerCase()` gives in the browser. Latin letters take a table; anything else goes
    /// through Foundation's canonical decomposition, one scalar at a time.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                scalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            } else if let base = LatinFolding.base[scalar] {
                scalars.append(base)
            } else if (0x300...0x36F).contains(value) {
                continue
            } else {
                for part in String(scalar).decomposedStringWithCanonicalMapping.lowercased().unicodeScalars
                where !(0x300...0x36F).contains(part.value) {
                    scalars.append(part)
                }
            }
        }
        return String(scalars)
    }

    /// A JSON string literal, also safe in a script (U+2028/2029 escaped).
    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
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
        out.append(UInt8(ascii: "\""))
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
