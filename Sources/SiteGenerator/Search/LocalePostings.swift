internal import HelpModel

/// A locale's postings and words: what its term files are made from. A one-shot build makes
/// them once and drops them with the files; watch mode keeps them (in ``SearchEntryCache``) so
/// that an edit to one article redoes the postings of that article's stems, and the term files
/// that hold them, rather than the locale's whole index (20,000 articles took a quarter of a
/// second for every edit).
final class LocalePostings: @unchecked Sendable {
    let ids: [String]
    /// Each article's key in the index (a hash of its id): what postings and result files name.
    let keys: [String]
    /// The articles' documents, by their position in the locale.
    private(set) var articles: [ArticleSearchDocuments]
    /// Per article: its stems (in its ``ArticleSearchDocuments/stemNumbers`` order) as numbers of
    /// the locale; kept only in watch mode, to take an edited article's postings out.
    private var articleStems: [[Int]] = []
    private var stemNumbers: [String: Int] = [:]
    private var stems: [String] = []
    /// Per stem: its postings, in document order (article position, then document number),
    /// each packed as weight (high bits, so that sorting ranks them), position, number.
    private var lists: [[UInt64]] = []
    /// Per stem: `[stem, document frequency, "postings"]`, as the term files hold it.
    private(set) var serialized: [[UInt8]] = []
    /// Every word of the locale, folded, with its stem's number (-1: a stem no document holds).
    private(set) var wordStems: [String: Int] = [:]
    /// How many articles hold each word; kept only in watch mode, where a word no article holds
    /// any more leaves the index.
    private var wordArticles: [String: Int] = [:]
    /// The keys of ``wordStems``, sorted: the order the term files are split in.
    private(set) var sortedWords: [String] = []
    private var lengthSum = 0
    private(set) var documentCount = 0
    /// BM25's average document length, rounded to tens: one edit rarely moves it, so it rarely
    /// rewrites every weight of the index.
    private(set) var average: Double = 10
    /// The term files last made, by prefix: an edit keeps those whose words and stems it did not touch.
    var termFiles: [String: SearchIndex.CachedTermFile] = [:]
    /// The index last made from these postings, for a rebuild that changed none of its articles.
    var index: SearchIndex?
    let keepsState: Bool

    /// - Parameters:
    ///   - vocabulary: the locale's words with their stems when the articles do not list theirs
    ///     (a one-shot build); nil to take them from ``ArticleSearchDocuments/words``.
    ///   - keepingState: whether to keep what ``update(_:)`` needs (watch mode).
    init(articles: [ArticleSearchDocuments], ids: [String], vocabulary: [SearchTokenizer.Word]?, keepingState: Bool) {
        self.ids = ids
        keys = SearchIndex.articleKeys(ids)
        self.articles = articles
        keepsState = keepingState
        for article in articles {
            for document in article.documents {
                lengthSum += document.length
                documentCount += 1
            }
        }
        average = Self.average(lengthSum, documentCount)
        // Each tokenizer's stem numbers to the locale's (-1: not met yet): one string lookup per
        // stem and tokenizer rather than per stem and article.
        var tables: [ObjectIdentifier: Int] = [:]
        var translations: [[Int]] = []
        if keepingState { articleStems.reserveCapacity(articles.count) }
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
                let number = self.number(ofStem: table[tokenizerNumber])
                translations[slot][Int(tokenizerNumber)] = number
                return number
            }
            for (number, document) in article.documents.enumerated() {
                for (stem, posting) in postings(of: document, number: number, at: position, numbers: numbers) {
                    lists[stem].append(posting)
                }
            }
            for word in article.words {
                wordStems[word.folded] = numbers[Int(word.stem)]
                if keepingState { wordArticles[word.folded, default: 0] += 1 }
            }
            if keepingState { articleStems.append(numbers) }
        }
        for word in vocabulary ?? [] { wordStems[word.folded] = stemNumbers[word.stem] ?? -1 }
        sortedWords = wordStems.keys.sorted()
        serialized = lists.indices.map(serialize)
    }

    /// Takes the changed articles' documents in, in place of their earlier ones.
    /// - Returns: the numbers of the stems whose term-file entries changed, or nil when the edit moved the
    ///   average document length (every weight changes: the caller makes the index again).
    /// - Parameter changes: each changed article's position in the locale and its new documents.
    func update(_ changes: [(position: Int, documents: ArticleSearchDocuments)]) -> Set<Int>? {
        precondition(keepsState)
        var sum = lengthSum
        var count = documentCount
        for (position, article) in changes {
            sum += article.documents.reduce(0) { $0 + $1.length } - articles[position].documents.reduce(0) { $0 + $1.length }
            count += article.documents.count - articles[position].documents.count
        }
        guard Self.average(sum, count) == average else { return nil }
        lengthSum = sum
        documentCount = count
        var dirty: Set<Int> = []
        // Words that went from some articles to none or back: their place in the sorted list.
        var movedWords: Set<String> = []
        for (position, article) in changes {
            for stem in articleStems[position] {
                lists[stem].removeAll { Self.position(of: $0) == position }
                dirty.insert(stem)
            }
            for word in articles[position].words {
                let left = (wordArticles[word.folded] ?? 1) - 1
                wordArticles[word.folded] = left == 0 ? nil : left
                if left == 0 {
                    wordStems[word.folded] = nil
                    movedWords.insert(word.folded)
                }
            }
            let numbers = article.stemNumbers.map { number(ofStem: article.stemTable[$0]) }
            articleStems[position] = numbers
            var added: [Int: [UInt64]] = [:]
            for (number, document) in article.documents.enumerated() {
                for (stem, posting) in postings(of: document, number: number, at: position, numbers: numbers) {
                    added[stem, default: []].append(posting)
                }
            }
            for (stem, postings) in added {
                // After the postings of the articles before it: the order a full build gathers in.
                let place = lists[stem].partitionPoint(where: { Self.position(of: $0) >= position })
                lists[stem].insert(contentsOf: postings, at: place)
                dirty.insert(stem)
            }
            for word in article.words {
                wordArticles[word.folded, default: 0] += 1
                if wordStems.updateValue(numbers[Int(word.stem)], forKey: word.folded) == nil { movedWords.insert(word.folded) }
            }
            articles[position] = article
        }
        for word in movedWords {
            let low = sortedWords.partitionPoint(where: { $0 >= word })
            let listed = low < sortedWords.count && sortedWords[low] == word
            if wordStems[word] != nil, !listed { sortedWords.insert(word, at: low) }
            if wordStems[word] == nil, listed { sortedWords.remove(at: low) }
        }
        // Most of an edited article's stems keep their postings: only those that did not are
        // changed, and only their term files are made again.
        var changed: Set<Int> = []
        for stem in dirty {
            let entry = serialize(stem)
            if entry != serialized[stem] {
                serialized[stem] = entry
                changed.insert(stem)
            }
        }
        return changed
    }

    // MARK: Postings

    private func number(ofStem stem: String) -> Int {
        if let known = stemNumbers[stem] { return known }
        stemNumbers[stem] = stems.count
        stems.append(stem)
        lists.append([])
        serialized.append([])
        return stems.count - 1
    }

    /// A document's postings, by the locale's stem number.
    private func postings(
        of document: ArticleSearchDocuments.Document, number: Int, at position: Int, numbers: [Int]
    ) -> some Sequence<(Int, UInt64)> {
        let k1 = SearchIndex.k1
        let norm = k1 * (1 - SearchIndex.b + SearchIndex.b * SearchIndex.steppedLength(document.length) / average)
        let place = UInt64(position) << 16 | UInt64(min(number, 65_535))
        return document.terms.lazy.map { term in
            let frequency = Double(term.frequency)
            let weight = UInt64(min(65_535, (frequency * (k1 + 1) / (frequency + norm) * 100).rounded()))
            return (numbers[Int(term.stem)], weight << 48 | place)
        }
    }

    private static func position(of posting: UInt64) -> Int { Int(posting >> 16 & 0xFFFF_FFFF) }

    private static func average(_ lengthSum: Int, _ documentCount: Int) -> Double {
        max(10, Double((lengthSum / max(documentCount, 1) + 5) / 10 * 10))
    }

    /// `[stem, document frequency, "key.number:weight …"]`: the best ``SearchIndex/postingLimit``
    /// postings best first, or all of them in document order.
    private func serialize(_ stem: Int) -> [UInt8] {
        let list = lists[stem]
        let best = list.count > SearchIndex.postingLimit ? SearchIndex.largest(SearchIndex.postingLimit, of: list) : list
        var out: [UInt8] = [UInt8(ascii: "[")]
        SearchText.appendJSONString(stems[stem], to: &out)
        out += Array(",\(list.count),\"".utf8)
        for (offset, posting) in best.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: " ")) }
            out += keys[Self.position(of: posting)].utf8
            out.append(UInt8(ascii: "."))
            SearchText.appendDecimal(posting & 0xFFFF, to: &out)
            out.append(UInt8(ascii: ":"))
            SearchText.appendDecimal(posting >> 48, to: &out)
        }
        out += Array("\"]".utf8)
        return out
    }
}

extension RandomAccessCollection {
    /// The first index whose element is in the second part, for a collection where every
    /// element for which `isInSecondPart` holds comes after every one for which it does not.
    func partitionPoint(where isInSecondPart: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isInSecondPart(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
