internal import Foundation

/// kramdown attribute lists (`{:target="_blank"}`, `{: .note}`) and the attr_list of MkDocs
/// (`{ .md-button }`, `{ target=_blank }`): presentation our pages decide themselves, removed.
/// A heading's `{#id}` is our own anchor syntax and stays; an id with more attributes
/// (`{#cname data-toc-label='CNAME'}`) keeps the id alone, made one of ours (`_` → `-`).
enum AttributeLists {
    static func removed(from text: String, report: (String) -> Void) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "{") {
            result += text[index..<open]
            guard let close = text[open...].firstIndex(of: "}") else {
                result += text[open...]
                return result
            }
            let inner = text[text.index(after: open)..<close]
            index = text.index(after: close)
            if inner.hasPrefix(":") {
                if inner.hasPrefix("::") { report("kramdown extension '{\(inner)}' has no equivalent; removed, check what it did") }
                if result.hasSuffix(" "), index == text.endIndex || text[index] == " " { result.removeLast() }
                continue
            }
            let body = inner.trimmingPrefixSpaces()
            if body.hasPrefix("#"), let id = body.dropFirst().split(separator: " ").first, !id.isEmpty {
                let ours = HeadingAnchors.ours(String(id))
                let attributes = body.dropFirst(1 + id.count).trimmingPrefixSpaces()
                if !attributes.isEmpty { report("attributes '\(attributes)' of the heading id removed (our headings take an id only)") }
                if ours != id { report("heading id '\(id)' written '\(ours)' (ours are lowercase letters, digits and hyphens); links to it follow") }
                result += "{#\(ours)}"
                continue
            }
            let isAttributeList = (body.hasPrefix(".") && body.dropFirst().first?.isLetter == true)
                || (body.contains("=") && !body.contains(" = ") && body.first?.isLetter == true && !body.contains("{"))
            if isAttributeList, inner.first == " " || body.hasPrefix(".") {
                if result.hasSuffix(" "), index == text.endIndex || text[index] == " " { result.removeLast() }
                continue
            }
            result += text[open..<index]
        }
        return result + text[index...]
    }
}

extension Substring {
    func trimmingPrefixSpaces() -> Substring { drop(while: { $0 == " " }) }
}
