public import HelpModel

/// Parses one Markdown help article: front matter, then the body through cmark into the model.
public struct ArticleParser: Sendable {
    public var limits: InputLimits
    /// The code of the note that proposes `<!-- list -->` before a numbered list that reads as
    /// no step and does not look like steps: `helpcenter import` writes the marker there.
    public static let plainListCode = "plain-list"
    /// The code of the error on a step that types into a label no field vocabulary knows: what
    /// the importer collects into the vocabulary's `fields:` (the error is at the label's text).
    public static let unknownFieldCode = "unknown-field"
    /// The code of the warning on a step that names the control it acts on in plain words.
    public static let unlabelledStepCode = ArticleBodyBuilder.unlabelledStepCode
    /// The code of the warning on a step that applies under a condition: a step for people.
    public static let conditionalStepCode = ArticleBodyBuilder.conditionalStepCode
    /// The code of the warning on a step that offers a choice: a step for people.
    public static let choiceStepCode = ArticleBodyBuilder.choiceStepCode
    /// The code of the warning on a step titled in bold whose text does not read: a step for people.
    public static let titledStepCode = ArticleBodyBuilder.titledStepCode
    /// The marker that makes the step whose sentence holds it a step for people, whatever it says.
    public static let manualStepMarker = "<!-- manual -->"
    /// Whether `diagnostic` is the error of a step no reading of the phrasebook covers, or more
    /// than one does (``StepHint``): the errors the marker of ``manualStepMarker`` answers. It
    /// points at the step's sentence.
    public static func isUnreadStep(_ diagnostic: Diagnostic) -> Bool {
        StepHint.isReadingError(diagnostic)
    }
    /// The line that marks the numbered list after it as a plain list, not a procedure.
    public static let plainListMarker = ArticleBodyBuilder.listMarkerText

    public init(limits: InputLimits = .standard) {
        self.limits = limits
    }

    /// - Parameters:
    ///   - bytes: the file's contents, as read from disk (not yet known to be UTF-8).
    ///   - file: the path to print in diagnostics.
    ///   - locale: the locale folder the file is in.
    ///   - phrasebook: reads step sentences; nil parses the article without reading steps.
    /// - Returns: the article when it has no error; every diagnostic found in any case.
    public func parse(_ bytes: [UInt8], file: String, locale: String, phrasebook: Phrasebook?) -> (Article?, [Diagnostic]) {
        let source = SourceText(bytes: bytes)
        let top = SourceLocation(line: 1, column: 1)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return (nil, [.error("file is empty; an article starts with front matter ('---', id, title, updated, category, '---') and then its text", file: file, at: top)])
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let offset = source.firstInvalidUTF8Offset() ?? 0
            let location = source.location(ofOffset: offset)
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            return (nil, [.error("byte 0x\(byte) is not UTF-8; save the file as UTF-8", file: file, at: location)])
        }
        if let violation = limits.violation(in: source) {
            return (nil, [.error(violation.message, file: file, at: source.location(ofOffset: violation.offset))])
        }
        guard let split = FrontMatterSplit(source: source) else {
            return (nil, [.error("missing front matter: an article starts with a line '---', then id, title, updated and category, then '---'", file: file, at: top)])
        }
        guard let closingLine = split.closingLine else {
            return (nil, [.error("front matter is never closed: add a line '---' after it", file: file, at: top)])
        }

        var diagnostics: [Diagnostic] = []
        var frontMatter: FrontMatter?
        let yamlText = String(decoding: bytes[split.yamlStart..<split.yamlEnd], as: UTF8.self)
        switch YAMLDocument.compose(yamlText, file: file, lineOffset: 1) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        case .success(let yaml):
            let parser = FrontMatterParser(yaml: yaml, openingLocation: top, defaultSlug: { Self.defaultSlug(for: file) })
            let (parsed, found) = parser.parse()
            frontMatter = parsed
            diagnostics += found
        }

        let body = bytes[split.bodyStart...]
        let (document, truncated) = CmarkDocument.parse(body, firstLine: closingLine + 1, source: source)
        if let truncated {
            diagnostics.append(.error(
                "markup nested more than \(CmarkDocument.maximumDepth) levels deep is cut off; nest less deeply",
                file: file, at: truncated.start))
        }
        var builder = ArticleBodyBuilder(file: file, phrasebook: phrasebook, source: source)
        let (intro, sections) = builder.build(document)
        diagnostics += builder.diagnostics.sorted { $0.location < $1.location }

        guard let frontMatter, diagnostics.errorCount == 0 else { return (nil, diagnostics) }
        var article = Article(file: file, locale: locale, frontMatter: frontMatter, intro: intro, sections: sections)
        article.links = builder.links
        // Most articles list no checks: spare them gathering their procedures.
        if !frontMatter.checks.isEmpty {
            let problems = Self.checkProblems(article)
            if !problems.isEmpty { return (nil, diagnostics + problems) }
        }
        if let phrasebook { article.claims = ClaimFinder(patterns: phrasebook.claims).claims(in: article) }
        return (article, diagnostics)
    }

    /// The `id:` of an article's front matter, read without the body: what names an article
    /// that did not parse (`build --keep-going` leaves it out, and a `related:` list names it).
    public static func frontMatterID(of bytes: [UInt8], file: String) -> String? {
        let source = SourceText(bytes: bytes)
        guard let split = FrontMatterSplit(source: source), split.closingLine != nil else { return nil }
        let yamlText = String(decoding: bytes[split.yamlStart..<split.yamlEnd], as: UTF8.self)
        guard case .success(let yaml) = YAMLDocument.compose(yamlText, file: file, lineOffset: 1),
            let entries = yaml.root?.entries
        else { return nil }
        return entries.first { $0.key.scalarText == "id" }?.value.scalarText
    }

    /// The front matter's checks against the body: each names a procedure of the article (its
    /// section's anchor, its number there), and its `after-step` is within that procedure.
    static func checkProblems(_ article: Article) -> [Diagnostic] {
        article.frontMatter.checks.compactMap { check in
            switch article.procedure(named: check.procedure, number: check.number) {
            case .failure(let problem):
                return .error(problem.message(for: check), file: check.file, at: check.procedureLocation)
            case .success(let named):
                if let interlude = check.interlude, interlude.afterStep > named.procedure.steps.count {
                    return .error(
                        "'after-step: \(interlude.afterStep)' but procedure '\(check.procedureName)' has \(named.procedure.steps.count) steps",
                        file: check.file, at: check.location)
                }
                return nil
            }
        }
    }

    /// The file name without folders and extension, made a slug: the default page URL segment.
    static func defaultSlug(for file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        return Slug.make(stem)
    }
}

/// Where the front matter and the body are in a file's bytes.
struct FrontMatterSplit {
    let yamlStart: Int
    let yamlEnd: Int
    let bodyStart: Int
    /// The 1-based line of the closing `---`, nil when the block is never closed.
    let closingLine: Int?

    /// nil when the file does not open with a `---` line (after an optional UTF-8 BOM).
    init?(source: SourceText) {
        let bytes = source.bytes
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = bytes.starts(with: bom) ? 3 : 0
        guard Self.isFence(bytes, from: start, to: Self.lineEnd(bytes, start)) else { return nil }
        yamlStart = min(Self.lineEnd(bytes, start) + 1, bytes.count)
        var line = 2
        var offset = yamlStart
        while offset < bytes.count {
            let end = Self.lineEnd(bytes, offset)
            if Self.isFence(bytes, from: offset, to: end) || Self.isDocumentEnd(bytes, from: offset, to: end) {
                yamlEnd = offset
                bodyStart = min(end + 1, bytes.count)
                closingLine = line
                return
            }
            offset = end + 1
            line += 1
        }
        yamlEnd = bytes.count
        bodyStart = bytes.count
        closingLine = nil
    }

    private static func lineEnd(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        return index
    }

    private static func trimmed(_ bytes: [UInt8], _ start: Int, _ end: Int) -> ArraySlice<UInt8> {
        var last = end
        while last > start, bytes[last - 1] == UInt8(ascii: " ") || bytes[last - 1] == UInt8(ascii: "\r") || bytes[last - 1] == UInt8(ascii: "\t") {
            last -= 1
        }
        return bytes[start..<last]
    }

    private static func isFence(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        trimmed(bytes, start, end).elementsEqual("---".utf8)
    }

    private static func isDocumentEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        trimmed(bytes, start, end).elementsEqual("...".utf8)
    }
}
