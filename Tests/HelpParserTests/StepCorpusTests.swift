import Foundation
import HelpParser
import Testing
import TestSupport

/// The step corpus of each locale (`Tests/HelpParserTests/Corpus/steps.<locale>.yml`): how
/// writers phrase steps, with the actions each must read as, and sentences that must not read.
/// `helpcenter explain --corpus` prints the same score.
@Suite("Step corpus")
struct StepCorpusTests {
    static func evaluate(_ locale: String) throws -> [(entry: StepCorpus.Entry, outcome: StepCorpus.Outcome)] {
        let file = repositoryRoot.appendingPathComponent("Tests/HelpParserTests/Corpus/steps.\(locale).yml")
        let corpus = try StepCorpus(text: try String(contentsOf: file, encoding: .utf8), file: file.path)
        #expect(corpus.locale == locale)
        let phrasebookFile = repositoryContent.appendingPathComponent("\(locale)/phrasebook.yml")
        let (phrasebook, diagnostics) = StepExplainer.phrasebook(
            text: try String(contentsOf: phrasebookFile, encoding: .utf8), file: "content/\(locale)/phrasebook.yml", locale: locale)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        return corpus.evaluate(with: try #require(phrasebook))
    }

    @Test("every sentence reads as its actions, none misreads, every refused one is refused as said", arguments: ["fr", "en", "de", "es"])
    func corpus(locale: String) throws {
        let results = try Self.evaluate(locale)
        var reads = 0
        var refusals = 0
        for (entry, outcome) in results {
            switch entry.expectation {
            case .reads:
                reads += 1
                #expect(outcome == .correct, "line \(entry.line): \(entry.step) → \(outcome)")
            case .refused:
                refusals += 1
                #expect(outcome == .correct, "line \(entry.line): \(entry.step) must be refused as said → \(outcome)")
            case .pending:
                switch outcome {
                case .unread: break
                case .correct: Issue.record("line \(entry.line): pending \(entry.step) now reads: move it to 'reads'")
                default: Issue.record("line \(entry.line): pending \(entry.step) misreads → \(outcome)")
                }
            }
        }
        #expect(reads >= 150)
        #expect(refusals >= 20)
    }
}
