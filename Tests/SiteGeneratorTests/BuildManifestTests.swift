import Foundation
@testable import SiteGenerator
import Testing

/// The manifest watch mode keeps in memory and writes after every edit: whatever the order of
/// additions, updates and removals, it serializes as a manifest made at once from its entries.
@Suite("Build manifest")
struct BuildManifestTests {
    /// The manifest a cold build would write for these entries.
    static func madeAtOnce(_ entries: [String: BuildManifest.Entry]) -> [UInt8] {
        var manifest = BuildManifest()
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) { manifest.set(path, to: entry) }
        return manifest.serialized()
    }

    @Test("random edits serialize as the same entries made at once, sorted, with hex hashes")
    func editsSerializeAsMadeAtOnce() throws {
        var generator = SystemRandomNumberGenerator()
        var manifest = BuildManifest()
        var expected: [String: BuildManifest.Entry] = [:]
        let paths = (0..<300).map { "fr/\(String($0 * 7919 % 1000, radix: 36))/index.html" }
        for round in 0..<40 {
            // Few changes most rounds (kept in order one by one), many in some (sorted again).
            for _ in 0..<(round % 9 == 0 ? 200 : Int.random(in: 1...6, using: &generator)) {
                let path = paths.randomElement(using: &generator)!
                if Bool.random(using: &generator) || expected[path] == nil {
                    let entry = BuildManifest.Entry(hash: UInt64.random(in: 0...UInt64.max, using: &generator), size: Int.random(in: 0...99_999))
                    manifest.set(path, to: entry)
                    expected[path] = entry
                } else {
                    manifest.set(path, to: nil)
                    expected[path] = nil
                }
            }
            #expect(manifest.serialized() == Self.madeAtOnce(expected), "round \(round)")
            #expect(manifest.entries == expected)
        }
        let lines = String(decoding: manifest.serialized(), as: UTF8.self).split(separator: "\n").dropFirst()
        let first = try #require(lines.first).split(separator: "\t")
        let path = String(first[2])
        #expect(first[0] == String(try #require(expected[path]).hash, radix: 16))
        #expect(lines.map { $0.split(separator: "\t")[2] } == lines.map { $0.split(separator: "\t")[2] }.sorted())
    }

    @Test("the paths below a folder, as recorded, including those added since the last write")
    func pathsWithPrefix() {
        var manifest = BuildManifest()
        for path in ["en/search/a.js", "fr/index.html", "fr/search/terms/b.js", "fr/search/index.js", "fr/zz.html"] {
            manifest.set(path, to: .init(hash: 1, size: 1))
        }
        _ = manifest.serialized()
        manifest.set("fr/search/terms/a.js", to: .init(hash: 2, size: 2))
        manifest.set("fr/search/index.js", to: nil)
        #expect(Array(manifest.paths(withPrefix: "fr/search/")) == ["fr/search/terms/a.js", "fr/search/terms/b.js"])
        #expect(manifest.paths(withPrefix: "de/").isEmpty)
    }
}
