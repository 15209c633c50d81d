internal import Foundation

/// Rewrites the inline constructs of one source line into our Markdown: link and image
/// targets, Liquid tags, kramdown attribute lists, MkDocs icons and the inline HTML help
/// centers write. Code spans are left as they are.
///
/// A `<br>` becomes ``lineBreakMarker``; ``LineBreaks`` turns it into a hard break once the
/// lines around it are known.
struct InlineRewriter {
    static let lineBreakMarker: Character = "\u{1}"

    /// The line with every inline construct outside code spans rewritten.
    static func rewrite(_ text: String, line: Int, in conversion: inout ArticleConversion) -> String {
        var result = ""
        for segment in CodeSpans.segments(of: text) {
            if segment.isCode {
                result += segment.text
            } else {
                var rewriter = InlineRewriter(line: line, column: result.count + 1)
                result += rewriter.rewrite(segment.text, in: &conversion)
            }
        }
        return result
    }

    let line: Int
    let column: Int

    private mutating func rewrite(_ text: String, in conversion: inout ArticleConversion) -> String {
        var text = linkTargets(text, in: &conversion)
        text = liquidImages(text, in: &conversion)
        text = htmlImagesAndLinks(text, in: &conversion)
        text = liquidTags(text, in: &conversion)
        text = liquidOutputs(text, in: &conversion)
        text = AttributeLists.removed(from: text, report: { conversion.report($0, line: line, column: column) })
        text = htmlTags(text, in: &conversion)
        return Icons.removed(from: text)
    }

    /// `[text](target)`, `![alt](target)` and `[label]: target`: each target rewritten.
    private func linkTargets(_ text: String, in conversion: inout ArticleConversion) -> String {
        var result = ""
        var index = text.startIndex
        if let definition = ReferenceDefinition(text) {
            return definition.prefix + conversion.target(definition.target, isImage: false, line: line) + definition.suffix
        }
        while let open = text.range(of: "](", range: index..<text.endIndex) {
            let isImage = imageOpener(before: open.lowerBound, in: text)
            result += text[index..<open.upperBound]
            guard let destination = LinkDestination(text, from: open.upperBound) else {
                index = open.upperBound
                continue
            }
            let target = String(text[destination.target])
            if isImage, result.hasSuffix("![](") {
                // `![](x.png)`: no alt text, which the build refuses; the file's name says something.
                let alt = AltText.fromFileName(target)
                conversion.report("image '\(target)' has no alt text; wrote \"\(alt)\" from its file name, say what it shows", line: line)
                result = String(result.dropLast(2)) + alt + "]("
            }
            result += conversion.target(target, isImage: isImage, line: line)
            index = destination.target.upperBound
        }
        return result + text[index...]
    }

    /// Whether the `[` that matches the `]` at `close` follows a `!`.
    private func imageOpener(before close: String.Index, in text: String) -> Bool {
        var depth = 0
        var index = close
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == "]" { depth += 1 }
            if text[index] == "[" {
                if depth == 0 { return index > text.startIndex && text[text.index(before: index)] == "!" }
                depth -= 1
            }
        }
        return false
    }

    /// `{% image path alt words %}` (Bitwarden's image tag: a path under `images/`).
    private func liquidImages(_ text: String, in conversion: inout ArticleConversion) -> String {
        TextRewrite.replacing(in: text, find: { Liquid.firstTag(in: text, from: $0) }, range: \.range) { tag, result, _ in
            if tag.name == "image" {
                let words = tag.arguments.split(separator: " ", maxSplits: 1)
                let path = words.first.map(String.init) ?? ""
                var alt = words.count > 1 ? String(words[1]) : ""
                if alt.isEmpty {
                    alt = AltText.fromFileName(path)
                    conversion.report("image '\(path)' has no alt text; wrote \"\(alt)\" from its file name, say what it shows", line: line)
                }
                let source = Paths.normalized(conversion.site.imagesRoot + path)
                result += "![\(alt)](\(conversion.image(source, raw: path, line: line)))"
            } else if tag.name == "link" {
                result += conversion.target(String(text[tag.range]), isImage: false, line: line)
            } else {
                result += text[tag.range]
            }
        }
    }

    /// `<img src alt>` → `![alt](src)`; `<a href>text</a>` → `[text](href)`.
    private func htmlImagesAndLinks(_ text: String, in conversion: inout ArticleConversion) -> String {
        TextRewrite.replacing(in: text, find: { HTMLTag.first(in: text, from: $0) }, range: \.range) { tag, result, index in
            if tag.name == "img", !tag.isClosing, let source = tag.attributes["src"] {
                var alt = tag.attributes["alt"] ?? ""
                if alt.isEmpty {
                    alt = AltText.fromFileName(source)
                    conversion.report("<img> '\(source)' has no alt text; wrote \"\(alt)\" from its file name, say what it shows", line: line)
                }
                result += "![\(alt)](\(conversion.target(source, isImage: true, line: line)))"
            } else if tag.name == "a", !tag.isClosing, let href = tag.attributes["href"],
                let close = text.range(of: "</a>", options: .caseInsensitive, range: index..<text.endIndex)
            {
                let label = text[index..<close.lowerBound]
                result += "[\(label)](\(conversion.target(href, isImage: false, line: line)))"
                index = close.upperBound
            } else {
                result += text[tag.range]
            }
        }
    }

    /// Liquid tags left: icons go (the text names the control), `raw` markers go, any other
    /// tag stays visible in a code span and is reported.
    private func liquidTags(_ text: String, in conversion: inout ArticleConversion) -> String {
        TextRewrite.replacing(in: text, find: { Liquid.firstTag(in: text, from: $0) }, range: \.range) { tag, result, index in
            switch tag.name {
            case "icon", "raw", "endraw":
                if result.last == " " || result.isEmpty, index < text.endIndex, text[index] == " " { index = text.index(after: index) }
            default:
                let source = String(text[tag.range])
                conversion.report("Liquid tag '\(source)' has no equivalent; left as code in the article, rewrite it", line: line)
                result += "`\(source)`"
            }
        }
    }

    /// `{{ variable }}` outputs left (site variables in links are already resolved).
    private func liquidOutputs(_ text: String, in conversion: inout ArticleConversion) -> String {
        let output = { (start: String.Index) -> Range<String.Index>? in
            guard let open = text.range(of: "{{", range: start..<text.endIndex),
                let close = text.range(of: "}}", range: open.upperBound..<text.endIndex)
            else { return nil }
            return open.lowerBound..<close.upperBound
        }
        return TextRewrite.replacing(in: text, find: output, range: \.self) { place, result, _ in
            let source = String(text[place])
            conversion.report("Liquid output '\(source)' has no equivalent; left as code in the article, write its text", line: line)
            result += "`\(source)`"
        }
    }

    /// Inline HTML: line breaks, emphasis and code become Markdown, wrappers go, icons go,
    /// placeholders (`<url>`) are escaped as the text they are; any other tag is reported.
    private func htmlTags(_ text: String, in conversion: inout ArticleConversion) -> String {
        var openIcons = 0
        var reported: Set<String> = []
        return TextRewrite.replacing(in: text, find: { HTMLTag.first(in: text, from: $0) }, range: \.range) { tag, result, index in
            switch tag.name {
            case "br": result.append(Self.lineBreakMarker)
            case "b", "strong": result += "**"
            case "code", "kbd": result += "`"
            case "i" where !tag.isClosing && (tag.attributes["class"] ?? "").contains("fa"):
                openIcons += 1
            case "i" where tag.isClosing && openIcons > 0:
                openIcons -= 1
                if result.last == " " || result.isEmpty, index < text.endIndex, text[index] == " " { index = text.index(after: index) }
            case "i", "em": result += "*"
            case "span", "p", "div", "font", "center", "u", "small", "mark", "section", "article": break
            case let name where !HTMLTag.htmlElements.contains(name):
                result += "\\" + text[tag.range]
            default:
                result += text[tag.range]
                if reported.insert(tag.name).inserted {
                    conversion.report("raw HTML <\(tag.name)> is not converted (the build drops raw HTML); write it in Markdown", line: line, column: column)
                }
            }
        }
    }
}
