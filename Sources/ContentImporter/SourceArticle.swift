internal import Foundation
internal import HelpModel
internal import Yams

/// One article of the source site: where it is, what its front matter says, and its body lines.
struct SourceArticle: Sendable {
    /// The file as the user named it (`SOURCE_DIR/_articles/account/x.md`), for every report.
    var file: String
    /// The path inside the source site (`_articles/account/x.md`, `docs/a/b.md`).
    var relativePath: String
    /// The source's address name of the article (Jekyll `/article/<slug>/`; MkDocs its path).
    var slug: String
    /// The folder the article lives in, under the articles root (`account`); "" at the root.
    var folder: String
    var frontMatter: [String: FrontMatterValue]
    /// Where each front matter key was written, for findings about it.
    var frontMatterLines: [String: Int]
    var body: [SourceLine]
    var modified: CalendarDay?
    /// What reading the front matter found (a key given twice).
    var findings: [Diagnostic] = []
}

/// A front matter value as the importer needs it: text, or a list of texts.
enum FrontMatterValue: Sendable, Hashable {
    case text(String)
    case list([String])

    var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// A list, or a single text as a list of one (`tags: a` and `tags: [a]` alike).
    var list: [String] {
        switch self {
        case .text(let value): value.isEmpty ? [] : [value]
        case .list(let values): values
        }
    }

    var isTrue: Bool { text.map { ["true", "yes", "on"].contains($0.lowercased()) } ?? false }
}

/// Splits a Markdown file into its `---` front matter and body, and reads the front matter.
enum SourceFrontMatter {
    /// The front matter (empty when the file has none) and the body's lines with their numbers;
    /// an unreadable front matter is an error at its line.
    static func read(_ text: String, file: String) -> Result<(values: [String: FrontMatterValue], lines: [String: Int], body: [SourceLine], findings: [Diagnostic]), Diagnostic> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            return .success(([:], [:], number(lines, from: 1), []))
        }
        guard let close = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingCharacters(in: .whitespaces)) }) else {
            return .failure(.error("front matter opened by '---' is never closed; add a '---' line after it", file: file, at: SourceLocation(line: 1, column: 1)))
        }
        let (kept, findings) = lastOfEachKey(Array(lines[1..<close]), file: file)
        let yaml = kept.joined(separator: "\n")
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, Resolver.basic, Constructor.default, .utf8)
        } catch let error as YamlError {
            return .failure(problem(error, file: file))
        } catch {
            return .failure(.error("unreadable front matter: \(error)", file: file, at: SourceLocation(line: 2, column: 1)))
        }
        var values: [String: FrontMatterValue] = [:]
        var keyLines: [String: Int] = [:]
        if let node {
            guard case .mapping(let mapping) = node else {
                return .failure(.error("front matter must be 'key: value' lines", file: file, at: SourceLocation(line: 2, column: 1)))
            }
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                keyLines[name] = (key.mark?.line ?? 1) + 1
                switch value {
                case .scalar(let scalar): values[name] = .text(scalar.string)
                case .sequence(let sequence): values[name] = .list(sequence.compactMap(\.string))
                case .mapping, .alias: continue
                }
            }
        }
        return .success((values, keyLines, number(Array(lines[(close + 1)...]), from: close + 2), findings))
    }

    /// A key given twice is taken from its last line, as Jekyll's YAML reader does (Yams
    /// refuses it); the earlier lines become blank, so that line numbers stay true.
    private static func lastOfEachKey(_ lines: [String], file: String) -> ([String], [Diagnostic]) {
        var keyOfLine: [Int: String] = [:]
        var lastLine: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            guard let first = line.first, first.isLetter || first == "_", let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { continue }
            keyOfLine[index] = key
            lastLine[key] = index
        }
        var kept = lines
        var findings: [Diagnostic] = []
        var dropping = false
        for index in lines.indices {
            if let key = keyOfLine[index] {
                dropping = lastLine[key] != index
                if dropping {
                    findings.append(.warning(
                        "front matter key '\(key)' is given again on line \((lastLine[key] ?? index) + 2); the last one is used, as Jekyll does",
                        file: file, at: SourceLocation(line: index + 2, column: 1)))
                }
            } else if let first = lines[index].first, first != " ", first != "-", first != "#" {
                dropping = false
            }
            if dropping { kept[index] = "" }
        }
        return (kept, findings)
    }

    private static func number(_ lines: [String], from first: Int) -> [SourceLine] {
        lines.enumerated().map { SourceLine($0.element, line: first + $0.offset) }
    }

    /// A YAML syntax error at its line in the file (the front matter starts on line 2).
    private static func problem(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .error(
                "unreadable front matter: \(problem.replacingOccurrences(of: "\n", with: " ")); quote values that hold ': ' or start with '{', '[', '*' or '&'",
                file: file, at: SourceLocation(line: mark.line + 1, column: mark.column))
        default:
            return .error("unreadable front matter: \(error)", file: file, at: SourceLocation(line: 2, column: 1))
        }
    }
}
