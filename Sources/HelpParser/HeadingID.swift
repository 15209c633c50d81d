internal import Foundation
internal import HelpModel

/// A heading's explicit anchor, `## Changer le mot de passe {#change-password}` (the syntax of
/// Docusaurus, Hugo and MkDocs): the same in every locale, so translations share anchors and a
/// check names its procedure by it whatever the language of the title.
public enum HeadingID {
    /// The result of reading the end of a heading's text.
    enum Found {
        case id(String, SourceLocation)
        /// `{#…}` whose content is not an id (lowercase letters, digits, inner hyphens).
        case invalid(String, SourceLocation)
    }

    /// Removes a trailing `{#id}` (and the spaces before it) from the title's last text and
    /// returns it with the position of its `{`.
    static func strip(from title: inout [Inline]) -> Found? {
        guard let last = title.last, case .text(let text) = last.kind, let (id, offset) = trailing(in: text) else { return nil }
        let kept = String(text.prefix(offset)).trimmingTrailingSpaces
        var location = last.range.start
        location.column += offset
        if kept.isEmpty {
            title.removeLast()
            if var previous = title.popLast() {
                if case .text(let before) = previous.kind { previous.kind = .text(before.trimmingTrailingSpaces) }
                title.append(previous)
            }
        } else {
            title[title.count - 1].kind = .text(kept)
        }
        return id.isIdentifier ? .id(id, location) : .invalid(id, location)
    }

    /// Every valid id the document's headings set, before the sections are built.
    static func ids(in document: MarkdownNode) -> Set<String> {
        var ids: Set<String> = []
        for node in document.children {
            guard case .heading = node.kind, let last = node.children.last, case .text(let text) = last.kind,
                let (id, _) = trailing(in: text), id.isIdentifier
            else { continue }
            ids.insert(id)
        }
        return ids
    }

    /// The id a heading's text names with a trailing `{#…}`, valid or not; for `helpcenter
    /// import`, which reads headings as lines.
    public static func explicitID(endingHeading text: String) -> String? {
        trailing(in: text)?.0
    }

    /// The content of a `{#…}` ending `text` and the character offset of its `{`.
    private static func trailing(in text: String) -> (String, Int)? {
        let trimmed = text.trimmingTrailingSpaces
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { return nil }
        let id = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
        guard !id.contains("}") else { return nil }
        return (id, trimmed.distance(from: trimmed.startIndex, to: open.lowerBound))
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var scalars = Substring(self)
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
