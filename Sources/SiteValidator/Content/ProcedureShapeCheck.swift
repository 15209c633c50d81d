internal import HelpModel

/// A translation must keep its source's procedure shape: the same sections, the same
/// procedures in each, the same steps, each step doing the same kinds of action. The first
/// difference is an error in the translation, with a note at the matching place in the source.
enum ProcedureShapeCheck {
    /// A place in the translation, what differs there, and where to look in the source.
    private struct Mismatch {
        var location: SourceLocation
        var message: String
        var sourceLocation: SourceLocation
        var sourceNote: String
    }

    static func finding(translation: Article, source: Article) -> Finding? {
        guard let mismatch = firstMismatch(translation: translation, source: source) else { return nil }
        let note = Diagnostic.Note(file: source.file, location: mismatch.sourceLocation, message: mismatch.sourceNote)
        return Finding(.procedureShape, .error(mismatch.message, file: translation.file, at: mismatch.location, notes: [note]))
    }

    private static func firstMismatch(translation: Article, source: Article) -> Mismatch? {
        let sourceParts = source.parts
        let translationParts = translation.parts
        if let mismatch = compare(sourceParts[0], translationParts[0], translation: translation, source: source) {
            return mismatch
        }
        let sourceSections = Array(sourceParts.dropFirst())
        let translationSections = Array(translationParts.dropFirst())
        let counts =
            "this translation has \(count(translationSections.count, "section")) where the source has \(sourceSections.count)"
        switch SequenceDifference.first(source: sourceSections.map(\.shape), translation: translationSections.map(\.shape)) {
        case nil:
            return nil
        case .changed(let index):
            return compare(sourceSections[index], translationSections[index], translation: translation, source: source)
        case .missing(let index):
            let missing = sourceSections[index]
            let (location, whereMissing): (SourceLocation, String) =
                if index < translationSections.count {
                    (translationSections[index].location(in: translation), "is missing before this section")
                } else if let last = translationSections.last {
                    (last.location(in: translation), "is missing after this section")
                } else {
                    (translation.frontMatter.keyLocations["translates"] ?? SourceLocation(line: 1, column: 1), "is missing")
                }
            return Mismatch(
                location: location, message: "\(counts): the source's section \(index + 1) \(missing.name) \(whereMissing)",
                sourceLocation: missing.location(in: source), sourceNote: "the missing section in the source")
        case .extra(let index):
            let extra = translationSections[index]
            // The source's section just before the extra one (or its introduction).
            let previous = index > 0 ? sourceSections[index - 1] : sourceParts[0]
            return Mismatch(
                location: extra.location(in: translation),
                message: "\(counts): section \(extra.name) has no counterpart in the source",
                sourceLocation: previous.location(in: source), sourceNote: "what precedes it in the source")
        }
    }

    /// The first difference between the procedures of a part and of its counterpart in the source.
    private static func compare(
        _ sourcePart: ArticlePart, _ translationPart: ArticlePart, translation: Article, source: Article
    ) -> Mismatch? {
        let sourceProcedures = sourcePart.procedures
        let procedures = translationPart.procedures
        let counts =
            "\(translationPart.name) has \(count(procedures.count, "procedure")) where the source has \(sourceProcedures.count)"
        switch SequenceDifference.first(source: sourceProcedures.map(\.shape), translation: procedures.map(\.shape)) {
        case nil:
            return nil
        case .changed(let index):
            return compare(
                sourceProcedures[index], procedures[index], name: translationPart.procedureName(index))
        case .missing(let index):
            let missing = sourceProcedures[index]
            return Mismatch(
                location: translationPart.location(in: translation),
                message: "\(counts): the source's \(sourcePart.procedureName(index)) "
                    + "(\(count(missing.steps.count, "step"))) is missing",
                sourceLocation: missing.range.start, sourceNote: "the missing procedure in the source")
        case .extra(let index):
            return Mismatch(
                location: procedures[index].range.start,
                message: "\(counts): \(translationPart.procedureName(index)) has no counterpart in the source",
                sourceLocation: sourcePart.location(in: source), sourceNote: "the part of the source it belongs to")
        }
    }

    /// The first difference between the steps of a procedure and of its counterpart in the source.
    private static func compare(_ sourceProcedure: Procedure, _ procedure: Procedure, name: String) -> Mismatch? {
        let sourceSteps = sourceProcedure.steps
        let steps = procedure.steps
        let counts = "\(name) has \(count(steps.count, "step")) where the source's has \(sourceSteps.count)"
        switch SequenceDifference.first(source: sourceProcedure.shape, translation: procedure.shape) {
        case nil:
            return nil
        case .changed(let index):
            let kinds = steps[index].actions.map(\.kind).described
            let sourceKinds = sourceSteps[index].actions.map(\.kind).described
            return Mismatch(
                location: steps[index].sentenceRange.start,
                message: "step \(index + 1) of \(name) is \(kinds) where the source's step \(index + 1) is \(sourceKinds); "
                    + "translate it with the same actions",
                sourceLocation: sourceSteps[index].sentenceRange.start, sourceNote: "step \(index + 1) in the source")
        case .missing(let index):
            let missing = sourceSteps[index]
            let atEnd = index >= steps.count
            let here = atEnd ? steps.last : steps[index]
            return Mismatch(
                location: here?.sentenceRange.start ?? procedure.range.start,
                message: "\(counts): the source's step \(index + 1) (\(missing.actions.map(\.kind).described)) "
                    + (atEnd ? "is missing after this step" : "is missing before this step"),
                sourceLocation: missing.sentenceRange.start, sourceNote: "the missing step in the source")
        case .extra(let index):
            return Mismatch(
                location: steps[index].sentenceRange.start,
                message: "\(counts): step \(index + 1) has no counterpart in the source",
                sourceLocation: sourceProcedure.range.start, sourceNote: "the procedure in the source")
        }
    }

    /// `1 step`, `3 steps`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
