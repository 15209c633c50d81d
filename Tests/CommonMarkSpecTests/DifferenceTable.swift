import Foundation

/// `CommonMarkSpec/differences.tsv`: every spec example that does not render as cmark renders
/// it, with the design decision that makes it differ. One row an example:
/// `example<TAB>outcome<TAB>categories<TAB>reason`, the categories being ``DesignDecision``s
/// separated by commas; `#` starts a comment line.
struct DifferenceTable: Sendable {
    /// How an example differs.
    enum Outcome: String, Sendable {
        /// The article builds, and its body differs from cmark's after ``HTMLNormaliser``.
        case differs
        /// The parser or the build refuses the article (an error), by design.
        case refused
    }

    struct Row: Sendable {
        var example: Int
        var outcome: Outcome
        var decisions: [DesignDecision]
        var reason: String
        var line: Int
    }

    var rows: [Int: Row] = [:]
    /// Lines that are not a valid row, a repeated example or an unknown category.
    var problems: [String] = []

    static let shared: DifferenceTable = {
        guard let folder = Bundle.module.url(forResource: "CommonMarkSpec", withExtension: nil),
            let text = try? String(contentsOf: folder.appendingPathComponent("differences.tsv"), encoding: .utf8)
        else { return DifferenceTable(problems: ["CommonMarkSpec/differences.tsv cannot be read"]) }
        return DifferenceTable(parsing: text)
    }()

    init(rows: [Int: Row] = [:], problems: [String] = []) {
        self.rows = rows
        self.problems = problems
    }

    init(parsing text: String) {
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let example = Int(fields[0]), let outcome = Outcome(rawValue: fields[1]),
                !fields[3].isEmpty
            else {
                problems.append("line \(number): not 'example<TAB>differs|refused<TAB>category<TAB>reason': \(line)")
                continue
            }
            var decisions: [DesignDecision] = []
            for name in fields[2].split(separator: ",") {
                guard let decision = DesignDecision(rawValue: String(name)) else {
                    let known = DesignDecision.allCases.map(\.rawValue).joined(separator: ", ")
                    problems.append("line \(number): unknown category '\(name)'; known: \(known)")
                    continue
                }
                if decision.outcome != outcome {
                    problems.append("line \(number): '\(name)' makes an example \(decision.outcome.rawValue), not \(outcome.rawValue)")
                }
                decisions.append(decision)
            }
            if let earlier = rows[example] {
                problems.append("line \(number): example \(example) is already listed on line \(earlier.line)")
            }
            rows[example] = Row(example: example, outcome: outcome, decisions: decisions, reason: fields[3], line: number)
        }
    }
}
