internal import Foundation
internal import HelpParser

/// The anchors of the converted articles' headings: kramdown's kept where ours differ, and the
/// links whose anchor names no heading of the article they lead to listed.
enum HeadingAnchors {
    /// The anchors kramdown gave a Jekyll article's headings, kept: where kramdown's id is not
    /// the one our build makes ("Hide Cards & Identities" is `hide-cards--identities` there,
    /// `hide-cards-identities` here; a second "Compare the plans" is `compare-the-plans-1`), the
    /// heading gets it as `{#id}`, so the article's own links, links between articles and links
    /// from elsewhere to `…/#hide-cards--identities` all still land on it.
    static func keepingKramdownIDs(_ lines: [SourceLine]) -> [SourceLine] {
        var used: [String: Int] = [:]
        return mapHeadings(lines) { line, text in
            // A heading that names its id keeps it, as kramdown does.
            if HeadingID.explicitID(endingHeading: text) != nil { return line }
            var id = kramdownID(text)
            if id.isEmpty { id = "section" }
            if let count = used[id] {
                used[id] = count + 1
                id += "-\(count + 1)"
            } else {
                used[id] = 0
            }
            guard id != Slug.make(plainWords(text)), Slug.isIdentifier(id) else { return line }
            return SourceLine(line.text + " {#\(id)}", line: line.line, isFinal: line.isFinal)
        }
    }

    /// The anchors our build gives the headings of `lines`: each `{#id}`, else the slug of its
    /// words, numbered from 2 when taken (as `ArticleBodyBuilder` numbers them).
    static func anchors(of lines: [SourceLine]) -> Set<String> {
        var titles: [String] = []
        var anchors: Set<String> = []
        _ = mapHeadings(lines) { line, text in
            if let id = HeadingID.explicitID(endingHeading: text) { anchors.insert(id) } else { titles.append(plainWords(text)) }
            return line
        }
        for title in titles { anchors.insert(Slug.unique(Slug.make(title)) { anchors.contains($0) }) }
        return anchors
    }

    /// A source anchor as ours: lowercase, `_` and spaces made `-` ("additional_info_cname" →
    /// "additional-info-cname", which is also the id our build makes of a heading with an `_`).
    static func ours(_ anchor: String) -> String {
        String(anchor.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    }

    /// A link of a converted article to an anchor: `[x](#a)` or `[x](../b/c.md#a)`.
    struct AnchorLink {
        var line: Int
        /// The output path of the article it leads to.
        var target: String
        var anchor: String
    }

    /// The links to anchors in `lines` of the article written at `output` (outside code).
    static func anchorLinks(in lines: [SourceLine], from output: String) -> [AnchorLink] {
        var fence = FenceTracker()
        var links: [AnchorLink] = []
        for line in lines where !fence.isCode(line) {
            var rest = Substring(line.text)
            while let open = rest.range(of: "](") {
                rest = rest[open.upperBound...]
                guard let close = rest.firstIndex(where: { $0 == ")" || $0 == " " }) else { break }
                let destination = rest[..<close]
                rest = rest[close...]
                guard let hash = destination.firstIndex(of: "#") else { continue }
                let path = destination[..<hash]
                let anchor = String(destination[destination.index(after: hash)...])
                guard path.isEmpty || (path.hasSuffix(".md") && !path.contains(":")), !anchor.isEmpty else { continue }
                let target = path.isEmpty ? output : Paths.normalized(Paths.folder(of: output) + path)
                links.append(AnchorLink(line: line.line, target: target, anchor: anchor))
            }
        }
        return links
    }

    /// Each heading line of `lines` given to `transform` with its text after the `#`s.
    private static func mapHeadings(_ lines: [SourceLine], _ transform: (SourceLine, String) -> SourceLine) -> [SourceLine] {
        zip(lines, HeadingLevels.levels(of: lines)).map { line, level in
            guard let level else { return line }
            return transform(line, String(line.trimmed.dropFirst(level)))
        }
    }

    /// kramdown's `basic_generate_id`: leading characters up to the first letter dropped, then
    /// all but ASCII letters, digits, spaces and hyphens, spaces made hyphens, lowercased.
    static func kramdownID(_ text: String) -> String {
        let scalars = text.unicodeScalars.drop { !(("a"..."z").contains($0) || ("A"..."Z").contains($0)) }
        var id = ""
        for scalar in scalars {
            switch scalar {
            case "a"..."z", "0"..."9", "-": id.unicodeScalars.append(scalar)
            case "A"..."Z": id.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20)!)
            case " ": id.append("-")
            default: break
            }
        }
        return id
    }

    /// The heading as a reader sees it, its Markdown marks and link targets taken off: what
    /// our build makes its id from.
    private static func plainWords(_ text: String) -> String {
        var words = ""
        var rest = Substring(text)
        while let first = rest.first {
            if first == "]", rest.dropFirst().first == "(", let close = rest.firstIndex(of: ")") {
                rest = rest[rest.index(after: close)...]
                continue
            }
            if !"*_`[!".contains(first) { words.append(first) }
            rest = rest.dropFirst()
        }
        return words
    }
}
