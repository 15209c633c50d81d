import Foundation
import Testing
import TestSupport

/// `helpcenter explain`: a writer tries a wording without building.
@Suite("helpcenter explain")
struct ExplainCommandTests {
    @Test("a sentence that reads: its actions, exit 0")
    func reads() throws {
        let result = try CommandRunner.run(["explain", "--locale", "fr", "Cliquez sur **Compte** > **Modifier le mot de passe**."])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "reads as:\n  click \"Compte\"\n  click \"Modifier le mot de passe\"\n")
    }

    @Test("a sentence that does not read: the error and its hint, exit 1")
    func doesNotRead() throws {
        let result = try CommandRunner.run(["explain", "--locale", "en", "Drag **Finance** to the top."])
        #expect(result.status == 1)
        #expect(result.standardError.contains("error: step 1 does not read as any phrase of the en phrasebook: \"Drag **Finance** to the top.\""))
        #expect(result.standardError.contains("note: "), "\(result.standardError)")
    }

    @Test("--corpus: the score of each corpus, exit 0 when nothing misreads")
    func corpus() throws {
        let result = try CommandRunner.run(["explain", "--corpus", "Tests/HelpParserTests/Corpus/steps.de.yml"])
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.hasPrefix("de: "))
        #expect(result.standardOutput.contains(", 0 misread; "))
    }

    @Test("no sentence and no corpus, or an unknown locale: exit 2")
    func usage() throws {
        #expect(try CommandRunner.run(["explain"]).status == 2)
        #expect(try CommandRunner.run(["explain", "--locale", "xx", "Cliquez."]).status == 2)
    }
}
