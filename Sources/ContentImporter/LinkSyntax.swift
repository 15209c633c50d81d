internal import Foundation

/// A `[label]: target` reference definition line.
struct ReferenceDefinition {
    var prefix: String
    var target: String
    var suffix: String

    init?(_ text: String) {
        let body = text.drop(while: { $0 == " " })
        guard body.hasPrefix("["), let close = body.range(of: "]:") else { return nil }
        let afterColon = body[close.upperBound...]
        let spaces = afterColon.prefix(while: { $0 == " " })
        let rest = afterColon.dropFirst(spaces.count)
        let target = rest.prefix(while: { $0 != " " })
        guard !target.isEmpty else { return nil }
        prefix = String(text[..<target.startIndex])
        self.target = String(target)
        suffix = String(rest.dropFirst(target.count))
    }
}

/// The destination of an inline link, from just after its `](`.
struct LinkDestination {
    var target: Range<String.Index>

    init?(_ text: String, from start: String.Index) {
        var index = start
        if text[start...].hasPrefix("<") {
            guard let close = text[start...].firstIndex(of: ">") else { return nil }
            target = start..<text.index(after: close)
            return
        }
        var depth = 0
        while index < text.endIndex {
            // Liquid inside a target may hold spaces: `{% link _articles/x.md %}`, `{{ site.baseurl }}`.
            for (open, close) in [("{%", "%}"), ("{{", "}}")] where text[index...].hasPrefix(open) {
                guard let end = text.range(of: close, range: index..<text.endIndex) else { return nil }
                index = end.upperBound
            }
            guard index < text.endIndex else { break }
            let character = text[index]
            if character == " " || character == "\t" { break }
            if character == "(" { depth += 1 }
            if character == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            index = text.index(after: index)
        }
        guard index > start else { return nil }
        target = start..<index
    }
}
