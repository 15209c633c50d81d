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
        var boost: Double {
            switch self {
            case .title: 8
            case .heading: 5
            case .label: 3
            case .step: 2
            case .body: 1
            }
        }
    }

    struct Document: Sendable, Equatable {
        /// The section's anchor; empty for the top of the article.
        var anchor: String
        /// The section's heading as shown; empty for the top of the article.
        var heading: String
        /// The document's text (steps, paragraphs, notes, table cells), as the excerpt shows it.
        var text: String
        /// Each stem it holds with its weighted occurrences (the sum of ``Field/boost``), in no
        /// particular order: an array, not a dictionary, because 80,000 documents are kept at
        /// once; not sorted, since only watch mode compares two (sorting every document was a
        /// twentieth of the index).
        var terms: [Term]
        /// How many words it holds (BM25's document length).
        var length: Int

        /// The same document whatever the order of its terms (two tokenizers number stems apart).
        static func == (lhs: Document, rhs: Document) -> Bool {
            guard lhs.anchor == rhs.anchor, lhs.heading == rhs.heading, lhs.text == rhs.text, lhs.length == rhs.length,
                lhs.terms.count == rhs.terms.count
            else { return false }
            return lhs.terms.sorted { $0.stem < $1.stem } == rhs.terms.sorted { $0.stem < $1.stem }
        }
    }

    struct Term: Sendable, Equatable {
        var stem: String
        var frequency: Float
    }

    var title: String
    /// `../<slug>/`, relative to the locale's search folder's parent like every article link.
    var url: String
    var category: String
    var documents: [Document]
    /// Every word of the article, folded, with its stem: what the term files map.
    var words: [SearchTokenizer.Word]

    /// The longest excerpt source kept per document, in UTF-8 bytes: enough for a window around the words
    /// found, small enough for the result files a query fetches.
    static let textLimit = 480

    init(article: Article, category: String, tokenizer: SearchTokenizer) {
        let french = article.locale == "fr" || article.locale.hasPrefix("fr-")
        title = french ? FrenchSpacing.apply(to: article.frontMatter.title) ?? article.frontMatter.title : article.frontMatter.title
        url = "../\(article.frontMatter.slug)/"
        self.category = category
        var seen: [SearchTokenizer.WordID] = []
        var top = DocumentBuilder(anchor: "", heading: "", tokenizer: tokenizer)
        top.add(article.frontMatter.title, as: .title)
        top.add(article.intro)
        documents = [top.finish(into: &seen)]
        for section in article.sections {
            var builder = DocumentBuilder(anchor: section.anchor, heading: section.title.plainText, tokenizer: tokenizer)
            builder.add(section.title.plainText, as: .heading)
            builder.add(section.blocks)
            documents.append(builder.finish(into: &seen))
        }
        seen.sort()
        var unique: [SearchTokenizer.Word] = []
        for (offset, id) in seen.enumerated() where offset == 0 || seen[offset - 1] != id { unique.append(tokenizer.word(id)) }
        words = unique
    }

    private struct DocumentBuilder {
        var anchor: String
        var heading: String
        var text = ""
        /// The UTF-8 bytes of ``text`` (the limit counts bytes, which a native string knows without
        /// a pass: counting characters meant finding grapheme breaks, a tenth of the index).
        var shownCount = 0
        /// Weighted occurrences by stem number.
        var frequencies: [Int32: Float] = Dictionary(minimumCapacity: 64)
        /// Every word met, repeats included (the article keeps each once).
        var words: [SearchTokenizer.WordID] = []
        var length = 0
        let tokenizer: SearchTokenizer

        init(anchor: String, heading: String, tokenizer: SearchTokenizer) {
            self.anchor = anchor
            self.heading = heading
            self.tokenizer = tokenizer
        }

        mutating func finish(into seen: inout [SearchTokenizer.WordID]) -> Document {
            seen += words
            let terms = frequencies.map { Term(stem: tokenizer.stem(number: $0.key), frequency: $0.value) }
            return Document(anchor: anchor, heading: heading, text: text, terms: terms, length: length)
        }

        mutating func add(_ text: String, as field: Field, shown: Bool = false) {
            let found = tokenizer.words(in: text)
            for word in found { frequencies[tokenizer.stemNumber(word), default: 0] += Float(field.boost) }
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

    func documents(for article: Article, category: String, tokenizer: () -> SearchTokenizer) -> ArticleSearchDocuments {
        lock.lock()
        let cached = entries[article.file]
        lock.unlock()
        if let cached, cached.category == category { return cached }
        let made = ArticleSearchDocuments(article: article, category: category, tokenizer: tokenizer())
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
