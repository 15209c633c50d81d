import Foundation
import HelpModel
import Testing
import TestSupport

/// The CommonMark 0.30 spec as a test suite: each of its 652 examples, as the body of an
/// article section, through the real parser and renderer, compared with libcmark's own HTML.
///
/// Every example renders as cmark does (identically, or after ``HTMLNormaliser``), or has a
/// row in `CommonMarkSpec/differences.tsv` naming the design decision that makes it differ.
/// A new difference fails until someone decides about it (fix it, or add a row); a listed
/// example that now matches fails until its row goes, so the table stays true.
@Suite("CommonMark 0.30 spec")
struct CommonMarkSpecTests {
    @Test("spec.txt holds the 652 examples of CommonMark 0.30, and cmark renders each as the spec says")
    func specIsRead() throws {
        let examples = SpecExample.all
        #expect(examples.count == 652)
        for example in examples {
            let cmark = HTMLNormaliser.normalised(CmarkReference.html(example.markdown, unsafe: true))
            #expect(cmark == HTMLNormaliser.normalised(example.html), "\(example.testDescription): the harness misreads the spec")
        }
    }

    @Test("differences.tsv: well-formed rows, known categories, each example once and in the spec")
    func tableIsWellFormed() {
        let table = DifferenceTable.shared
        #expect(table.problems == [])
        for number in table.rows.keys where !(1...652).contains(number) {
            Issue.record("differences.tsv lists example \(number), which the spec does not have")
        }
    }

    @Test("each example renders as cmark does, or differs as differences.tsv says", arguments: SpecExample.all)
    func example(_ example: SpecExample) throws {
        let rendering = try #require(SpecRendering.shared, "the repository's content/ did not load")
        let verdict = SpecVerdict(example, rendering: rendering)
        let row = DifferenceTable.shared.rows[example.number]
        switch (verdict.outcome, row) {
        case (nil, nil):
            break
        case (nil, let row?):
            Issue.record("example \(example.number) now \(verdict.details); remove line \(row.line) of differences.tsv")
        case (let outcome?, nil):
            Issue.record("""
                example \(example.number) \(verdict.details)
                fix it, or if it is a design decision add to differences.tsv:
                \(example.number)\t\(outcome.rawValue)\t<category>\t<reason>
                """)
        case (let outcome?, let row?):
            #expect(outcome == row.outcome, "example \(example.number) \(verdict.details), but differences.tsv line \(row.line) says \(row.outcome.rawValue)")
            checkDecisions(row, explain: verdict, example: example)
        }
    }

    /// A row's decisions must account for the whole difference, and each must play a part.
    private func checkDecisions(_ row: DifferenceTable.Row, explain verdict: SpecVerdict, example: SpecExample) {
        let place = "example \(example.number) (differences.tsv line \(row.line))"
        switch verdict {
        case .differs(var ours, var cmark):
            for decision in row.decisions {
                let undone = decision.undo(ours: ours, cmark: cmark)
                #expect(undone != (ours, cmark), "\(place): '\(decision.rawValue)' changes nothing here; remove it")
                (ours, cmark) = undone
            }
            #expect(
                HTMLNormaliser.normalised(ours) == HTMLNormaliser.normalised(cmark),
                "\(place) differs by more than \(row.decisions.map(\.rawValue)):\n  ours:  \(ours)\n  cmark: \(cmark)")
        case .refused(let errors):
            for error in errors where !row.decisions.contains(where: { $0.error.map(error.message.contains) ?? false }) {
                Issue.record("\(place) is also refused for a reason its row does not give: \(error.message)")
            }
            for decision in row.decisions where !errors.contains(where: { decision.error.map($0.message.contains) ?? false }) {
                Issue.record("\(place): '\(decision.rawValue)' refuses nothing here; remove it")
            }
        case .identical, .cosmetic:
            break
        }
    }

    @Test("the README's summary gives the counts the suite finds")
    func readmeSummary() throws {
        let rendering = try #require(SpecRendering.shared)
        var counts = (identical: 0, cosmetic: 0, differs: 0, refused: 0)
        for example in SpecExample.all {
            switch SpecVerdict(example, rendering: rendering) {
            case .identical: counts.identical += 1
            case .cosmetic: counts.cosmetic += 1
            case .differs: counts.differs += 1
            case .refused: counts.refused += 1
            }
        }
        let summary = "\(SpecExample.all.count) examples: \(counts.identical) identical, \(counts.cosmetic) cosmetic, "
            + "\(counts.differs) differ by design, \(counts.refused) refused by design"
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(summary), "README.md should say: \(summary)")
    }
}
