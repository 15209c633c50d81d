internal import HTMLReader
internal import HelpModel

/// The rules that need one page only: it parses, declares its locale, has one `h1`, a title and
/// a description, labels its controls, runs no inline script, loads nothing from elsewhere, and
/// its table of contents matches its headings. Also collects the page's ``PageSummary``.
struct PageInspection {
    let document: HTMLDocument
    let path: String
    /// The path findings name (`site/fr/x/index.html`).
    let file: String
    let expectations: SiteExpectations
    let address: SiteAddress

    private(set) var findings: [Finding] = []
    /// Every `id` of the page.
    private let ids: Set<String>
    /// The page's path as a browser shows it (`fr/x/`), which its relative links start from.
    private let urlPath: String
    /// The elements the rules look at, gathered in one pass over the page.
    private let gathered: Gathered

    private struct Gathered {
        var html: [Int] = []
        var h1: [Int] = []
        var title: [Int] = []
        var meta: [Int] = []
        var label: [Int] = []
        var script: [Int] = []
        var style: [Int] = []
        /// `input`, `select`, `textarea`.
        var controls: [Int] = []
        /// `a`, `area`, `form`, `iframe`: where a `javascript:` URL would run.
        var navigating: [Int] = []

        init(_ document: HTMLDocument) {
            for index in document.elementIndices {
                switch document.nodes[index].name {
                case "html": html.append(index)
                case "h1": h1.append(index)
                case "title": title.append(index)
                case "meta": meta.append(index)
                case "label": label.append(index)
                case "script": script.append(index)
                case "style": style.append(index)
                case "input", "select", "textarea": controls.append(index)
                case "a", "area", "form", "iframe": navigating.append(index)
                default: continue
                }
            }
        }
    }

    init(document: HTMLDocument, path: String, file: String, expectations: SiteExpectations, address: SiteAddress) {
        self.document = document
        self.path = path
        self.file = file
        self.expectations = expectations
        self.address = address
        ids = Set(document.elementIndices.compactMap { document.attribute("id", of: $0) })
        urlPath = PageSummary.urlPath(ofFile: path)
        gathered = Gathered(document)
    }

    /// Elements that load something the page needs, and the attributes holding its address.
    private static func resourceAttributes(of element: String) -> [String] {
        switch element {
        case "script", "iframe", "embed", "audio", "track", "input": ["src"]
        case "img", "source": ["src", "srcset"]
        case "video": ["src", "poster"]
        case "object": ["data"]
        default: []
        }
    }
    /// `<link rel>` values that make the browser fetch the link.
    private static let fetchedLinkRelations: Set<String> = [
        "stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon",
    ]
    /// Controls that need no label: they carry their own text or are never shown.
    private static let unlabelledInputTypes: Set<String> = ["hidden", "submit", "button", "reset", "image"]

    mutating func run() -> PageSummary {
        for error in document.errors {
            report(.htmlParse, SourceLocation(line: error.line, column: error.column), "the page does not parse cleanly: \(error.message)")
        }
        checkLang()
        checkSingleH1()
        checkTitleAndDescription()
        checkLabels()
        checkScriptsAndStyles()
        checkRedirect()
        let tableOfContents = TableOfContentsRule(document: document)
        for problem in tableOfContents.problems() {
            report(.tableOfContents, location(problem.node), problem.message)
        }
        return summarize()
    }

    // MARK: - Rules

    private mutating func checkLang() {
        let expected = expectations.locale(ofPageAt: path)
        guard let html = gathered.html.first else {
            report(.htmlLang, SourceLocation(line: 1, column: 1), "the page has no <html> element; it must declare lang=\"\(expected)\"")
            return
        }
        let lang = document.attribute("lang", of: html)
        if lang != expected {
            let found = lang.map { "lang=\"\($0)\"" } ?? "no lang"
            report(.htmlLang, location(html, "lang="), "<html> has \(found), but the page is in the '\(expected)' folder; it must be lang=\"\(expected)\"")
        }
    }

    private mutating func checkSingleH1() {
        let headings = gathered.h1
        if headings.isEmpty {
            let body = document.elements(named: "body").first
            report(.singleH1, body.map { location($0) } ?? SourceLocation(line: 1, column: 1), "the page has no <h1>; every page needs exactly one, its title")
        }
        for extra in headings.dropFirst() {
            report(.singleH1, location(extra, "<h1"), "a second <h1>; the first is at line \(document.nodes[headings[0]].line), and a page has exactly one")
        }
    }

    private mutating func checkTitleAndDescription() {
        let titles = gathered.title
        if titles.isEmpty || document.text(of: titles[0]).isEmpty {
            report(.titleAndDescription, titles.first.map { location($0, "<title") } ?? headLocation, "the page has no <title> text")
        }
        let descriptions = gathered.meta.filter { document.attribute("name", of: $0)?.lowercased() == "description" }
        if let description = descriptions.first {
            if (document.attribute("content", of: description) ?? "").allSatisfy(\.isWhitespace) {
                report(.titleAndDescription, location(description, "content="), "the meta description is empty")
            }
        } else {
            report(.titleAndDescription, headLocation, "the page has no <meta name=\"description\">; search engines and link previews show it")
        }
    }

    private mutating func checkLabels() {
        var labelled: Set<String> = []
        for label in gathered.label {
            if let target = document.attribute("for", of: label) { labelled.insert(target) }
        }
        for control in gathered.controls {
            let node = document.nodes[control]
            if node.name == "input", Self.unlabelledInputTypes.contains((document.attribute("type", of: control) ?? "text").lowercased()) {
                continue
            }
            if let id = document.attribute("id", of: control), labelled.contains(id) { continue }
            if let name = document.attribute("aria-label", of: control), !name.allSatisfy(\.isWhitespace) { continue }
            if let references = document.attribute("aria-labelledby", of: control),
                !references.split(separator: " ").isEmpty,
                references.split(separator: " ").allSatisfy({ ids.contains(String($0)) })
            {
                continue
            }
            if document.ancestors(of: control).contains(where: { document.nodes[$0].name == "label" }) { continue }
            let name = document.attribute("name", of: control).map { " name=\"\($0)\"" } ?? ""
            report(.unlabelledControl, location(control, "<\(node.name)"), "<\(node.name)\(name)> has no label; give it a <label for> (or aria-label) that a screen reader can announce")
        }
    }

    private mutating func checkScriptsAndStyles() {
        for index in gathered.script
        where !document.hasAttribute("src", of: index) || !document.text(of: index).isEmpty {
            report(.inlineScript, location(index, "<script"), "inline <script>: the Content-Security-Policy forbids it; move the code to a file under assets/")
        }
        for index in gathered.style {
            report(.inlineScript, location(index, "<style"), "inline <style>: the Content-Security-Policy forbids it; move the rules to assets/site.css")
        }
        // One pass over each element's attribute names finds either; clean elements (all of
        // them, normally) cost one scan.
        for index in document.elementIndices where document.firstAttributeName(of: index, where: Self.isInlineCode) != nil {
            let name = document.nodes[index].name
            if document.hasAttribute("style", of: index) {
                report(.inlineScript, location(index, "style="), "a style attribute on <\(name)>: the Content-Security-Policy forbids it; use a class")
            }
            if let handler = document.firstAttributeName(of: index, where: Self.isHandler) {
                report(.inlineScript, location(index, "\(handler)="), "an \(handler) handler on <\(name)>: inline script is forbidden; attach listeners from a script file")
            }
        }
        for index in gathered.navigating {
            for attribute in ["href", "src", "action"] {
                if let value = document.attribute(attribute, of: index), Self.isJavaScriptURL(value) {
                    report(.inlineScript, location(index, "\(attribute)="), "a javascript: URL on <\(document.nodes[index].name)>: inline script is forbidden")
                }
            }
        }
    }

    /// `onclick`, `onload`…: an attribute that holds script.
    private static func isHandler(_ attribute: String) -> Bool {
        attribute.utf8.count > 2 && attribute.utf8.starts(with: "on".utf8)
    }

    private static func isInlineCode(_ attribute: String) -> Bool {
        attribute == "style" || isHandler(attribute)
    }

    /// `javascript:` in any case, after leading whitespace, as browsers read it.
    private static func isJavaScriptURL(_ value: String) -> Bool {
        let bytes = value.utf8.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
        return bytes.count >= 11 && zip(bytes.prefix(11), "javascript:".utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    /// A page that sends readers on (`<meta http-equiv="refresh">`, an article's old address)
    /// names its target as canonical, links to it visibly and is `noindex`; the target itself
    /// must exist (a reference, checked with the links).
    private mutating func checkRedirect() {
        guard let meta = gathered.meta.first(where: { document.attribute("http-equiv", of: $0)?.lowercased() == "refresh" })
        else { return }
        guard let target = Self.refreshTarget(document.attribute("content", of: meta) ?? "") else {
            report(.redirect, location(meta, "content="), "<meta http-equiv=\"refresh\"> names no url=…; say where the page went")
            return
        }
        let destination = address.resolve(target, fromPage: urlPath)
        let canonical = document.elements(named: "link").first { document.attribute("rel", of: $0)?.lowercased() == "canonical" }
        if canonical.flatMap({ document.attribute("href", of: $0) }).map({ address.resolve($0, fromPage: urlPath) }) != destination {
            report(.redirect, location(canonical ?? meta), "the canonical link of a page that sends readers to \(target) must name that page")
        }
        let linked = gathered.navigating.contains { index in
            document.nodes[index].name == "a"
                && document.attribute("href", of: index).map { address.resolve($0, fromPage: urlPath) } == destination
        }
        if !linked {
            report(.redirect, location(meta), "a page that sends readers to \(target) also links to it, for browsers that do not follow the refresh")
        }
        let noindex = gathered.meta.contains { index in
            document.attribute("name", of: index)?.lowercased() == "robots"
                && document.attribute("content", of: index)?.lowercased().contains("noindex") == true
        }
        if !noindex {
            report(.redirect, location(meta), "a page that sends readers to \(target) is noindex, so search engines list the page it sends to")
        }
    }

    /// `0; url=../x/` → `../x/`.
    static func refreshTarget(_ content: String) -> String? {
        guard let semicolon = content.firstIndex(of: ";") else { return nil }
        let rest = content[content.index(after: semicolon)...].drop { $0 == " " }
        guard rest.lowercased().hasPrefix("url=") else { return nil }
        let quotes: Set<Character> = ["'", "\"", " "]
        let url = String(rest.dropFirst(4).drop { quotes.contains($0) }.reversed().drop { quotes.contains($0) }.reversed())
        return url.isEmpty ? nil : url
    }

    // MARK: - Summary


    /// The addresses the page fetches: `(attribute, value)` pairs, `srcset` split into URLs.
    private func resources(of index: Int) -> [(String, String)] {
        let node = document.nodes[index]
        var names = Self.resourceAttributes(of: node.name)
        if node.name == "link", let rel = document.attribute("rel", of: index)?.lowercased(),
            rel.split(separator: " ").contains(where: { Self.fetchedLinkRelations.contains(String($0)) })
        {
            names.append("href")
        }
        return names.flatMap { name -> [(String, String)] in
            guard let value = document.attribute(name, of: index) else { return [] }
            guard name == "srcset" else { return [(name, value)] }
            return value.split(separator: ",").compactMap { candidate in
                candidate.split(separator: " ").first.map { (name, String($0)) }
            }
        }
    }

    /// Elements that can link, load something, or keep the page out of the sitemap; most of a
    /// page (paragraphs, list items, emphasis) cannot.
    private static func mayReference(_ name: String) -> Bool {
        switch name {
        case "a", "area", "link", "form", "meta", "script", "img", "source", "iframe", "embed", "object", "video",
            "audio", "track", "input":
            true
        default:
            false
        }
    }

    /// Collects the page's links and alternates, and reports resources from other origins.
    private mutating func summarize() -> PageSummary {
        var references: [PageSummary.Reference] = []
        var alternates: [PageSummary.Alternate] = []
        var isIndexable = true
        for index in document.elementIndices where Self.mayReference(document.nodes[index].name) {
            let node = document.nodes[index]
            if node.name == "meta", document.attribute("name", of: index)?.lowercased() == "robots",
                document.attribute("content", of: index)?.lowercased().contains("noindex") == true
            {
                isIndexable = false
            }
            var addresses = resources(of: index)
            let fetchedCount = addresses.count
            if ["a", "area"].contains(node.name) || (node.name == "link" && !addresses.contains { $0.0 == "href" }),
                let href = document.attribute("href", of: index)
            {
                addresses.append(("href", href))
            }
            if node.name == "form", (document.attribute("method", of: index) ?? "get").lowercased() == "get", let action = document.attribute("action", of: index) {
                addresses.append(("action", action))
            }
            if node.name == "meta", document.attribute("http-equiv", of: index)?.lowercased() == "refresh",
                let target = Self.refreshTarget(document.attribute("content", of: index) ?? "")
            {
                addresses.append(("content", target))
            }
            for (position, (attributeName, value)) in addresses.enumerated() {
                let target = address.resolve(value, fromPage: urlPath)
                guard target != .elsewhere else {
                    // A link may leave the site; a stylesheet, script or image may not.
                    if position < fetchedCount, !value.lowercased().hasPrefix("data:") {
                        report(.foreignResource, location(index, "\(attributeName)="), "<\(node.name)> loads \(value) from another origin; serve it from the site (the Content-Security-Policy blocks it)")
                    }
                    continue
                }
                let reference = PageSummary.Reference(attribute: attributeName, written: value, target: target, line: node.line)
                if node.name == "link", document.attribute("rel", of: index)?.lowercased() == "alternate", let hreflang = document.attribute("hreflang", of: index) {
                    alternates.append(.init(hreflang: hreflang, reference: reference))
                }
                references.append(reference)
            }
        }
        let lang = gathered.html.first.flatMap { document.attribute("lang", of: $0) }
        return PageSummary(
            path: path, urlPath: urlPath, ids: ids, references: references, alternates: alternates, lang: lang,
            isIndexable: isIndexable)
    }

    // MARK: - Reporting

    private var headLocation: SourceLocation {
        document.elements(named: "head").first.map { location($0, "<head") } ?? SourceLocation(line: 1, column: 1)
    }

    private func location(_ node: Int, _ needle: String? = nil) -> SourceLocation {
        let line = Int(document.nodes[node].line)
        let column = needle.flatMap { document.column(of: $0, onLine: line) }
            ?? document.column(of: "<\(document.nodes[node].name)", onLine: line) ?? 1
        return SourceLocation(line: max(line, 1), column: column)
    }

    private mutating func report(_ rule: Finding.Rule, _ location: SourceLocation, _ message: String) {
        findings.append(Finding(rule, .error(message, file: file, at: location)))
    }
}
