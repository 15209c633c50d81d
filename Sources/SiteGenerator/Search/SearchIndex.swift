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
    /// The files that may differ from the index the same postings made before (an edit in
    /// watch mode): the new term files, the result files of the articles read again, the
    /// manifest; nil when every file may.
    let changedFiles: Set<String>?

    /// A made term file, kept by watch mode: the next edit reuses it when its group of words is
    /// the same and none of their stems' postings changed.
    struct CachedTermFile: Sendable {
        /// The group's words; `whole`: all the words of the prefix (a file that was not split),
        /// else those no longer than the prefix (a split group's own file).
        var words: ArraySlice<String>
        var whole: Bool
        var prefix: String
        var path: String
        var bytes: [UInt8]
    }

    /// - Parameter changedStems: the stems whose postings changed since `postings` last made
    ///   its term files (an edit in watch mode), which only their files are made again for; nil
    ///   to make every file.
    init(locale: String, postings: LocalePostings, changedStems: Set<Int>? = nil, changedArticles: [Int] = []) {
        let keys = postings.keys
        let articles = postings.articles
        var files: [File] = []
        var split = TermFileSplit(postings: postings, changedStems: changedStems)
        split.split(postings.sortedWords[...], length: 0)
        if postings.keepsState { postings.termFiles = split.made }
        let termFiles = split.files
        files += termFiles.map { File(path: $0.path, bytes: $0.bytes) }
        let buckets = Self.bucketCount(articles.count)
        files += Self.documentFiles(articles, keys: keys, buckets: buckets)
        var manifest: [UInt8] = Array("self.helpCenterSearch.index({\"l\":".utf8)
        SearchText.appendJSONString(locale, to: &manifest)
        manifest += Array(",\"n\":\(postings.documentCount),\"b\":\(buckets),\"s\":".utf8)
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
        if changedStems != nil {
            var changed: Set<String> = ["index.js"]
            changed.formUnion(split.madeAgain)
            for position in changedArticles { changed.insert("docs/\(Self.bucket(ofKey: keys[position], count: buckets)).js") }
            changedFiles = changed
        } else {
            changedFiles = nil
        }
    }

    /// The same files, none of them changed.
    private init(unchanged index: SearchIndex) {
        files = index.files
        changedFiles = []
    }

    /// Every locale's index, the articles read on all cores (through `cache`), then each
    /// locale's files made beside the others'.
    /// - Parameter changed: in watch mode, after an edit that kept every article in its place,
    ///   the indexes of the articles read again: only they are looked at.
    static func all(plan: SitePlan, cache: SearchEntryCache, changed: [Int]? = nil) -> [String: SearchIndex] {
        if let changed, cache.keeps, let updated = updatedInPlace(plan: plan, cache: cache, changed: changed) {
            return updated
        }
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
                documents.append(Self.documents(ofArticleAt: index, plan: plan, cache: cache, tallies: &tallies))
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
        let fresh = cache.takeFreshFiles()
        let results = ParallelResults<SearchIndex>(count: locales.count)
        DispatchQueue.concurrentPerform(iterations: locales.count) { position in
            let locale = locales[position]
            let indexes = plan.articlesByLocale[locale] ?? []
            let articles = indexes.map { documents[$0] }
            let ids = indexes.map { all[$0].id }
            // Watch mode: the same articles as last time, a few of them read again.
            if let previous = cache.postings(forLocale: locale), previous.ids == ids, let index = previous.index {
                let changed = indexes.indices.filter { fresh.contains(all[indexes[$0]].file) }
                if changed.isEmpty {
                    results.store(SearchIndex(unchanged: index), at: position)
                    return
                }
                if let index = updated(previous, locale: locale, changes: changed.map { ($0, articles[$0]) }) {
                    results.store(index, at: position)
                    return
                }
            }
            results.store(made(locale, articles: articles, ids: ids, vocabulary: localeWords[locale] ?? [], cache: cache), at: position)
        }
        return Dictionary(uniqueKeysWithValues: zip(locales, results.values))
    }

    /// Watch mode after a local edit (the same articles in the same places, a few read again):
    /// each locale's kept postings take in the edited articles, with no pass over the others.
    /// - Returns: nil, having changed nothing, when a locale has no index kept for these articles.
    private static func updatedInPlace(plan: SitePlan, cache: SearchEntryCache, changed: [Int]) -> [String: SearchIndex]? {
        var kept: [String: (postings: LocalePostings, index: SearchIndex)] = [:]
        for locale in plan.configuration.locales {
            guard let postings = cache.postings(forLocale: locale), let index = postings.index,
                postings.ids.count == plan.articlesByLocale[locale]?.count ?? 0
            else { return nil }
            kept[locale] = (postings, index)
        }
        var places: [String: [(index: Int, position: Int)]] = [:]
        for index in changed {
            let locale = plan.articles[index].locale
            guard let members = plan.articlesByLocale[locale], let postings = kept[locale]?.postings else { return nil }
            let position = members.partitionPoint { $0 >= index }
            guard position < members.count, members[position] == index, postings.ids[position] == plan.articles[index].id
            else { return nil }
            places[locale, default: []].append((index, position))
        }
        var tallies: [String: StemTally] = [:]
        var indexes: [String: SearchIndex] = [:]
        for (locale, (postings, index)) in kept {
            guard let found = places[locale] else {
                indexes[locale] = SearchIndex(unchanged: index)
                continue
            }
            let changes = found.map { place in
                (position: place.position, documents: documents(ofArticleAt: place.index, plan: plan, cache: cache, tallies: &tallies))
            }
            if let updated = updated(postings, locale: locale, changes: changes) {
                indexes[locale] = updated
                continue
            }
            var articles = postings.articles
            for change in changes { articles[change.position] = change.documents }
            indexes[locale] = made(locale, articles: articles, ids: postings.ids, vocabulary: [], cache: cache)
        }
        _ = cache.takeFreshFiles()
        return indexes
    }

    /// An article's documents, from the cache or read with its locale's tally (made on first use).
    private static func documents(
        ofArticleAt index: Int, plan: SitePlan, cache: SearchEntryCache, tallies: inout [String: StemTally]
    ) -> ArticleSearchDocuments {
        let locale = plan.articles[index].locale
        let category = plan.configuration.categories[plan.articles[index].frontMatter.category]?[locale] ?? ""
        return cache.documents(for: plan.articles[index], category: category) {
            if let made = tallies[locale] { return made }
            let made = StemTally(tokenizer: SearchTokenizer(locale: locale))
            tallies[locale] = made
            return made
        }
    }

    /// The locale's index with a few articles' documents replaced, made from its kept postings;
    /// nil when too many changed, or the edit moved the average length (every weight changes).
    private static func updated(
        _ postings: LocalePostings, locale: String, changes: [(position: Int, documents: ArticleSearchDocuments)]
    ) -> SearchIndex? {
        guard changes.count <= Self.incrementalLimit, let stems = postings.update(changes) else { return nil }
        let index = SearchIndex(locale: locale, postings: postings, changedStems: stems, changedArticles: changes.map(\.position))
        postings.index = index
        return index
    }

    /// A locale's index made anew from its articles' documents (and kept, in watch mode).
    private static func made(
        _ locale: String, articles: [ArticleSearchDocuments], ids: [String], vocabulary: [SearchTokenizer.Word],
        cache: SearchEntryCache
    ) -> SearchIndex {
        let postings = LocalePostings(articles: articles, ids: ids, vocabulary: cache.keeps ? nil : vocabulary, keepingState: cache.keeps)
        let index = SearchIndex(locale: locale, postings: postings)
        if cache.keeps {
            postings.index = index
            cache.keep(postings, forLocale: locale)
        }
        return index
    }

    /// Past this many articles read again, a locale's index is made anew rather than updated.
    static let incrementalLimit = 32

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

    struct TermFile {
        var prefix: String
        var path: String
        var bytes: [UInt8]
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

    /// The split of a locale's sorted words into term files: from one file for all words (a small
    /// help center) down to as many as its size needs.
    struct TermFileSplit {
        let postings: LocalePostings
        /// Stems whose postings changed since ``LocalePostings/termFiles`` were made; nil: all.
        let changedStems: Set<Int>?
        private(set) var files: [TermFile] = []
        /// The files made, for the next edit (watch mode).
        private(set) var made: [String: CachedTermFile] = [:]
        /// The paths of the files made rather than reused.
        private(set) var madeAgain: [String] = []

        init(postings: LocalePostings, changedStems: Set<Int>?) {
            self.postings = postings
            self.changedStems = changedStems
        }

        /// Groups sorted words by their first `length` letters; a group over ``termFileTarget``
        /// is split one letter further (its words no longer than the prefix stay in its own file).
        mutating func split(_ sorted: ArraySlice<String>, length: Int) {
            var start = sorted.startIndex
            while start < sorted.endIndex {
                let prefix = String(String.UnicodeScalarView(sorted[start].unicodeScalars.prefix(length)))
                let prefixLength = prefix.unicodeScalars.count
                // The words whose first `length` letters are the prefix (a shorter word is its own prefix).
                var end = start + 1
                while end < sorted.endIndex, sorted[end].unicodeScalars.starts(with: prefix.unicodeScalars),
                    prefixLength == length || sorted[end].unicodeScalars.count == prefixLength
                {
                    end += 1
                }
                add(prefix, sorted[start..<end], length: length)
                start = end
            }
        }

        private mutating func add(_ prefix: String, _ group: ArraySlice<String>, length: Int) {
            if reuse(prefix, group, whole: true) { return }
            let longer = group.filter { $0.unicodeScalars.count > length }
            let splittable = length < 6 && !longer.isEmpty && (longer.count < group.count || longer.count > 1)
            let limit = length == 0 ? singleTermFileLimit : termFileTarget
            if let bytes = termFile(prefix, group, limit: splittable ? limit : nil) {
                keep(prefix, group, whole: true, bytes)
                return
            }
            let own = group.filter { $0.unicodeScalars.count <= length }
            if !own.isEmpty, !reuse(prefix, own[...], whole: false), let bytes = termFile(prefix, own[...], limit: nil) {
                keep(prefix, own[...], whole: false, bytes)
            }
            split(longer[...], length: length + 1)
        }

        /// Takes the file made last time for the same words, when none of their stems changed.
        private mutating func reuse(_ prefix: String, _ group: ArraySlice<String>, whole: Bool) -> Bool {
            guard let changedStems, let cached = postings.termFiles[prefix], cached.whole == whole,
                cached.words.count == group.count, cached.words.elementsEqual(group),
                !group.contains(where: { changedStems.contains(postings.wordStems[$0] ?? -1) })
            else { return false }
            files.append(TermFile(prefix: prefix, path: cached.path, bytes: cached.bytes))
            made[prefix] = cached
            return true
        }

        private mutating func keep(_ prefix: String, _ group: ArraySlice<String>, whole: Bool, _ bytes: [UInt8]) {
            var hash: UInt64 = 14_695_981_039_346_656_037
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
            let name = prefix.isEmpty ? "all" : prefix.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }
                ? prefix : prefix.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "_")
            let file = TermFile(prefix: prefix, path: "terms/\(name).\(String(hash, radix: 36)).js", bytes: bytes)
            files.append(file)
            madeAgain.append(file.path)
            if postings.keepsState {
                made[prefix] = CachedTermFile(words: group, whole: whole, prefix: prefix, path: file.path, bytes: bytes)
            }
        }

        /// `self.helpCenterSearch.terms("re",{"w":{"reinitialiser":0,…},"s":[[stem,df,"postings"],…]});`,
        /// or nil as soon as it grows past `limit`: a group too large is split, and making its
        /// whole file first made every level of the split write the locale's terms again.
        private func termFile(_ prefix: String, _ group: ArraySlice<String>, limit: Int?) -> [UInt8]? {
            let limit = limit ?? .max
            var stems: [Int] = []
            var stemIndex: [Int: Int] = [:]
            var stemBytes = 0
            var out: [UInt8] = Array("self.helpCenterSearch.terms(".utf8)
            SearchText.appendJSONString(prefix, to: &out)
            out += Array(",{\"w\":{".utf8)
            for (offset, word) in group.enumerated() {
                guard let stem = postings.wordStems[word] else { continue }
                let index: Int
                if let known = stemIndex[stem] {
                    index = known
                } else {
                    index = stems.count
                    stemIndex[stem] = index
                    stems.append(stem)
                    stemBytes += 1 + (stem >= 0 ? postings.serialized[stem].count : Self.unknownStem.count)
                }
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                SearchText.appendJSONString(word, to: &out)
                out.append(UInt8(ascii: ":"))
                SearchText.appendDecimal(UInt64(index), to: &out)
                if out.count + stemBytes > limit { return nil }
            }
            out += Array("},\"s\":[".utf8)
            for (offset, stem) in stems.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                out += stem >= 0 ? postings.serialized[stem] : Self.unknownStem
            }
            out += Array("]});\n".utf8)
            return out.count > limit ? nil : out
        }

        private static let unknownStem = Array("[\"\",0,\"\"]".utf8)
    }

    // MARK: Result files

    /// `self.helpCenterSearch.docs(3,{"<key>":<entry>,…});`, the entries by key.
    private static func documentFiles(_ articles: [ArticleSearchDocuments], keys: [String], buckets: Int) -> [File] {
        var grouped: [[Int]] = Array(repeating: [], count: buckets)
        for (index, key) in keys.enumerated() { grouped[bucket(ofKey: key, count: buckets)].append(index) }
        // A bucket no article hashed to is never fetched (a result names its article's bucket),
        // so it has no file: at about 1.2 articles a bucket, three in ten would be empty.
        return grouped.enumerated().filter { !$0.element.isEmpty }.map { bucket, members in
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
