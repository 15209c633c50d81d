internal import Dispatch
internal import Foundation
internal import HelpModel

/// A locale's search index, split into files so that a query fetches only what it needs, each
/// a script (`self.helpCenterSearch.…(…)`) so that search works from the static files alone,
/// `file://` included, under a CSP that allows same-origin scripts and nothing else.
///
/// - `search/index.js`, the manifest: the number of documents, the stop words, and the term
///   files by the word prefix they hold (`"re": "terms/re.4f1a…js"`; a prefix whose file would
///   be large is split one letter further).
/// - `search/terms/<prefix>.<hash>.js`: every word of the locale that starts with the prefix
///   (`all.<hash>.js` when one file holds them all, as in a small help center),
///   folded (`reinitialiser`), with its stem, and each stem (`reinitialis`) with its postings:
///   the documents it is
///   in with their BM25 weight (the term-frequency part; the browser multiplies by the idf from
///   the stem's document frequency). A stem keeps its ``postingLimit`` best documents: past
///   that, a word is too common to rank by. The hash in the name changes with the content, so
///   a browser never mixes an old file with a new manifest.
/// - `search/docs/<bucket>.js`: what a result shows (title, link, category; each section's
///   heading, anchor and text for the excerpt), articles grouped by a hash of their id into
///   buckets of about two, so the ten results of a query fetch ten small files at most.
///
/// A document is `<article key>.<section number>`: the article key is a hash of its id, so an
/// edit to one article changes its own bucket and the term files of the words it gained or
/// lost, and nothing else.
struct SearchIndex {
    static let postingLimit = 200
    /// A term file's size past which its prefix is split one letter further.
    /// Small enough that a two-word query fetches a few KB of terms (Pagefind's whole query is
    /// about 85 KB at 10,000 pages), large enough that a locale has a few hundred term files.
    static let termFileTarget = 6 * 1024
    /// The size up to which a locale's terms stay in one file: a small help center's page
    /// loads every word at once, so a typo in a word's first letters is still forgiven.
    static let singleTermFileLimit = 24 * 1024
    /// About two articles a result file (an article's entry is about 2 KB): the ten results
    /// of a query fetch some 25 KB; eight a file made it 100 KB.
    static let articlesPerBucket = 2
    /// BM25's parameters.
    static let k1 = 1.2, b = 0.75

    struct File: Sendable {
        var path: String
        /// The file's bytes: made when it is written for the result files (each from its
        /// articles' entries, so that a locale's are never all in memory at once), already made
        /// for the others (a term file's name holds the hash of its bytes).
        var render: @Sendable () -> [UInt8]

        init(path: String, render: @escaping @Sendable () -> [UInt8]) {
            self.path = path
            self.render = render
        }

        init(path: String, bytes: [UInt8]) {
            self.init(path: path) { bytes }
        }
    }

    /// The files of a locale's index, paths relative to `<locale>/search/`.
    let files: [File]

    /// - Parameter vocabulary: the locale's words with their stems when the articles do not
    /// list theirs (a one-shot build); nil to take them from ``ArticleSearchDocuments/words``.
    init(locale: String, articles: [ArticleSearchDocuments], ids: [String], vocabulary: [SearchTokenizer.Word]? = nil) {
        let keys = Self.articleKeys(ids)
        // Documents: lengths for BM25, then postings per stem.
        var lengthSum = 0
        var documentCount = 0
        for article in articles {
            for document in article.documents {
                lengthSum += document.length
                documentCount += 1
            }
        }
        // The average length rounded to tens: one edit rarely moves it, so it rarely rewrites
        // every weight of the index.
        let average = max(10, Double((lengthSum / max(documentCount, 1) + 5) / 10 * 10))
        // Postings packed in one integer each: weight (high bits, so that sorting ranks them),
        // the article's position in the locale, the document's number in the article.
        // By a locale-wide stem number: each article's stems are looked up once, not once per
        // document and term.
        var stemNumbers: [String: Int] = [:]
        var stemOrder: [String] = []
        var lists: [[UInt64]] = []
        var words: [String: String] = [:]
        // Each tokenizer's stem numbers to the locale's (-1: not met yet): one string lookup per
        // stem and tokenizer rather than per stem and article.
        var tables: [ObjectIdentifier: Int] = [:]
        var translations: [[Int]] = []
        for (position, article) in articles.enumerated() {
            let table = article.stemTable
            let slot = tables[ObjectIdentifier(table)] ?? {
                tables[ObjectIdentifier(table)] = translations.count
                translations.append([])
                return translations.count - 1
            }()
            if translations[slot].count < table.count {
                translations[slot] += repeatElement(-1, count: table.count - translations[slot].count)
            }
            let numbers = article.stemNumbers.map { tokenizerNumber -> Int in
                let known = translations[slot][Int(tokenizerNumber)]
                if known >= 0 { return known }
                let stem = table[tokenizerNumber]
                let number = stemNumbers[stem] ?? {
                    stemNumbers[stem] = lists.count
                    stemOrder.append(stem)
                    lists.append([])
                    return lists.count - 1
                }()
                translations[slot][Int(tokenizerNumber)] = number
                return number
            }
            for (number, document) in article.documents.enumerated() {
                let norm = Self.k1 * (1 - Self.b + Self.b * Self.steppedLength(document.length) / average)
                for term in document.terms {
                    let frequency = Double(term.frequency)
                    let weight = UInt64(min(65_535, (frequency * (Self.k1 + 1) / (frequency + norm) * 100).rounded()))
                    lists[numbers[Int(term.stem)]].append(weight << 48 | UInt64(position) << 16 | UInt64(min(number, 65_535)))
                }
            }
            for word in article.words { words[word.folded] = article.stem(at: word.stem) }
        }
        let postings = Dictionary(uniqueKeysWithValues: zip(stemOrder, lists))
        for word in vocabulary ?? [] { words[word.folded] = word.stem }
        var files: [File] = []
        let termFiles = Self.termFiles(words: words, postings: postings, keys: keys)
        files += termFiles.map { File(path: $0.path, bytes: $0.bytes) }
        let buckets = Self.bucketCount(articles.count)
        files += Self.documentFiles(articles, keys: keys, buckets: buckets)
        var manifest: [UInt8] = Array("self.helpCenterSearch.index({\"l\":".utf8)
        SearchText.appendJSONString(locale, to: &manifest)
        manifest += Array(",\"n\":\(documentCount),\"b\":\(buckets),\"s\":".utf8)
        SearchText.appendJSONString(SearchStopWords.words(forLocale: locale).sorted().joined(separator: " "), to: &manifest)
        manifest += Array(",\"t\":{".utf8)
        for (offset, file) in termFiles.enumerated() {
            if offset > 0 { manifest.append(UInt8(ascii: ",")) }
            SearchText.appendJSONString(file.prefix, to: &manifest)
            manifest.append(UInt8(ascii: ":"))
            SearchText.appendJSONString(file.path, to: &manifest)
        }
        manifest += Array("}});\n".utf8)
        files.append(File(path: "index.js", bytes: manifest))
        self.files = files
    }

    /// Every locale's index, the articles read on all cores (through `cache`), then each
    /// locale's files made beside the others'.
    static func all(plan: SitePlan, cache: SearchEntryCache) -> [String: SearchIndex] {
        let locales = plan.configuration.locales
        let all = plan.articles
        // Few large chunks: each keeps a tokenizer per locale, whose cache of the words it has
        // met (folded and stemmed once) is what makes tokenizing cheap.
        let chunkSize = max(64, all.count / (4 * ProcessInfo.processInfo.activeProcessorCount) + 1)
        let chunks = (all.count + chunkSize - 1) / chunkSize
        let read = ParallelResults<[ArticleSearchDocuments]>(count: chunks)
        let vocabularies = ParallelResults<[String: [SearchTokenizer.Word]]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var tallies: [String: StemTally] = [:]
            var documents: [ArticleSearchDocuments] = []
            for index in chunk * chunkSize..<min(all.count, (chunk + 1) * chunkSize) {
                let locale = all[index].locale
                let category = plan.configuration.categories[all[index].frontMatter.category]?[locale] ?? ""
                documents.append(cache.documents(for: all[index], category: category) {
                    if let made = tallies[locale] { return made }
                    let made = StemTally(tokenizer: SearchTokenizer(locale: locale))
                    tallies[locale] = made
                    return made
                })
            }
            read.store(documents, at: chunk)
            vocabularies.store(tallies.mapValues(\.tokenizer.keptWords), at: chunk)
        }
        let documents = read.values.flatMap { $0 }
        // Without each article's words (a one-shot build), a locale's are its tokenizers'.
        var vocabulary: [String: [SearchTokenizer.Word]] = [:]
        if !cache.keeps {
            for found in vocabularies.values { for (locale, words) in found { vocabulary[locale, default: []] += words } }
        }
        let localeWords = vocabulary
        let made = ParallelResults<SearchIndex>(count: locales.count)
        DispatchQueue.concurrentPerform(iterations: locales.count) { position in
            let indexes = plan.articlesByLocale[locales[position]] ?? []
            made.store(
                SearchIndex(
                    locale: locales[position], articles: indexes.map { documents[$0] }, ids: indexes.map { all[$0].id },
                    vocabulary: cache.keeps ? nil : localeWords[locales[position]] ?? []),
                at: position)
        }
        return Dictionary(uniqueKeysWithValues: zip(locales, made.values))
    }

    /// A document's length on a scale of steps of a fifth: a word more or less rarely moves it,
    /// so an edit rarely changes the weights of every word of the document (and their files).
    static func steppedLength(_ length: Int) -> Double {
        guard length > 1 else { return 1 }
        return pow(1.2, (log(Double(length)) / log(1.2)).rounded())
    }

    /// A stable key per article: FNV-1a of its id in base 36, made unique within the locale.
    static func articleKeys(_ ids: [String]) -> [String] {
        var used: Set<String> = []
        return ids.map { id in
            var attempt = 0
            while true {
                var hash: UInt32 = 2_166_136_261
                for byte in (attempt == 0 ? id : "\(id)#\(attempt)").utf8 {
                    hash = (hash ^ UInt32(byte)) &* 16_777_619
                }
                let key = String(hash, radix: 36)
                if used.insert(key).inserted { return key }
                attempt += 1
            }
        }
    }

    /// A power of two, so that the bucket of an article moves only when the locale doubles.
    static func bucketCount(_ articles: Int) -> Int {
        var count = 1
        while count * articlesPerBucket < articles { count *= 2 }
        return count
    }

    static func bucket(ofKey key: String, count: Int) -> Int {
        Int((UInt32(key, radix: 36) ?? 0) % UInt32(count))
    }

    // MARK: Term files

    private struct TermFile {
        var prefix: String
        var path: String
        var bytes: [UInt8]
    }

    private static func termFiles(words: [String: String], postings: [String: [UInt64]], keys: [String]) -> [TermFile] {
        // Each stem's postings, best first, cut at the limit, serialized once.
        var serialized: [String: [UInt8]] = [:]
        serialized.reserveCapacity(postings.count)
        let keyBytes = keys.map { Array($0.utf8) }
        for (stem, list) in postings {
            // Best first past the limit; else in document order (article position, number),
            // the order they were gathered in.
            let best = list.count > postingLimit ? largest(postingLimit, of: list) : list
            var out: [UInt8] = [UInt8(ascii: "[")]
            SearchText.appendJSONString(stem, to: &out)
            out += Array(",\(list.count),\"".utf8)
            for (offset, posting) in best.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: " ")) }
                out += keyBytes[Int(posting >> 16 & 0xFFFF_FFFF)]
                out.append(UInt8(ascii: "."))
                appendDecimal(posting & 0xFFFF, to: &out)
                out.append(UInt8(ascii: ":"))
                appendDecimal(posting >> 48, to: &out)
            }
            out += Array("\"]".utf8)
            serialized[stem] = out
        }
        var result: [TermFile] = []
        // From one file for all words (a small help center) down to as many as its size needs.
        split(words.keys.sorted(), length: 0, words: words, serialized: serialized, into: &result)
        return result
    }

    /// The `count` largest of `values` (which are distinct), largest first: one pass with a heap
    /// of `count`, where sorting each common stem's thousands of postings was a tenth of the index.
    static func largest(_ count: Int, of values: [UInt64]) -> [UInt64] {
        guard values.count > count, count > 0 else { return values.sorted(by: >) }
        var heap = Array(values.prefix(count))  // a min-heap: the smallest kept at the root
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1
                guard left < count else { return }
                let child = left + 1 < count && heap[left + 1] < heap[left] ? left + 1 : left
                guard heap[child] < heap[parent] else { return }
                heap.swapAt(child, parent)
                parent = child
            }
        }
        for start in stride(from: count / 2 - 1, through: 0, by: -1) { siftDown(start) }
        for value in values[count...] where value > heap[0] {
            heap[0] = value
            siftDown(0)
        }
        return heap.sorted(by: >)
    }

    /// Digits without a `String` per number: a locale's postings are hundreds of thousands.
    private static func appendDecimal(_ value: UInt64, to out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }

    /// Groups sorted words by their first `length` letters; a group over ``termFileTarget``
    /// is split one letter further (its words no longer than the prefix stay in its own file).
    private static func split(
        _ sorted: [String], length: Int, words: [String: String], serialized: [String: [UInt8]], into result: inout [TermFile]
    ) {
        var groups: [(prefix: String, words: [String])] = []
        for word in sorted {
            let prefix = String(word.unicodeScalars.prefix(length).map(Character.init))
            if groups.last?.prefix == prefix { groups[groups.count - 1].words.append(word) } else { groups.append((prefix, [word])) }
        }
        for group in groups {
            let bytes = termFile(group.prefix, group.words, words: words, serialized: serialized)
            let longer = group.words.filter { $0.unicodeScalars.count > length }
            if bytes.count > (length == 0 ? singleTermFileLimit : termFileTarget), length < 6, !longer.isEmpty, longer.count < group.words.count || longer.count > 1 {
                let own = group.words.filter { $0.unicodeScalars.count <= length }
                if !own.isEmpty { result.append(named(group.prefix, termFile(group.prefix, own, words: words, serialized: serialized))) }
                split(longer, length: length + 1, words: words, serialized: serialized, into: &result)
            } else {
                result.append(named(group.prefix, bytes))
            }
        }
    }

    private static func named(_ prefix: String, _ bytes: [UInt8]) -> TermFile {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        let name = prefix.isEmpty ? "all" : prefix.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }
            ? prefix : prefix.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "_")
        return TermFile(prefix: prefix, path: "terms/\(name).\(String(hash, radix: 36)).js", bytes: bytes)
    }

    /// `self.helpCenterSearch.terms("re",{"w":{"reinitialiser":0,…},"s":[[stem,df,"postings"],…]});`
    private static func termFile(_ prefix: String, _ group: [String], words: [String: String], serialized: [String: [UInt8]]) -> [UInt8] {
        var stems: [String] = []
        var stemIndex: [String: Int] = [:]
        var out: [UInt8] = Array("self.helpCenterSearch.terms(".utf8)
        SearchText.appendJSONString(prefix, to: &out)
        out += Array(",{\"w\":{".utf8)
        for (offset, word) in group.enumerated() {
            guard let stem = words[word] else { continue }
            let index: Int
            if let known = stemIndex[stem] {
                index = known
            } else {
                index = stems.count
                stemIndex[stem] = index
                stems.append(stem)
            }
            if offset > 0 { out.append(UInt8(ascii: ",")) }
            SearchText.appendJSONString(word, to: &out)
            out += Array(":\(index)".utf8)
        }
        out += Array("},\"s\":[".utf8)
        for (offset, stem) in stems.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: ",")) }
            out += serialized[stem] ?? Array("[\"\",0,\"\"]".utf8)
        }
        out += Array("]});\n".utf8)
        return out
    }

    // MARK: Result files

    /// `self.helpCenterSearch.docs(3,{"<key>":<entry>,…});`, the entries by key.
    private static func documentFiles(_ articles: [ArticleSearchDocuments], keys: [String], buckets: Int) -> [File] {
        var grouped: [[Int]] = Array(repeating: [], count: buckets)
        for (index, key) in keys.enumerated() { grouped[bucket(ofKey: key, count: buckets)].append(index) }
        return grouped.enumerated().map { bucket, members in
            let parts = members.sorted { keys[$0] < keys[$1] }.map { (key: keys[$0], entry: articles[$0].entry) }
            return File(path: "docs/\(bucket).js") {
                var out: [UInt8] = Array("self.helpCenterSearch.docs(\(bucket),{".utf8)
                out.reserveCapacity(parts.reduce(64) { $0 + $1.entry.count + 16 })
                for (offset, part) in parts.enumerated() {
                    if offset > 0 { out.append(UInt8(ascii: ",")) }
                    SearchText.appendJSONString(part.key, to: &out)
                    out.append(UInt8(ascii: ":"))
                    out += part.entry
                }
                out += Array("});\n".utf8)
                return out
            }
        }
    }
}
