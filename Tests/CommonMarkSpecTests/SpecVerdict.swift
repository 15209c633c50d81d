import HelpModel

/// How one example came out against cmark's own HTML.
enum SpecVerdict: Sendable {
    /// Byte for byte cmark's HTML.
    case identical
    /// Equal after ``HTMLNormaliser``.
    case cosmetic
    /// Built, but its content differs: both renderings, normalised.
    case differs(ours: String, cmark: String)
    /// The parser or the build refused the article.
    case refused([Diagnostic])

    init(_ example: SpecExample, rendering: SpecRendering) {
        let reference = SpecRendering.reference(example)
        switch rendering.render(example) {
        case .refused(let errors):
            self = .refused(errors)
        case .rendered(let ours) where ours == reference:
            self = .identical
        case .rendered(let ours):
            let (left, right) = (HTMLNormaliser.normalised(ours), HTMLNormaliser.normalised(reference))
            self = left == right ? .cosmetic : .differs(ours: left, cmark: right)
        }
    }

    /// The outcome a row of the difference table must give, or nil when the example matches.
    var outcome: DifferenceTable.Outcome? {
        switch self {
        case .identical, .cosmetic: nil
        case .differs: .differs
        case .refused: .refused
        }
    }

    /// What the failure message shows.
    var details: String {
        switch self {
        case .identical: "renders identically"
        case .cosmetic: "renders as cmark does after normalisation"
        case .differs(let ours, let cmark): "differs from cmark:\n  ours:  \(ours)\n  cmark: \(cmark)"
        case .refused(let errors): "is refused: \(errors.map(\.message).joined(separator: "; "))"
        }
    }
}
