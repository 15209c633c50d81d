internal import ArgumentParser
internal import Foundation
internal import HelpModel
internal import HelpParser

/// `helpcenter explain`: how one step sentence reads, or why not, without building; and with
/// `--corpus`, how many sentences of a step corpus the grammar reads as expected.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how a step sentence reads with a locale's phrasebook, or score a step corpus.",
        discussion: """
            helpcenter explain --locale fr "Cliquez sur **Compte** > **Modifier le mot de passe**."
            prints the actions the sentence reads as, or the error the build would give, with its hint.
            helpcenter explain --corpus Tests/HelpParserTests/Corpus/steps.fr.yml scores a corpus
            (add --verbose to list every entry that does not pass).
            Exits 0 when the sentence reads (every corpus entry passes), 1 otherwise, 2 on unreadable input.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The content folder holding <locale>/phrasebook.yml.", valueName: "dir"))
    var content: String = "content"

    @Option(name: .long, help: "The locale whose phrasebook reads the sentence.")
    var locale: String?

    @Option(name: .long, help: ArgumentHelp("A step corpus to score (repeatable).", valueName: "file"))
    var corpus: [String] = []

    @Flag(name: .long, help: "With --corpus, list every entry that does not pass.")
    var verbose = false

    @Argument(help: "The step sentence, in Markdown (labels in **bold**).")
    var sentence: String?

    func validate() throws {
        if corpus.isEmpty, sentence == nil || locale == nil {
            throw ValidationError("give --locale and a sentence, or --corpus FILE")
        }
    }

    func run() throws {
        if !corpus.isEmpty {
            var allPass = true
            for file in corpus { allPass = try score(file) && allPass }
            if !allPass { throw ExitStatus.findings.exitCode }
            return
        }
        guard let locale, let sentence else { return }
        let phrasebook = try load(locale)
        let (actions, diagnostics) = StepExplainer.read(sentence, phrasebook: phrasebook)
        if diagnostics.errorCount > 0 {
            DiagnosticReport.print(diagnostics)
            throw ExitStatus.findings.exitCode
        }
        print("reads as:")
        for action in actions { print("  \(action.summary)") }
    }

    private func load(_ locale: String) throws -> Phrasebook {
        let file = "\(content)/\(locale)/\(ContentLoader.phrasebookFileName)"
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            DiagnosticReport.printError("error: cannot read \(file): is '\(locale)' a locale of \(content)/?\n")
            throw ExitStatus.usage.exitCode
        }
        let vocabularyFile = "\(content)/\(locale)/\(ProductVocabulary.fileName)"
        let vocabulary = (try? String(contentsOfFile: vocabularyFile, encoding: .utf8)).map { (text: $0, file: vocabularyFile) }
        let (phrasebook, diagnostics) = StepExplainer.phrasebook(text: text, file: file, locale: locale, vocabulary: vocabulary)
        DiagnosticReport.print(diagnostics)
        guard let phrasebook else { throw ExitStatus.usage.exitCode }
        return phrasebook
    }

    /// Prints `fr: 198/199 read as expected, 0 misread; 31/32 refused as expected` and returns
    /// whether every entry passed.
    private func score(_ file: String) throws -> Bool {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            DiagnosticReport.printError("error: cannot read \(file)\n")
            throw ExitStatus.usage.exitCode
        }
        let corpus: StepCorpus
        do { corpus = try StepCorpus(text: text, file: file) } catch {
            DiagnosticReport.printError("error: \(error)\n")
            throw ExitStatus.usage.exitCode
        }
        let results = corpus.evaluate(with: try load(corpus.locale))
        var reads = 0, readsCorrect = 0, misreads = 0, refusals = 0, refusalsCorrect = 0, pending = 0, pendingRead = 0
        for (entry, outcome) in results {
            switch (entry.expectation, outcome) {
            case (.refused, _):
                refusals += 1
                if outcome == .correct { refusalsCorrect += 1 }
            case (.pending, .correct):
                reads += 1
                pending += 1
                readsCorrect += 1
                pendingRead += 1
            case (.pending, _):
                reads += 1
                pending += 1
            case (.reads, _):
                reads += 1
                if outcome == .correct { readsCorrect += 1 }
            }
            switch outcome {
            case .misread, .wronglyRead: misreads += 1
            default: break
            }
            guard verbose else { continue }
            if case .pending = entry.expectation {
                if outcome == .correct { print("\(file):\(entry.line): pending entry now reads: move it to reads: \(entry.step)") }
                if case .unread = outcome { continue }
            }
            if outcome != .correct { print("\(file):\(entry.line): \(describe(outcome)): \(entry.step)") }
        }
        print("\(corpus.locale): \(readsCorrect)/\(reads) read as expected (\(pending) pending), \(misreads) misread; "
            + "\(refusalsCorrect)/\(refusals) refused as expected")
        // Pending entries may stay unread; nothing may misread, and a pending entry that reads moves up.
        return readsCorrect == reads - pending && pendingRead == 0 && misreads == 0 && refusalsCorrect == refusals
    }

    private func describe(_ outcome: StepCorpus.Outcome) -> String {
        switch outcome {
        case .correct: "ok"
        case .misread(let got): "MISREAD as [\(got.joined(separator: ", "))]"
        case .wronglyRead(let got): "MISREAD (must not read) as [\(got.joined(separator: ", "))]"
        case .unread(let message): "unread (\(message))"
        case .refusedOtherwise(let message): "refused otherwise (\(message))"
        }
    }
}
