/// Numbered steps that lead to an outcome in the product.
public struct Procedure: Sendable, Hashable, Codable {
    /// The number of the first step, as the writer typed it (`1.` almost always).
    public var start: Int
    public var steps: [Step]
    public var range: SourceRange
    /// cmark's tightness of the list: no blank line between steps nor inside one. A tight
    /// procedure's sentences are rendered without `<p>`, as cmark renders the same list.
    public var tight: Bool

    public init(start: Int, steps: [Step], range: SourceRange, tight: Bool = false) {
        self.start = start
        self.steps = steps
        self.range = range
        self.tight = tight
    }

    /// The kinds of action step by step: what a faithful translation keeps.
    public var shape: [[Action.Kind]] { steps.map { $0.actions.map(\.kind) } }
}

extension Step {
    /// A step for people only: the checker skips it and lists it.
    public var isManual: Bool { actions.contains(.manual) }
}

/// One numbered step: the sentence as written, and what the phrasebook read from it.
public struct Step: Sendable, Hashable, Codable {
    /// The step's first paragraph: the sentence the phrasebook reads.
    public var sentence: [Inline]
    /// The range of the sentence (where a "no phrase reads this" error points).
    public var sentenceRange: SourceRange
    public var actions: [Action]
    /// Anything after the sentence inside the list item: detail paragraphs, notes, sub-lists.
    public var details: [Block]
    public var range: SourceRange

    public init(
        sentence: [Inline], sentenceRange: SourceRange, actions: [Action], details: [Block],
        range: SourceRange
    ) {
        self.sentence = sentence
        self.sentenceRange = sentenceRange
        self.actions = actions
        self.details = details
        self.range = range
    }
}
