internal import Foundation
internal import HelpModel
internal import HelpParser

/// The product vocabulary the import writes (`<locale>/vocabulary.yml`): the bold labels of the
/// steps it converted, which the grammar then also finds without bold ("from the Tools menu").
/// An existing file keeps its places and labels; the import adds the labels it saw.
enum VocabularyFile {
    /// The labels of the imported steps: each **bold** span of a numbered-list item's sentence,
    /// as the parser reads the article without its phrasebook (every numbered list a procedure).
    static func labels(of articles: [ConvertedArticle], locale: String) -> [String] {
        var labels: Set<String> = []
        for article in articles {
            let (parsed, _) = ArticleParser().parse(Array(article.text.utf8), file: article.plan.output, locale: locale, phrasebook: nil)
            guard let parsed else { continue }
            for section in [parsed.intro] + parsed.sections.map(\.blocks) {
                for case .procedure(let procedure) in section {
                    for step in procedure.steps { collectBold(step.sentence, into: &labels) }
                }
            }
        }
        return labels.sorted()
    }

    private static func collectBold(_ inlines: [Inline], into labels: inout Set<String>) {
        for inline in inlines {
            switch inline.kind {
            case .strong(let children):
                let text = children.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
                // A label names a control: a word or a few, not a sentence or punctuation alone.
                if text.count <= 60, text.contains(where: \.isLetter), !text.contains("\n") { labels.insert(text) }
            case .emphasis(let children), .link(_, _, let children):
                collectBold(children, into: &labels)
            default: break
            }
        }
    }

    /// Writes the labels into the content's vocabulary file, merged with what it holds.
    /// - Returns: how many labels the file holds now.
    static func merge(_ labels: [String], options: ImportOptions, findings: inout [Diagnostic]) throws -> Int {
        let path = options.content + "/" + options.locale + "/" + ProductVocabulary.fileName
        var vocabulary = ProductVocabulary()
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let (existing, problems) = ProductVocabulary.read(text: text, file: path)
            guard problems.isEmpty else {
                // A file with mistakes is the team's to fix: not rewritten, its problems listed.
                findings += problems
                return existing.labels.count
            }
            vocabulary = existing
        }
        let merged = Array(Set(vocabulary.labels + labels)).sorted()
        try FileManager.default.createDirectory(atPath: options.content + "/" + options.locale, withIntermediateDirectories: true)
        let text = ProductVocabulary.yaml(labels: merged, places: vocabulary.places, locale: options.locale)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return merged.count
    }
}
