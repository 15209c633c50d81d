internal import HelpModel

/// An action as the grammar read it, its labels still pointing at the sentence's spans.
///
/// Readings do not depend on the label texts, so one reading serves every sentence of the same
/// form (``Phrasebook`` caches them: a help center repeats its step forms thousands of times).
enum ReadAction: Sendable, Hashable {
    case signIn
    case followEmailLink
    case manual
    /// An action on the product whose object the sentence names without a label: done by a
    /// person, like ``manual``, and warned about so that the writer bolds the label.
    case unlabelled
    /// The step applies under a condition the sentence states (`conditions:`): done by a person,
    /// like ``manual``, and warned about. A reading with it holds nothing else.
    case conditional
    case open(PageName)
    case target(Action.Kind, label: SpanReference, within: SpanReference?, beside: ValueKind?)
    /// A field to fill; a nil value is looked up from the label in the field vocabulary.
    case fill(label: SpanReference?, value: ValueKind?)

    /// A label of the sentence, or text the phrasebook gives.
    enum SpanReference: Sendable, Hashable {
        case label(Int)
        case emphasis(Int)
        case fixed(String, SourceLocation)
    }
}

/// What reading a step sentence gave.
enum StepReading: Sendable {
    case read([ReadAction])
    /// Two or more different readings: the step must be reworded, never guessed.
    case ambiguous([[ReadAction]])
    /// The sentence offers a choice ("**A** ou **B**") and reads with its alternatives as a list:
    /// a step for people, warned about.
    case alternative(word: String)
    /// No reading. `readUpTo` is how far the furthest partial reading got (a token index).
    case unread(readUpTo: Int)

    /// Whether the sentence reads: as actions, or as a choice (a step for people).
    var reads: Bool {
        switch self {
        case .read, .alternative: true
        case .ambiguous, .unread: false
        }
    }
}
