/// One HTML tag as the importer reads it from a source line: its name, attributes and extent.
/// A small reader of the tags help-center sources write, not an HTML parser.
struct HTMLTag: Sendable, Hashable {
    var name: String
    var attributes: [String: String]
    var isClosing: Bool
    /// The tag's characters in the line it was read from.
    var range: Range<String.Index>

    /// The first tag at or after `start` in `text`, whatever its name.
    static func first(in text: String, from start: String.Index) -> HTMLTag? {
        var index = start
        while let open = text[index...].firstIndex(of: "<") {
            if let tag = read(text, at: open) { return tag }
            index = text.index(after: open)
        }
        return nil
    }

    /// Every tag of the line, in order.
    static func all(in text: String) -> [HTMLTag] {
        var tags: [HTMLTag] = []
        var index = text.startIndex
        while let tag = first(in: text, from: index) {
            tags.append(tag)
            index = tag.range.upperBound
        }
        return tags
    }

    /// The tag that starts at `open` (a `<`), nil when the text there is no tag.
    static func read(_ text: String, at open: String.Index) -> HTMLTag? {
        var index = text.index(after: open)
        var isClosing = false
        if index < text.endIndex, text[index] == "/" {
            isClosing = true
            index = text.index(after: index)
        }
        let nameStart = index
        while index < text.endIndex, text[index].isLetter || text[index].isNumber || text[index] == "-" || text[index] == "_" {
            index = text.index(after: index)
        }
        guard index > nameStart, text[nameStart].isLetter else { return nil }
        let name = text[nameStart..<index].lowercased()
        var attributes: [String: String] = [:]
        while index < text.endIndex {
            let character = text[index]
            if character == ">" { return HTMLTag(name: name, attributes: attributes, isClosing: isClosing, range: open..<text.index(after: index)) }
            if character == "<" || character == "\n" { return nil }
            if character == " " || character == "\t" || character == "/" {
                index = text.index(after: index)
                continue
            }
            // An attribute: name, then `=` and a quoted or bare value.
            let attributeStart = index
            while index < text.endIndex, !" \t=>/".contains(text[index]) { index = text.index(after: index) }
            let attributeName = text[attributeStart..<index].lowercased()
            guard !attributeName.isEmpty else { return nil }
            var value = ""
            if index < text.endIndex, text[index] == "=" {
                index = text.index(after: index)
                if index < text.endIndex, text[index] == "\"" || text[index] == "'" {
                    let quote = text[index]
                    let valueStart = text.index(after: index)
                    guard let close = text[valueStart...].firstIndex(of: quote) else { return nil }
                    value = String(text[valueStart..<close])
                    index = text.index(after: close)
                } else {
                    let valueStart = index
                    while index < text.endIndex, !" \t>".contains(text[index]) { index = text.index(after: index) }
                    value = String(text[valueStart..<index])
                }
            }
            attributes[attributeName] = value
        }
        return nil
    }

    /// The HTML elements a browser knows; any other `<word>` in prose is a placeholder the
    /// writer meant as text (`<url>`, `<your_domain>`).
    static let htmlElements: Set<String> = [
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote", "body", "br",
        "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del",
        "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img",
        "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "meta", "meter", "nav",
        "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "pre", "progress", "q",
        "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "small", "source", "span", "strike", "strong",
        "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th",
        "thead", "time", "title", "tr", "track", "u", "ul", "var", "video", "wbr",
    ]
}
