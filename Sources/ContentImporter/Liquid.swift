internal import Foundation

/// Liquid, the template language of Jekyll pages: its `{% tag %}`s and `{{ output }}`s as the
/// importer finds them in a line.
enum Liquid {
    /// One `{% name arguments %}` (or `{%- … -%}`) in a text.
    struct Tag: Sendable, Hashable {
        var name: String
        var arguments: String
        var range: Range<String.Index>
    }

    /// The first tag at or after `start`.
    static func firstTag(in text: String, from start: String.Index) -> Tag? {
        guard let open = text.range(of: "{%", range: start..<text.endIndex),
            let close = text.range(of: "%}", range: open.upperBound..<text.endIndex)
        else { return nil }
        var inner = text[open.upperBound..<close.lowerBound]
        if inner.hasPrefix("-") { inner = inner.dropFirst() }
        if inner.hasSuffix("-") { inner = inner.dropLast() }
        let words = inner.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let name = words.first else { return nil }
        let arguments = words.count > 1 ? String(words[1]).trimmingCharacters(in: .whitespaces) : ""
        return Tag(name: String(name), arguments: arguments, range: open.lowerBound..<close.upperBound)
    }

    /// The first tag called `name` in the text.
    static func tag(named name: String, in text: String) -> Tag? {
        var index = text.startIndex
        while let tag = firstTag(in: text, from: index) {
            if tag.name == name { return tag }
            index = tag.range.upperBound
        }
        return nil
    }

    /// The line as one tag alone (`{% endcallout %}`), nil when it holds anything else.
    static func onlyTag(_ line: SourceLine) -> Tag? {
        let text = line.text.trimmingCharacters(in: .whitespaces)
        guard let tag = firstTag(in: text, from: text.startIndex), tag.range == text.startIndex..<text.endIndex else { return nil }
        return tag
    }

    /// `{{ site.baseurl }}` and `{{ site.url }}` taken out of a link target: what follows is
    /// a path from the site's root.
    static func removingSiteVariables(_ text: String) -> String {
        var result = text
        for variable in ["site.baseurl", "site.url"] {
            while let open = result.range(of: "{{"), let close = result.range(of: "}}", range: open.upperBound..<result.endIndex),
                result[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces) == variable
            {
                result.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        return result
    }

    /// The path of a `{% link _articles/x.md %}` target, nil for any other text.
    static func linkTagPath(_ text: String) -> String? {
        guard let tag = firstTag(in: text, from: text.startIndex), tag.name == "link" else { return nil }
        return tag.arguments
    }

    /// `{{ capture | markdownify }}` (a captured block put back): the name, or nil.
    static func markdownifiedCapture(_ line: SourceLine) -> String? {
        let text = line.text.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("{{"), text.hasSuffix("}}"), text.contains("markdownify") else { return nil }
        return text.dropFirst(2).split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
