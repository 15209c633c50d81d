internal import HelpModel

/// The introduction or one section of an article, with the procedures in it: the units in
/// which translations are compared with their source and sources with their earlier versions.
struct ArticlePart {
    /// Nil for the introduction.
    var section: Section?
    /// Every procedure of the part in reading order, those in notes and lists included.
    var procedures: [Procedure]

    /// The section's anchor; empty for the introduction.
    var anchor: String { section?.anchor ?? "" }

    /// How messages name the part: `"Comment changer votre mot de passe"` or `the introduction`.
    var name: String {
        section.map { "\"\($0.title.plainText)\"" } ?? "the introduction"
    }

    /// Where a finding about the whole part points: the heading, or the part's first block.
    func location(in article: Article) -> SourceLocation {
        if let section { return section.headingRange.start }
        return article.intro.first?.range.start ?? article.frontMatter.keyLocations["id"] ?? SourceLocation(line: 1, column: 1)
    }

    /// Action kinds per step per procedure: what a faithful translation keeps.
    var shape: [[[Action.Kind]]] { procedures.map(\.shape) }

    /// How messages name procedure `index`: `the procedure in "…"`, or `procedure 2 in "…"` when the part has several.
    func procedureName(_ index: Int) -> String {
        procedures.count == 1 ? "the procedure in \(name)" : "procedure \(index + 1) in \(name)"
    }
}

extension Article {
    /// The introduction, then each section.
    var parts: [ArticlePart] {
        [ArticlePart(section: nil, procedures: intro.flatMap(\.procedures))]
            + sections.map { ArticlePart(section: $0, procedures: $0.blocks.flatMap(\.procedures)) }
    }
}

extension Array where Element == Action.Kind {
    /// `click, click`, or `no action` for a step the phrasebook did not read.
    var described: String { isEmpty ? "no action" : map(\.rawValue).joined(separator: ", ") }
}
