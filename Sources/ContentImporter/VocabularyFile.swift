internal import Foundation
internal import HelpModel
internal import HelpParser

/// The product vocabulary the import writes (`<locale>/vocabulary.yml`): the bold labels of the
/// steps it converted, which the grammar then also finds without bold ("from the Tools menu"),
/// and the labels its steps type into, as text fields. An existing file keeps its names; the
/// import adds what it saw.
enum VocabularyFile {
    /// A **bold** span of a step sentence and where its text starts in the article.
    struct StepLabel: Sendable {
        var text: String
        var location: SourceLocation
    }

    /// The bold labels of an article's steps (each numbered-list item's sentence), as the parser
    /// reads the article without its phrasebook (every numbered list a procedure).
    static func labels(of article: ConvertedArticle, locale: String) -> [StepLabel] {
        let (parsed, _) = ArticleParser().parse(Array(article.text.utf8), file: article.plan.output, locale: locale, phrasebook: nil)
        guard let parsed else { return [] }
        var labels: [StepLabel] = []
        for section in [parsed.intro] + parsed.sections.map(\.blocks) {
            for case .procedure(let procedure) in section {
                for step in procedure.steps { collectBold(step.sentence, into: &labels) }
            }
        }
        return labels
    }

    private static func collectBold(_ inlines: [Inline], into labels: inout [StepLabel]) {
        for inline in inlines {
            switch inline.kind {
            case .strong(let children):
                let text = children.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
                // A label names a control: a word or a few, not a sentence or punctuation alone.
                if text.count <= 60, text.contains(where: \.isLetter), !text.contains("\n") {
                    labels.append(StepLabel(text: text, location: children.first?.range.start ?? inline.range.start))
                }
            case .emphasis(let children), .link(_, _, let children):
                collectBold(children, into: &labels)
            default: break
            }
        }
    }

    /// The labels of `labels` whose text starts at one of `locations`: the fields a review found.
    static func fields(_ labels: [StepLabel], at locations: [SourceLocation]) -> [String] {
        let wanted = Set(locations)
        return labels.filter { wanted.contains($0.location) }.map(\.text)
    }

    /// The content's vocabulary file as it is, or an empty one; nil when it has mistakes, which
    /// are the team's to fix: the file is then not rewritten and its problems are listed.
    static func existing(_ options: ImportOptions, findings: inout [Diagnostic]) -> ProductVocabulary? {
        let path = self.path(options)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return ProductVocabulary() }
        let (existing, problems) = ProductVocabulary.read(text: text, file: path)
        guard problems.isEmpty else {
            findings += problems
            return nil
        }
        return existing
    }

    /// `vocabulary` with `labels` and `fields` added, each name once and sorted.
    static func merged(_ vocabulary: ProductVocabulary, labels: [String], fields: [String]) -> ProductVocabulary {
        ProductVocabulary(
            places: vocabulary.places, labels: Array(Set(vocabulary.labels + labels)).sorted(),
            fields: Array(Set(vocabulary.fields + fields)).sorted())
    }

    static func write(_ vocabulary: ProductVocabulary, options: ImportOptions) throws {
        try FileManager.default.createDirectory(atPath: options.content + "/" + options.locale, withIntermediateDirectories: true)
        let text = yaml(vocabulary, locale: options.locale)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(options)))
    }

    static func yaml(_ vocabulary: ProductVocabulary, locale: String) -> String {
        ProductVocabulary.yaml(labels: vocabulary.labels, places: vocabulary.places, fields: vocabulary.fields, locale: locale)
    }

    static func path(_ options: ImportOptions) -> String {
        options.content + "/" + options.locale + "/" + ProductVocabulary.fileName
    }
}
