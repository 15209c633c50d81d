internal import Foundation
internal import HelpModel

/// What search knows of one article: one document per place a result can open (the top of
/// the article, then each section at its anchor), with its words by field, and the article's
/// entry in its locale's result files, serialized as it is read.
struct ArticleSearchDocuments: Sendable, Equatable {
    /// The fields a word can be found in, from the one that says most about the document.
    enum Field: Int, CaseIterable, Sendable {
        case title, heading, label, step, body

        /// How much one occurrence counts (BM25's term frequency is the sum of these).
        var boost: UInt16 {
            switch self {
            case .title: 8
            case .heading: 5
            case .label: 3
            case .step: 2
            case .body: 1
            }
        }
    }

    struct Document: Sendable {
        /// Each stem it holds (by its place in the article's ``stemNumbers``) with its weighted
        /// occurrences (the sum of ``Field/boost``), in the order first met. Four bytes a term:
        /// 80,000 documents are kept at once, and a stem string and a `Double` each took 240 MB.
        var terms: [Term]
        /// How many words it holds (BM25's document length).
        var length: Int
    }

    struct Term: Sendable, Equatable {
        var stem: UInt16
        var frequency: UInt16
    }

    /// A word of the article, folded, with its stem's place in ``stemNumbers``.
    struct Word: Sendable, Equatable {
        var folded: String
        var stem: UInt16
    }

    var category: String
    /// What a result shows, as the article's value in its bucket of result files:
    /// `{"t":title,"u":"../<slug>/","c":category,"s":[[heading,anchor,excerpt text],…]}`, one
    /// `s` entry per document. Made while the article is read, so that no document keeps its
    /// text as a string and no result file is made before it is written.
    var entry: [UInt8]
    var documents: [Document]
    /// The stems of the article, each once, as numbers of ``stemTable``: what its documents'
    /// terms and words point into.
    var stemNumbers: [Int32]
    let stemTable: StemTable
    /// Every word of the article, folded, with its stem: what the term files map.
    var words: [Word]

    /// The stem at a place of ``stemNumbers``.
    func stem(at place: UInt16) -> String { stemTable[stemNumbers[Int(place)]] }

    /// The longest excerpt source kept per document, in UTF-8 bytes: about 45 words, enough for
    /// a window around the words found (Pagefind shows 30), small enough that the ten results of
    /// a query fetch their result files in some 30 KB (480 bytes made long articles' files 13 KB).
    static let textLimit = 280

    /// - Parameter listingWords: whether to keep ``words``: watch mode needs each article's to
    /// know which words an edit removed; a one-shot build takes the locale's from its
    /// tokenizers (``SearchTokenizer/keptWords``) and saves their memory.
    init(article: Article, category: String, tally: StemTally, listingWords: Bool = true) {
        let french = article.locale == "fr" || article.locale.hasPrefix("fr-")
        self.category = category
        var entry: [UInt8] = Array("{\"t\":".utf8)
        let title = article.frontMatter.title
        SearchText.appendJSONString(french ? FrenchSpacing.apply(to: title) ?? title : title, to: &entry)
        entry += Array(",\"u\":".utf8)
        SearchText.appendJSONString("../\(article.frontMatter.slug)/", to: &entry)
        entry += Array(",\"c\":".utf8)
        SearchText.appendJSONString(category, to: &entry)
        entry += Array(",\"s\":[".utf8)
        var seen: [SearchTokenizer.WordID] = []
        var top = DocumentBuilder(tally: tally, listingWords: listingWords)
        top.add(article.frontMatter.title, as: .title)
        top.add(article.intro)
        var documents = [top.finish(heading: "", anchor: "", french: french, into: &entry, words: &seen)]
        for section in article.sections {
            let heading = section.title.plainText
            var builder = DocumentBuilder(tally: tally, listingWords: listingWords)
            builder.add(heading, as: .heading)
            builder.add(section.blocks)
            entry.append(UInt8(ascii: ","))
            documents.append(builder.finish(heading: heading, anchor: section.anchor, french: french, into: &entry, words: &seen))
        }
        entry += Array("]}".utf8)
        // A copy of its exact size: grown by doubling, it held a quarter more on average.
        self.entry = entry.withUnsafeBufferPointer { Array($0) }
        self.documents = documents
        seen.sort()
        var unique: [Word] = []
        let tokenizer = tally.tokenizer
        for (offset, id) in seen.enumerated() where offset == 0 || seen[offset - 1] != id {
            unique.append(Word(folded: tokenizer.word(id).folded, stem: tally.place(of: tokenizer.stemNumber(id))))
        }
        words = unique
        stemNumbers = tally.finishArticle()
        stemTable = tokenizer.stemTable
    }

    /// The same article whatever the order of terms and stems (two tokenizers number stems
    /// apart): what watch mode asks to know whether an edit touched the index.
    static func == (lhs: ArticleSearchDocuments, rhs: ArticleSearchDocuments) -> Bool {
        guard lhs.entry == rhs.entry, lhs.category == rhs.category,
            lhs.documents.count == rhs.documents.count, lhs.words.count == rhs.words.count
        else { return false }
        for (left, right) in zip(lhs.documents, rhs.documents) {
            guard left.length == right.length, left.terms.count == right.terms.count else { return false }
            func resolved(_ terms: [Term], _ article: ArticleSearchDocuments) -> [String] {
                terms.map { "\(article.stem(at: $0.stem)) \($0.frequency)" }.sorted()
            }
            guard resolved(left.terms, lhs) == resolved(right.terms, rhs) else { return false }
        }
        func resolved(_ article: ArticleSearchDocuments) -> [String] { article.words.map { "\($0.folded) \(article.stem(at: $0.stem))" }.sorted() }
        return resolved(lhs) == resolved(rhs)
    }

    private struct DocumentBuilder {
        var excerpt = SearchExcerpt(limit: ArticleSearchDocuments.textLimit)
        /// Every word met, repeats included, when the article lists its words (watch mode).
        var words: [SearchTokenizer.WordID] = []
        var length = 0
        let tally: StemTally
        let listingWords: Bool

        init(tally: StemTally, listingWords: Bool) {
            self.tally = tally
            self.listingWords = listingWords
        }

        /// The document, its `[heading,anchor,text]` appended to the article's entry and its
        /// words to the article's.
        func finish(
            heading: String, anchor: String, french: Bool, into entry: inout [UInt8], words seen: inout [SearchTokenizer.WordID]
        ) -> Document {
            entry.append(UInt8(ascii: "["))
            SearchText.appendJSONString(french ? FrenchSpacing.apply(to: heading) ?? heading : heading, to: &entry)
            entry.append(UInt8(ascii: ","))
            SearchText.appendJSONString(anchor, to: &entry)
            entry.append(UInt8(ascii: ","))
            let text = french ? FrenchSpacing.spaced(excerpt.bytes) ?? excerpt.bytes : excerpt.bytes
            text.withUnsafeBufferPointer { SearchText.appendJSONString(utf8: $0, to: &entry) }
            entry.append(UInt8(ascii: "]"))
            seen += words
            return Document(terms: tally.finishDocument(), length: length)
        }

        /// Text that is not shown in the excerpt (a title, a heading, a label, code).
        mutating func add(_ text: String, as field: Field) {
            counted(tally.add(text, boost: field.boost))
        }

        /// Inline text, a piece of the excerpt when it is `shown` (while the excerpt has room).
        mutating func add(_ inlines: [Inline], as field: Field, shown: Bool = false) {
            if shown { excerpt.startPiece() }
            counted(tally.add(inlines, boost: field.boost, excerpt: &excerpt))
            if shown { excerpt.endPiece() }
        }

        private mutating func counted(_ found: [SearchTokenizer.WordID]) {
            if listingWords { words += found }
            length += found.count
        }

        mutating func add(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let paragraph): add(paragraph.content, as: .body, shown: true)
                case .procedure(let procedure):
                    for step in procedure.steps {
                        add(step.sentence, as: .step, shown: true)
                        for label in Self.labels(in: step.sentence) { add(label, as: .label) }
                        add(step.details)
                    }
                case .note(let note): add(note.blocks)
                case .list(let list): for item in list.items { add(item) }
                case .code(let code): add(code.code, as: .body)
                case .table(let table):
                    // One piece: its cells in reading order, a space between two.
                    excerpt.startPiece()
                    for (offset, cell) in table.allRows.joined().enumerated() {
                        if offset > 0 { excerpt.takeSpace() }
                        counted(tally.add(cell.content, boost: Field.body.boost, excerpt: &excerpt))
                    }
                    excerpt.endPiece()
                }
            }
        }

        /// The bold labels of a step: the UI a reader may search by name.
        static func labels(in inlines: [Inline]) -> [[Inline]] {
            inlines.flatMap { inline -> [[Inline]] in
                switch inline.kind {
                case .strong(let children): [children]
                case .emphasis(let children), .link(_, _, let children): labels(in: children)
                default: []
                }
            }
        }
    }
}

/// Each article's search documents by file, kept between watch-mode rebuilds so that an edit
/// reads one article again rather than a whole locale.
final class SearchEntryCache: @unchecked Sendable {
    private var entries: [String: ArticleSearchDocuments] = [:]
    /// The files read again since the index last asked: the articles its postings must take in.
    private var freshFiles: Set<String> = []
    /// Each locale's postings as its index was last made from them.
    private var localePostings: [String: LocalePostings] = [:]
    private let lock = NSLock()
    /// Whether documents are kept: watch mode keeps them for the next edit; a one-shot build
    /// does not, so that each article's documents are freed once its locale's index is made
    /// (20,000 articles' texts and terms were a fifth of the build's peak memory).
    let keeps: Bool

    init(keeping: Bool = true) {
        keeps = keeping
    }

    func documents(for article: Article, category: String, tally: () -> StemTally) -> ArticleSearchDocuments {
        lock.lock()
        let cached = entries[article.file]
        lock.unlock()
        if let cached, cached.category == category { return cached }
        let made = ArticleSearchDocuments(article: article, category: category, tally: tally(), listingWords: keeps)
        guard keeps else { return made }
        lock.lock()
        entries[article.file] = made
        freshFiles.insert(article.file)
        lock.unlock()
        return made
    }

    /// The files read again since the last call.
    func takeFreshFiles() -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        let files = freshFiles
        freshFiles = []
        return files
    }

    func postings(forLocale locale: String) -> LocalePostings? {
        lock.lock()
        defer { lock.unlock() }
        return localePostings[locale]
    }

    func forgetIndexes() {
        lock.lock()
        defer { lock.unlock() }
        localePostings = [:]
    }

    func keep(_ postings: LocalePostings, forLocale locale: String) {
        lock.lock()
        defer { lock.unlock() }
        localePostings[locale] = postings
    }

    /// The cached documents of a file, without computing them.
    func cachedDocuments(forFile file: String) -> ArticleSearchDocuments? {
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
