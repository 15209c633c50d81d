public import HelpModel

/// Reads single step sentences as the build reads them, for writers trying a wording
/// (`helpcenter explain`) and for the step corpus that measures the grammar.
public enum StepExplainer {
    /// Loads a locale's phrasebook from its file text; bad entries are reported and left out.
    ///
    /// - Parameter vocabulary: the text and path of the locale's `vocabulary.yml`, when it has one.
    public static func phrasebook(
        text: String, file: String, locale: String, vocabulary: (text: String, file: String)? = nil
    ) -> (Phrasebook?, [Diagnostic]) {
        let (names, problems) = vocabulary.map { ProductVocabularyLoader.load(text: $0.text, file: $0.file) } ?? (nil, [])
        let (phrasebook, diagnostics) = PhrasebookLoader.load(text: text, file: file, locale: locale, vocabulary: names)
        return (phrasebook, diagnostics + problems)
    }

    /// What a step reads as: the actions, or the diagnostics the build would report.
    ///
    /// - Parameters:
    ///   - step: the step's paragraph in Markdown ("Cliquez sur **A** > **B**.").
    ///   - file: the name diagnostics use for the sentence.
    public static func read(_ step: String, phrasebook: Phrasebook, file: String = "<step>") -> (actions: [Action], diagnostics: [Diagnostic]) {
        let bytes = Array(("1. " + step.replacingNewlines + "\n").utf8)
        let source = SourceText(bytes: bytes)
        let (document, _) = CmarkDocument.parse(bytes[...], firstLine: 1, source: source)
        var builder = ArticleBodyBuilder(file: file, phrasebook: phrasebook)
        let (intro, _) = builder.build(document)
        // Columns as in the sentence given, not in the "1. " list item it was parsed as.
        let diagnostics = builder.diagnostics.map { diagnostic in
            var shifted = diagnostic
            if shifted.file == file, shifted.location.line == 1 { shifted.location.column = max(1, shifted.location.column - 3) }
            return shifted
        }
        guard case .procedure(let procedure) = intro.first, let first = procedure.steps.first else {
            return ([], diagnostics + [.error("not a step: write one sentence saying what to do", file: file, at: SourceLocation(line: 1, column: 1))])
        }
        return (first.actions, diagnostics)
    }
}

extension String {
    /// One line: a step is one paragraph, and a line break would end the list item's sentence.
    fileprivate var replacingNewlines: String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
