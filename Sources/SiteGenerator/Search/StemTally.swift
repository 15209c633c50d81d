internal import HelpModel

/// The counting behind an article's search documents, in arrays indexed by the tokenizer's stem
/// numbers: each document's weighted occurrences per stem, and the article's own numbering of
/// its stems. A dictionary per document, hashed at every word, was a third of reading an article
/// for search.
///
/// Not shared between threads, like its tokenizer; one article is read at a time.
final class StemTally {
    let tokenizer: SearchTokenizer
    /// Per tokenizer stem: its weighted occurrences in the document being read (0: none yet).
    private var weights: [UInt16] = []
    /// The stems of the document being read, in the order first met.
    private var documentStems: [Int32] = []
    /// Per tokenizer stem: its place in the article being read, plus one (0: not in it yet).
    private var articlePlaces: [Int32] = []
    /// The stems of the article being read, by their place in it.
    private var articleStems: [Int32] = []

    init(tokenizer: SearchTokenizer) {
        self.tokenizer = tokenizer
    }

    /// Reads `text` into the document being read; its words, repeats included.
    func add(_ text: String, boost: UInt16) -> [SearchTokenizer.WordID] {
        count(tokenizer.words(in: text), boost: boost)
    }

    /// Reads inline text into the document being read (and into its excerpt, when that is
    /// taking a piece); its words, repeats included.
    func add(_ inlines: [Inline], boost: UInt16, excerpt: inout SearchExcerpt) -> [SearchTokenizer.WordID] {
        count(tokenizer.words(in: inlines, excerpt: &excerpt), boost: boost)
    }

    private func count(_ words: [SearchTokenizer.WordID], boost: UInt16) -> [SearchTokenizer.WordID] {
        let needed = tokenizer.stemCount
        if weights.count < needed {
            let more = needed - weights.count + 1024
            weights += repeatElement(0, count: more)
            articlePlaces += repeatElement(0, count: more)
        }
        for word in words {
            let stem = Int(tokenizer.stemNumber(word))
            let sum = weights[stem]
            if sum == 0 { documentStems.append(Int32(stem)) }
            weights[stem] = sum > UInt16.max - boost ? UInt16.max : sum + boost
        }
        return words
    }

    /// The terms of the document read since the last call, its stems numbered within the article.
    func finishDocument() -> [ArticleSearchDocuments.Term] {
        var terms: [ArticleSearchDocuments.Term] = []
        terms.reserveCapacity(documentStems.count)
        for stem in documentStems {
            terms.append(ArticleSearchDocuments.Term(stem: place(of: stem), frequency: weights[Int(stem)]))
            weights[Int(stem)] = 0
        }
        documentStems.removeAll(keepingCapacity: true)
        return terms
    }

    /// A stem's place among the article's stems (they are numbered as they are met).
    func place(of stem: Int32) -> UInt16 {
        let known = articlePlaces[Int(stem)]
        if known > 0 { return UInt16(truncatingIfNeeded: known - 1) }
        articleStems.append(stem)
        articlePlaces[Int(stem)] = Int32(articleStems.count)
        return UInt16(truncatingIfNeeded: articleStems.count - 1)
    }

    /// The article's stems by their place (as numbers of the tokenizer's ``StemTable``), which
    /// its terms point into; the next article starts a numbering of its own.
    func finishArticle() -> [Int32] {
        // A copy of its exact size: the working array keeps its capacity for the next article.
        let stems = articleStems.withUnsafeBufferPointer { Array($0) }
        for stem in articleStems { articlePlaces[Int(stem)] = 0 }
        articleStems.removeAll(keepingCapacity: true)
        return stems
    }
}
