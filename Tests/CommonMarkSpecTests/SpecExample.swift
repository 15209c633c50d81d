import Foundation
import Testing

/// One example of the CommonMark spec: its number, the section it is in, its Markdown and the
/// HTML the spec expects (tabs, written `→` in the spec, are real tabs here).
struct SpecExample: Sendable, CustomTestStringConvertible {
    var number: Int
    var section: String
    var markdown: String
    var html: String

    var testDescription: String { "example \(number) (\(section))" }

    /// The 652 examples of `CommonMarkSpec/spec.txt`, in order; empty when it cannot be read
    /// (the count test then fails).
    static let all: [SpecExample] = {
        guard let folder = Bundle.module.url(forResource: "CommonMarkSpec", withExtension: nil),
            let text = try? String(contentsOf: folder.appendingPathComponent("spec.txt"), encoding: .utf8)
        else { return [] }
        return parse(text)
    }()

    /// Reads the examples as the spec's own test runner does: a line of 32 backticks and
    /// `example` opens one, a line `.` parts Markdown from HTML, 32 backticks close it.
    static func parse(_ text: String) -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var markdown: [Substring] = []
        var html: [Substring] = []
        var state = 0  // 0 outside, 1 in Markdown, 2 in HTML
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            switch state {
            case 0:
                if line == fence + " example" {
                    state = 1
                } else if line.hasPrefix("#"), let space = line.firstIndex(of: " ") {
                    section = String(line[line.index(after: space)...])
                }
            case 1:
                if line == "." { state = 2 } else { markdown.append(line) }
            default:
                guard line == fence else {
                    html.append(line)
                    continue
                }
                examples.append(SpecExample(
                    number: examples.count + 1, section: section, markdown: tabs(markdown), html: tabs(html)))
                (markdown, html, state) = ([], [], 0)
            }
        }
        return examples
    }

    private static func tabs(_ lines: [Substring]) -> String {
        lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
    }
}
