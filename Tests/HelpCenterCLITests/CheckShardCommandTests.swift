import Foundation
import FoundationXML
import Testing
import TestSupport

/// `check --shard I/N` on the real content, and `check merge` of the shards' reports. French
/// only: every run here is a whole check run beside the rest of the suite, and the split is the
/// same code whatever the number of jobs.
@Suite("helpcenter check --shard and check merge")
struct CheckShardCommandTests {
    /// The JSON text with every timing set to 0, and every time a procedure passed removed: all
    /// that may differ between two runs.
    private func withoutTimings(_ text: String) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        object["seconds"] = 0
        object["results"] = (object["results"] as? [[String: Any]])?.map { entry in
            var entry = entry
            entry["seconds"] = 0
            entry["passedAt"] = nil
            return entry
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self)
    }

    @Test("three shards run exactly the jobs of the whole run; their merge equals the unsharded report")
    func mergeEqualsUnsharded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = try CommandRunner.run(["check", "--content", "content", "--locale", "fr", "--format", "json"])
        #expect(whole.status == 0, "\(whole.standardError)")
        let wholeObject = try #require(try JSONSerialization.jsonObject(with: Data(whole.standardOutput.utf8)) as? [String: Any])
        let jobCount = (wholeObject["results"] as? [Any])?.count ?? 0
        #expect(jobCount > 3)
        var files: [String] = []
        var jobs: [Int] = []
        for index in 1...3 {
            let shard = try CommandRunner.run(["check", "--content", "content", "--locale", "fr", "--format", "json", "--shard", "\(index)/3"])
            #expect(shard.status == 0, "\(shard.standardError)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(shard.standardOutput.utf8)) as? [String: Any])
            let results = try #require(object["results"] as? [[String: Any]])
            #expect(!results.isEmpty)
            jobs += results.compactMap { $0["job"] as? Int }
            #expect((object["shard"] as? [String: Any])?["index"] as? Int == index)
            let file = folder.appendingPathComponent("shard-\(index).json").path
            try Data(shard.standardOutput.utf8).write(to: URL(fileURLWithPath: file))
            files.append(file)
        }
        #expect(jobs.sorted() == Array(0..<jobCount))
        let merged = try CommandRunner.run(["check", "merge"] + files.reversed())
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(try withoutTimings(merged.standardOutput) == withoutTimings(whole.standardOutput))
        #expect(merged.standardError.contains("check merge: \(jobCount) passed, 0 failed; coverage: "), "\(merged.standardError)")

        let missing = try CommandRunner.run(["check", "merge", files[0], files[2]])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("shard 2/3 is missing"))
        let twice = try CommandRunner.run(["check", "merge", files[0], files[0], files[2]])
        #expect(twice.status == 2)
        #expect(twice.standardError.contains("are both shard 1/3"))
        let unsharded = folder.appendingPathComponent("whole.json").path
        try Data(whole.standardOutput.utf8).write(to: URL(fileURLWithPath: unsharded))
        let notShard = try CommandRunner.run(["check", "merge", unsharded])
        #expect(notShard.status == 2)
        #expect(notShard.standardError.contains("is not a shard's report"))
    }

    @Test("a shard's JUnit stands alone: one case per job of that shard, the jobs its JSON lists")
    func junitAlone() throws {
        let json = try CommandRunner.run(["check", "--content", "content", "--locale", "fr", "--format", "json", "--shard", "2/3"])
        let names = { (text: String) throws -> [String] in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return (object["results"] as? [[String: Any]] ?? []).compactMap { "[\($0["locale"] ?? "")] \($0["name"] ?? "")" }
        }
        let jobs = try names(json.standardOutput)
        #expect(!jobs.isEmpty)
        let junit = try CommandRunner.run(["check", "--content", "content", "--locale", "fr", "--format", "junit", "--shard", "2/3"])
        #expect(junit.status == 0)
        let document = try XMLDocument(data: Data(junit.standardOutput.utf8))
        // Every case that ran (the manual steps are the content's, skipped cases in every shard).
        let cases = try document.nodes(forXPath: "//testcase[not(skipped)]").compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }
        #expect(cases.sorted() == jobs.sorted())
    }

    @Test("--shard must be I/N", arguments: [["--shard", "0/2"], ["--shard", "3/2"], ["--shard", "x"]])
    func usage(arguments: [String]) throws {
        let result = try CommandRunner.run(["check", "--content", "content"] + arguments)
        #expect(result.status == 2)
        #expect(result.standardError.contains("--shard takes I/N"))
    }
}
