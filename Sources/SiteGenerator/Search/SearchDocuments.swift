internal import Foundation
internal import HelpModel

/// What search knows of one article: one document per place a result can open (the top of
/// the article, then each section at its anchor), with its words by field and its text for
/// the excerpt.
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
        /// The section's anchor; empty for the top of the article.
        var anchor: String
        /// The section's heading as shown; empty for the top of the article.
        var heading: String
        /// The document's text (steps, paragraphs, notes, table cells), as the excerpt shows it.
        var text: String
        /// Each stem it holds (by its place in the article's ``stems``) with its weighted
        /// occurrences (the sum of ``Field/boost``), in no particular order. Four bytes a term:
        /// 80,000 documents are kept at once, and a stem string and a `Double` each took 240 MB.
        var terms: [Term]
        /// How many words it holds (BM25's document length).
        var length: Int
    }

    struct Term: Sendable, Equatable {
        var stem: UInt16
        var frequency: UInt16
    }

    /// A word of the article, folded, with its stem's place in ``stems``.
    struct Word: Sendable, Equatable {
        var folded: String
        var stem: UInt16
    }

    var title: String
    /// `../<slug>/`, relative to the locale's search folder's parent like every article link.
    var url: String
    var category: String
    var documents: [Document]
    /// The stems of the article, each once: what its documents' terms and words point into.
    var stems: [String]
    /// Every word of the article, folded, with its stem: what the term files map.
    var words: [Word]

    /// The longest excerpt source kept per document, in UTF-8 bytes: enough for a window around the words
    /// found, small enough for the result files a query fetches.
    static let textLimit = 480

    /// - Parameter listingWords: whether to keep ``words``: watch mode needs each article's to
    /// know which words an edit removed; a one-shot build takes the locale's from its
    /// tokenizers (``SearchTokenizer/keptWords``) and saves their memory.
    init(article: Article, category: String, tokenizer: SearchTokenizer, listingWords: Bool = true) {
        let french = article.locale == "fr" || article.locale.hasPrefix("fr-")
        title = french ? FrenchSpacing.apply(to: article.frontMatter.title) ?? article.frontMatter.title : article.frontMatter.title
        url = "../\(article.frontMatter.slug)/"
        self.category = category
        var seen: [SearchTokenizer.WordID] = []
        var local = LocalStems()
        var top = DocumentBuilder(anchor: "", heading: "", tokenizer: tokenizer)
        top.add(article.frontMatter.title, as: .title)
        top.add(article.intro)
        var documents = [top.finish(into: &seen, stems: &local)]
        for section in article.sections {
            var builder = DocumentBuilder(anchor: section.anchor, heading: section.title.plainText, tokenizer: tokenizer)
            builder.add(section.title.plainText, as: .heading)
            builder.add(section.blocks)
            documents.append(builder.finish(into: &seen, stems: &local))
        }
        self.documents = documents
        seen.sort()
        var unique: [Word] = []
        for (offset, id) in seen.enumerated() where listingWords && (offset == 0 || seen[offset - 1] != id) {
            unique.append(Word(folded: tokenizer.word(id).folded, stem: local.index(of: tokenizer.stemNumber(id), tokenizer: tokenizer)))
        }
        words = unique
        stems = local.stems
    }

    /// The same article whatever the order of terms and stems (two tokenizers number stems
    /// apart): what watch mode asks to know whether an edit touched the index.
    static func == (lhs: ArticleSearchDocuments, rhs: ArticleSearchDocuments) -> Bool {
        guard lhs.title == rhs.title, lhs.url == rhs.url, lhs.category == rhs.category,
            lhs.documents.count == rhs.documents.count, lhs.words.count == rhs.words.count
        else { return false }
        for (left, right) in zip(lhs.documents, rhs.documents) {
            guard left.anchor == right.anchor, left.heading == right.heading, left.text == right.text,
                left.length == right.length, left.terms.count == right.terms.count
            else { return false }
            func resolved(_ terms: [Term], _ stems: [String]) -> [String] {
                terms.map { "\(stems[Int($0.stem)]) \($0.frequency)" }.sorted()
            }
            guard resolved(left.terms, lhs.stems) == resolved(right.terms, rhs.stems) else { return false }
        }
        func resolved(_ words: [Word], _ stems: [String]) -> [String] { words.map { "\($0.folded) \(stems[Int($0.stem)])" }.sorted() }
        return resolved(lhs.words, lhs.stems) == resolved(rhs.words, rhs.stems)
    }

    /// The article's own numbering of the tokenizer's stems.
    private struct LocalStems {
        var stems: [String] = []
        private var indexes: [Int32: UInt16] = [:]

        mutating func index(of stem: Int32, tokenizer: SearchTokenizer) -> UInt16 {
            if let known = indexes[stem] { return known }
            let index = UInt16(truncatingIfNeeded: stems.count)
            stems.append(tokenizer.stem(number: stem))
            indexes[stem] = index
            return index
        }
    }

    private struct DocumentBuilder {
        var anchor: String
        var heading: String
        var text = ""
        /// The UTF-8 bytes of ``text`` (the limit counts bytes, which a native string knows without
        /// a pass: counting characters meant finding grapheme breaks, a tenth of the index).
        var shownCount = 0
        /// Weighted occurrences by the tokenizer's stem number.
        var frequencies: [Int32: UInt16] = Dictionary(minimumCapacity: 64)
        /// Every word met, repeats included (the article keeps each once).
        var words: [SearchTokenizer.WordID] = []
        var length = 0
        let tokenizer: SearchTokenizer

        init(anchor: String, heading: String, tokenizer: SearchTokenizer) {
            self.anchor = anchor
            self.heading = heading
            self.tokenizer = tokenizer
        }

        fileprivate mutating func finish(into seen: inout [SearchTokenizer.WordID], stems: inout LocalStems) -> Document {
            seen += words
            let terms = frequencies.map { Term(stem: stems.index(of: $0.key, tokenizer: tokenizer), frequency: $0.value) }
            return Document(anchor: anchor, heading: heading, text: text, terms: terms, length: length)
        }

        mutating func add(_ text: String, as field: Field, shown: Bool = false) {
            let found = tokenizer.words(in: text)
            for word in found {
                let stem = tokenizer.stemNumber(word)
                let sum = frequencies[stem, default: 0]
                frequencies[stem] = sum > UInt16.max - field.boost ? UInt16.max : sum + field.boost
            }
            words += found
            length += found.count
            // Counted as it grows: counting the characters of the whole text again on every
            // step was a tenth of the index.
            let limit = ArticleSearchDocuments.textLimit
            if shown, shownCount < limit {
                if !self.text.isEmpty {
                    self.text += " "
                    shownCount += 1
                }
                let count = text.utf8.count
                if shownCount + count > limit {
                    // Cut at a scalar boundary: back off continuation bytes.
                    var cut = text.utf8.index(text.utf8.startIndex, offsetBy: limit - shownCount)
                    while cut > text.utf8.startIndex, text.utf8[cut] & 0xC0 == 0x80 { cut = text.utf8.index(before: cut) }
                    self.text += String(text[..<cut])
                    self.text += "…"
                    shownCount = limit + 1
                } else {
                    self.text += text
                    shownCount += count
                }
            }
        }

        mutating func add(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let paragraph): add(paragraph.content.plainText, as: .body, shown: true)
                case .procedure(let procedure):
                    for step in procedure.steps {
                        add(step.sentence.plainText, as: .step, shown: true)
                        for label in Self.labels(in: step.sentence) { add(label, as: .label) }
                        add(step.details)
                    }
                case .note(let note): add(note.blocks)
                case .list(let list): for item in list.items { add(item) }
                case .code(let code): add(code.code, as: .body)
                case .table(let table):
                    add(table.allRows.joined().map(\.content.plainText).joined(separator: " "), as: .body, shown: true)
                }
            }
        }

        /// The bold labels of a step: the UI a reader may search by name.
        static func labels(in inlines: [Inline]) -> [String] {
            inlines.flatMap { inline -> [String] in
                switch inline.kind {
                case .strong(let children): [children.plainText]
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
    private let lock = NSLock()
    /// Whether documents are kept: watch mode keeps them for the next edit; a one-shot build
    /// does not, so that each article's documents are freed once its locale's index is made
    /// (20,000 articles' texts and terms were a fifth of the build's peak memory).
    let keeps: Bool

    init(keeping: Bool = true) {
        keeps = keeping
    }

    func documents(for article: Article, category: String, tokenizer: () -> SearchTokenizer) -> ArticleSearchDocuments {
        lock.lock()
        let cached = entries[article.file]
        lock.unlock()
        if let cached, cached.category == category { return cached }
        let made = ArticleSearchDocuments(article: article, category: category, tokenizer: tokenizer(), listingWords: keeps)
        guard keeps else { return made }
        lock.lock()
        entries[article.file] = made
        lock.unlock()
        return made
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
