internal import HTMLReader

/// The table of contents (`nav.toc`) lists exactly the article's section headings, in order,
/// each entry linking to its heading's `id` with the heading's text.
///
/// Headings are the `h2`/`h3` with an `id` inside the page's `<article>`, outside the table of
/// contents itself. An article with sections and no table of contents is a finding too.
struct TableOfContentsRule {
    let document: HTMLDocument

    struct Problem {
        let node: Int
        let message: String
    }

    private struct Entry {
        let node: Int
        let target: String
        let text: String
    }

    func problems() -> [Problem] {
        let navigation = document.elements(named: "nav").first { isTableOfContents($0) }
        guard let article = document.elements(named: "article").first else { return [] }
        let excluded = navigation.map { $0..<Int(document.nodes[$0].subtreeEnd) } ?? 0..<0
        let headings = document.descendants(of: article).filter { index in
            let node = document.nodes[index]
            return (node.name == "h2" || node.name == "h3") && document.hasAttribute("id", of: index) && !excluded.contains(index)
        }.map { Entry(node: $0, target: document.attribute("id", of: $0) ?? "", text: document.text(of: $0)) }
        guard let navigation else {
            guard let first = headings.first else { return [] }
            return [Problem(node: first.node, message: "the article has section headings but no table of contents (nav.toc)")]
        }
        let entries = document.descendants(of: navigation).filter { document.nodes[$0].name == "a" }.map { link in
            let href = document.attribute("href", of: link) ?? ""
            return Entry(node: link, target: href.hasPrefix("#") ? String(href.dropFirst()) : href, text: document.text(of: link))
        }
        for (position, (entry, heading)) in zip(entries, headings).enumerated() where entry.target != heading.target || entry.text != heading.text {
            return [
                Problem(
                    node: entry.node,
                    message: "table of contents entry \(position + 1) is \"\(entry.text)\" → #\(entry.target), but section \(position + 1) is \"\(heading.text)\" (#\(heading.target), line \(document.nodes[heading.node].line))")
            ]
        }
        if entries.count > headings.count {
            let extra = entries[headings.count]
            return [Problem(node: extra.node, message: "table of contents entry \(headings.count + 1) \"\(extra.text)\" → #\(extra.target) has no section heading; the article has \(headings.count)")]
        }
        if headings.count > entries.count {
            let missing = headings[entries.count]
            return [Problem(node: navigation, message: "the table of contents lists \(entries.count) sections; section \"\(missing.text)\" (#\(missing.target), line \(document.nodes[missing.node].line)) is missing")]
        }
        return []
    }

    private func isTableOfContents(_ index: Int) -> Bool {
        (document.attribute("class", of: index) ?? "").split(separator: " ").contains("toc")
    }
}
