public import HelpModel
internal import Yams

/// Step sentences with the actions they must read as (or the error they must give), kept in
/// `Tests/HelpParserTests/Corpus/steps.<locale>.yml`: the measure of a locale's grammar.
///
/// `helpcenter explain --corpus` prints the score; the test suite requires every entry to pass.
public struct StepCorpus: Sendable {
    public struct Entry: Sendable {
        public enum Expectation: Sendable, Equatable {
            /// The `Action.summary` lines the step must read as.
            case reads([String])
            /// What the step should read as, though the grammar does not read it yet: it must
            /// not misread, and the test asks for it to move to `reads` once it reads.
            case pending([String])
            /// The step must not read: "ambiguous" or "unread".
            case refused(String)
        }

        public let step: String
        public let expectation: Expectation
        public let line: Int
    }

    /// How one entry fared.
    public enum Outcome: Sendable, Equatable {
        case correct
        /// Read, but as other actions: the worst outcome.
        case misread(got: [String])
        /// Not read, though it should have been (the first diagnostic says why).
        case unread(String)
        /// Read, though it must not be.
        case wronglyRead(got: [String])
        /// Refused, but for another reason than expected.
        case refusedOtherwise(String)
    }

    public let locale: String
    public let entries: [Entry]

    /// Reads a corpus file: `locale`, `reads: [{step, actions}]`, `pending: [{step, actions}]`,
    /// `unread: [{step, error}]`.
    public init(text: String, file: String) throws(UnreadableInputError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8)
        } catch {
            throw UnreadableInputError(path: file, reason: "not YAML: \(error)")
        }
        guard let root, let mapping = root.entries else { throw UnreadableInputError(path: file, reason: "expected a mapping with locale, reads, unread") }
        func section(_ name: String) -> [Node] { mapping.first { $0.key.scalarText == name }?.value.items ?? [] }
        locale = mapping.first { $0.key.scalarText == "locale" }?.value.scalarText ?? ""
        var entries: [Entry] = []
        for (item, isPending) in section("reads").map({ ($0, false) }) + section("pending").map({ ($0, true) })
            + section("unread").map({ ($0, false) })
        {
            let fields = Dictionary((item.entries ?? []).compactMap { key, value in key.scalarText.map { ($0, value) } }, uniquingKeysWith: { a, _ in a })
            guard let step = fields["step"]?.scalarText else { continue }
            let line = item.mark?.line ?? 0
            if let actions = fields["actions"]?.items?.compactMap(\.scalarText) {
                entries.append(Entry(step: step, expectation: isPending ? .pending(actions) : .reads(actions), line: line))
            } else if let error = fields["error"]?.scalarText {
                entries.append(Entry(step: step, expectation: .refused(error), line: line))
            }
        }
        self.entries = entries
    }

    /// Reads every entry with the phrasebook and compares.
    public func evaluate(with phrasebook: Phrasebook) -> [(entry: Entry, outcome: Outcome)] {
        entries.map { entry in (entry, Self.outcome(of: entry, phrasebook: phrasebook)) }
    }

    static func outcome(of entry: Entry, phrasebook: Phrasebook) -> Outcome {
        let (actions, diagnostics) = StepExplainer.read(entry.step, phrasebook: phrasebook)
        let errors = diagnostics.filter { $0.severity == .error }
        // A warning with a code (an unlabelled step) is part of the reading a corpus entry states.
        let got = actions.map(\.summary) + diagnostics.filter { $0.severity == .warning }.compactMap { $0.code.map { "warning \($0)" } }
        switch entry.expectation {
        case .reads(let expected), .pending(let expected):
            if errors.isEmpty { return got == expected ? .correct : .misread(got: got) }
            return .unread(errors.first?.message ?? "")
        case .refused(let kind):
            guard let error = errors.first else { return .wronglyRead(got: got) }
            let ambiguous = error.message.contains("is ambiguous")
            return (kind == "ambiguous") == ambiguous ? .correct : .refusedOtherwise(error.message)
        }
    }
}
