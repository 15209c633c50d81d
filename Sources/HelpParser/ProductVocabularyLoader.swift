internal import Foundation
internal import HelpModel
internal import Yams

/// Reads `vocabulary.yml` and turns its names into places of a ``StepGrammar``.
enum ProductVocabularyLoader {
    static let sections = ["places", "labels", "fields"]

    /// The vocabulary, with every bad entry reported at its line and column and left out.
    static func load(text: String, file: String) -> (ProductVocabulary, [Diagnostic]) {
        let yaml: YAMLDocument
        switch YAMLDocument.compose(text, file: file) {
        case .success(let document): yaml = document
        case .failure(let diagnostic): return (ProductVocabulary(), [diagnostic])
        }
        guard let root = yaml.root else { return (ProductVocabulary(), []) }
        guard let entries = root.entries else {
            return (ProductVocabulary(), [yaml.error("a vocabulary is a mapping with 'places', 'labels' and 'fields', each a list of names", at: root)])
        }
        var vocabulary = ProductVocabulary()
        vocabulary.file = file
        var diagnostics: [Diagnostic] = []
        for (key, value) in entries {
            let name = key.scalarText ?? ""
            guard sections.contains(name) else {
                diagnostics.append(yaml.error("unknown vocabulary section '\(name)'; known: \(sections.joined(separator: ", "))", at: key))
                continue
            }
            guard let items = value.items else {
                diagnostics.append(yaml.error("'\(name)' is a list of names: [\"Web Vault\", \"Settings\"]", at: value))
                continue
            }
            var names: [String] = []
            for item in items {
                guard let text = item.scalarText?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                    diagnostics.append(yaml.error("each entry of '\(name)' is a name in quotes, not a list, a mapping or nothing", at: item))
                    continue
                }
                guard !PhraseText.tokens(text).isEmpty else {
                    diagnostics.append(yaml.error("'\(text)' has no word to read; remove it", at: item))
                    continue
                }
                names.append(text)
                if name == "fields", vocabulary.fieldLocations[text] == nil { vocabulary.fieldLocations[text] = yaml.location(of: item) }
            }
            switch name {
            case "places": vocabulary.places += names
            case "labels": vocabulary.labels += names
            default: vocabulary.fields += names
            }
        }
        return (vocabulary, diagnostics)
    }

    /// The grammar with the names as one place: "(in|on|from|…) [the|your] [words] NAME [screen
    /// word]", the names looked up in a trie (``PhraseNames``), however many the file holds; and
    /// each field as a text field of the field vocabulary, found by its label.
    static func adding(_ vocabulary: ProductVocabulary, to grammar: StepGrammar) -> StepGrammar {
        var grammar = grammar
        for field in Set(vocabulary.fields).sorted() where grammar.field(labelled: field) == nil {
            grammar.fields.append(StepGrammar.Field(
                value: .text, label: field, confirm: nil, location: vocabulary.fieldLocations[field] ?? SourceLocation(line: 1, column: 1),
                confirmLocation: nil, forms: [], file: vocabulary.file))
        }
        let names = Set(vocabulary.places + vocabulary.labels).sorted()
        guard !names.isEmpty else { return grammar }
        let prefix = "(in|on|from|within|inside|using|to|into) [(the|your)] [… ]"
        let suffix = " [(menu|tab|screen|page|section|panel|dialog|window|view|list|dropdown|bar|app|application|client|extension)]"
        guard let pattern = try? PhrasePattern(prefix, names: names, suffix) else { return grammar }
        let text = prefix + "<one of the \(names.count) names of \(ProductVocabulary.fileName)>" + suffix
        let part = StepGrammar.Part(pattern: pattern, text: text, location: SourceLocation(line: 1, column: 1))
        grammar.places.append(StepGrammar.Place(part: part, meaning: .page))
        return grammar
    }
}
