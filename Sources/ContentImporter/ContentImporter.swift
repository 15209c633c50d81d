public import HelpModel
internal import Foundation
internal import HelpParser

/// `helpcenter import`: converts a Jekyll/kramdown or MkDocs Material help center into our
/// content format — articles under `<locale>/<category>/`, images under `images/`, the
/// categories in `helpcenter.yml` — and lists at its source `file:line` everything it could not
/// convert, which it also leaves visible in the article written.
///
/// The same source always gives the same files: articles, findings and categories are in
/// sorted order, and nothing depends on the time of the run (see ``ImportOptions/updated``).
public enum ContentImporter {
    /// What an import did.
    public struct Summary: Sendable {
        public var articles: Int
        public var drafts: Int
        public var imagesCopied: Int
        public var categoriesAdded: [String]
        /// The labels `<locale>/vocabulary.yml` holds after the import (the steps' bold labels
        /// merged into the file's own).
        public var vocabularyLabels: Int
        /// Every finding, sorted by file and line: what the report lists.
        public var findings: [Diagnostic]
        public var reportPath: String
    }

    public static func run(_ options: ImportOptions) -> Result<Summary, ImportFailure> {
        let source: SourceSite
        switch SourceSite.read(options.format, root: options.source) {
        case .success(let site): source = site
        case .failure(let failure): return .failure(failure)
        }
        let plans = source.articles.map { ArticlePlan($0, site: source, options: options) }
        if let clash = clashes(plans) { return .failure(clash) }
        let site = ImportedSite(
            format: options.format, root: options.source, imagesRoot: source.imagesRoot, locale: options.locale,
            outputBySourcePath: Dictionary(uniqueKeysWithValues: plans.map { ($0.source.relativePath, $0.output) }),
            // Former addresses too: the source site redirected a link to one (jekyll-redirect-from).
            outputBySlug: Dictionary(
                plans.map { ($0.source.slug, $0.output) } + plans.flatMap { plan in plan.aliases.map { ($0, plan.output) } },
                uniquingKeysWith: { first, _ in first }),
            drafts: Set(plans.filter(\.isDraft).map(\.output)),
            categoryKeys: Dictionary(plans.map { ($0.source.folder, $0.category) }, uniquingKeysWith: { first, _ in first }))
        var converted = ParallelResults<ConvertedArticle>.map(count: plans.count) { index in
            ConvertedArticle(plans[index], site: site)
        }
        var findings: [Diagnostic] = []
        let vocabulary = reviewSteps(&converted, options: options, findings: &findings)
        findings += plans.flatMap(\.findings) + converted.flatMap(\.findings)
        findings += draftLinks(converted, site: site) + deadAnchors(converted)
        do {
            try write(converted, to: options.content)
            let images = try copyImages(converted, site: site, to: options.content)
            let largest = converted.compactMap(\.imageLimitMiB).max()
            let categories = try CategoryFile.merge(
                plans: plans, source: source, options: options, imageLimitMiB: largest, findings: &findings)
            if let vocabulary { try VocabularyFile.write(vocabulary, options: options) }
            // A file with mistakes is left as it is: what it held still counts.
            let labels = vocabulary?.labels.count ?? 0
            findings.sort { ($0.file, $0.location) < ($1.file, $1.location) }
            let summary = Summary(
                articles: plans.count, drafts: plans.filter(\.isDraft).count, imagesCopied: images,
                categoriesAdded: categories, vocabularyLabels: labels, findings: findings, reportPath: options.content + "/" + ImportReport.fileName)
            try ImportReport.write(summary, options: options)
            return .success(summary)
        } catch {
            return .failure(ImportFailure(diagnostics: [], message: "\(error)"))
        }
    }

    /// Reads the converted steps as the build will: their bold labels go into the product
    /// vocabulary, then, with the content's phrasebook and that vocabulary, the lists that read as
    /// no step are marked as plain lists and the labels the steps type into become its fields.
    /// - Returns: the vocabulary to write; nil when the content's file has mistakes (listed).
    private static func reviewSteps(
        _ converted: inout [ConvertedArticle], options: ImportOptions, findings: inout [Diagnostic]
    ) -> ProductVocabulary? {
        let articles = converted
        let labels = ParallelResults<[VocabularyFile.StepLabel]>.map(count: articles.count) { index in
            VocabularyFile.labels(of: articles[index], locale: options.locale)
        }
        let existing = VocabularyFile.existing(options, findings: &findings)
        // A file with mistakes is the team's to fix: the review still reads with its labels, but
        // nothing is written back.
        let writable = existing != nil
        var vocabulary = VocabularyFile.merged(existing ?? ProductVocabulary(), labels: labels.flatMap { $0.map(\.text) }, fields: [])
        guard let phrasebook = phrasebook(options, vocabulary: vocabulary) else { return writable ? vocabulary : nil }
        let reviews = ParallelResults<StepReview>.map(count: articles.count) { index in
            StepReview(articles[index], locale: options.locale, phrasebook: phrasebook)
        }
        var fields: [String] = []
        for index in converted.indices {
            converted[index].markPlainLists(reviews[index].plainLists)
            fields += VocabularyFile.fields(labels[index], at: reviews[index].unknownFields)
        }
        vocabulary = VocabularyFile.merged(vocabulary, labels: [], fields: fields)
        if options.markUnreadSteps, let final = Self.phrasebook(options, vocabulary: vocabulary) {
            // Read again as the build will, with the fields and the plain lists in.
            let marked = converted
            let unread = ParallelResults<[Int]>.map(count: marked.count) { index in
                StepReview.unreadSteps(marked[index], locale: options.locale, phrasebook: final)
            }
            for index in converted.indices { converted[index].markManual(unread[index], locale: options.locale) }
        }
        return writable ? vocabulary : nil
    }

    /// The content's phrasebook for the imported locale, with `vocabulary`; nil when the content
    /// has none yet or it does not load (the build says why).
    private static func phrasebook(_ options: ImportOptions, vocabulary: ProductVocabulary) -> Phrasebook? {
        let folder = options.content + "/" + options.locale + "/"
        let file = folder + ContentLoader.phrasebookFileName
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let names = (text: VocabularyFile.yaml(vocabulary, locale: options.locale), file: VocabularyFile.path(options))
        return StepExplainer.phrasebook(text: text, file: file, locale: options.locale, vocabulary: names).0
    }

    /// Two source articles that would be the same file of ours (the same slug in one category).
    private static func clashes(_ plans: [ArticlePlan]) -> ImportFailure? {
        var first: [String: ArticlePlan] = [:]
        var problems: [Diagnostic] = []
        for plan in plans {
            if let earlier = first[plan.slug] {
                problems.append(.error(
                    "becomes the article '\(plan.slug)', as \(earlier.source.file) does; give one of them 'slug:' in its front matter",
                    file: plan.source.file, at: SourceLocation(line: 1, column: 1)))
            } else {
                first[plan.slug] = plan
            }
        }
        return problems.isEmpty ? nil : ImportFailure(diagnostics: problems)
    }

    /// A published article linking to one that becomes a draft: the build refuses that link.
    private static func draftLinks(_ articles: [ConvertedArticle], site: ImportedSite) -> [Diagnostic] {
        articles.filter { !$0.plan.isDraft }.flatMap { article in
            article.articleLinks.filter { site.drafts.contains($0.target) }.map { link in
                Diagnostic.warning(
                    "links to \(link.target), hidden in the source and a draft here: the build refuses the link (build --keep-going shows its text) until that article is published or the link goes",
                    file: article.plan.source.file, at: SourceLocation(line: link.line, column: 1))
            }
        }
    }

    /// Links to an anchor no heading of their article has: dead in the source (kramdown's own
    /// anchors are kept, so these led nowhere there either), listed at their source line.
    private static func deadAnchors(_ articles: [ConvertedArticle]) -> [Diagnostic] {
        let anchors = Dictionary(articles.map { ($0.plan.output, HeadingAnchors.anchors(of: $0.written)) }, uniquingKeysWith: { first, _ in first })
        return articles.flatMap { article in
            HeadingAnchors.anchorLinks(in: article.written, from: article.plan.output).compactMap { link in
                guard let known = anchors[link.target], !known.contains(link.anchor) else { return nil }
                return Diagnostic.warning(
                    "link to '#\(link.anchor)' of \(link.target), which has no heading with that anchor (dead in the source); "
                        + "validate reports it: point it at a heading of the article or remove the anchor",
                    file: article.plan.source.file, at: SourceLocation(line: link.line, column: 1))
            }
        }
    }

    private static func write(_ articles: [ConvertedArticle], to content: String) throws {
        for article in articles {
            let path = content + "/" + article.plan.output
            try FileManager.default.createDirectory(atPath: Paths.folder(of: path), withIntermediateDirectories: true)
            try Data(article.text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    /// Copies every image the articles show, once each; the count copied.
    private static func copyImages(_ articles: [ConvertedArticle], site: ImportedSite, to content: String) throws -> Int {
        var copies: [String: String] = [:]
        for article in articles { copies.merge(article.images) { first, _ in first } }
        for (source, output) in copies.sorted(by: { $0.key < $1.key }) {
            let target = content + "/" + output
            try FileManager.default.createDirectory(atPath: Paths.folder(of: target), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
            try FileManager.default.copyItem(atPath: site.root + "/" + source, toPath: target)
        }
        return copies.count
    }
}

/// One article converted: its text in our format, and what its conversion found.
struct ConvertedArticle: Sendable {
    var plan: ArticlePlan
    var text: String
    var findings: [Diagnostic]
    var images: [String: String]
    /// The `image-limit-mib` its largest image needs (``ArticleConversion/imageLimitMiB``).
    var imageLimitMiB: Int?
    var articleLinks: [ArticleLink]

    struct ArticleLink: Sendable {
        var line: Int
        var target: String
    }

    /// The body's lines as written, each with its source line, and the output line of the first:
    /// where a finding about an output line points in the source.
    private(set) var written: [SourceLine]
    private var firstBodyLine: Int

    /// The output lines (before marking) of the lists `markPlainLists` wrote `<!-- list -->`
    /// before: each marker moves the lines after it down by two.
    private var plainListLines: [Int] = []

    /// Writes `<!-- list -->` before the lists at `proposed` (output lines), each listed in the report.
    mutating func markPlainLists(_ proposed: [Int]) {
        let (marked, lists) = PlainLists.marked(text, proposed: proposed)
        text = marked
        plainListLines = lists
        // Each marker takes two lines (itself and a blank one) before the lists after it.
        for (earlier, line) in lists.enumerated() where written.indices.contains(line - firstBodyLine) {
            findings.append(.warning(
                "numbered list written as a plain list (\(ArticleParser.plainListMarker) at \(plan.output):\(line + 2 * earlier)): "
                    + "no item reads as a step, starts with a verb of the phrasebook or names controls as a path of **bold** labels; "
                    + "if it is a procedure, remove the marker and word its steps",
                file: plan.source.file, at: SourceLocation(line: written[line - firstBodyLine].line, column: 1)))
        }
    }

    /// Ends the lines at `lines` (output lines, after any list marker), each in a step's sentence
    /// that does not read, with `<!-- manual -->`, each listed in the report at its source line.
    mutating func markManual(_ lines: [Int], locale: String) {
        guard !lines.isEmpty else { return }
        var text = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in Set(lines).sorted() where text.indices.contains(line - 1) {
            text[line - 1] += " " + ArticleParser.manualStepMarker
            let before = line - 2 * plainListLines.enumerated().filter { $0.element + 2 * $0.offset < line }.count
            let source = written.indices.contains(before - firstBodyLine) ? written[before - firstBodyLine].line : 1
            findings.append(.warning(
                "step written as a step for people (\(ArticleParser.manualStepMarker) at \(plan.output):\(line)): "
                    + "the \(locale) phrasebook does not read it, so the article builds without it being checked; "
                    + "reword it (helpcenter explain shows how it reads) and remove the marker",
                file: plan.source.file, at: SourceLocation(line: source, column: 1)))
        }
        self.text = text.joined(separator: "\n")
    }

    init(_ plan: ArticlePlan, site: ImportedSite) {
        self.plan = plan
        var conversion = ArticleConversion(site: site, article: plan.source, output: plan.output)
        var body = plan.source.body
        // A page's `# Title` is our front matter's title.
        if let first = body.firstIndex(where: { !$0.isBlank }), body[first].headingLevel == 1 { body.remove(at: first) }
        var lines = HeadingLevels.fitted(BodyConverter.convert(body, in: &conversion))
        if site.format == .jekyll { lines = HeadingAnchors.keepingKramdownIDs(lines) }
        while lines.first?.isBlank == true { lines.removeFirst() }
        let hasIntro = lines.first.map { $0.headingLevel == nil } ?? false
        var text = plan.frontMatter(withDescriptionComment: hasIntro) + "\n"
        if !hasIntro, let description = plan.description, !description.isEmpty { text += description + "\n\n" }
        let firstBodyLine = text.utf8.count(where: { $0 == 0x0A }) + 1
        let written = BlankLines.collapsed(lines)
        text += written.map(\.text).joined(separator: "\n") + "\n"
        self.text = text
        self.written = written
        self.firstBodyLine = firstBodyLine
        findings = conversion.findings
        images = conversion.images
        imageLimitMiB = conversion.imageLimitMiB
        articleLinks = conversion.articleLinks.map { ArticleLink(line: $0.line, target: $0.target) }
    }
}

/// Headings fitted to our rules: no `#` (the title is the front matter's), and no `####`
/// before the first `##`/`###`.
enum HeadingLevels {
    /// The ATX heading level of each line that is a heading of the article (not in code or a quote).
    static func levels(of lines: [SourceLine]) -> [Int?] {
        var fence = FenceTracker()
        return lines.map { fence.isCode($0) || $0.text.hasPrefix(">") ? nil : $0.headingLevel }
    }

    static func fitted(_ lines: [SourceLine]) -> [SourceLine] {
        let levels = Self.levels(of: lines)
        let shift = levels.contains(1) ? 1 : 0
        var seenSection = false
        return zip(lines, levels).map { line, level in
            guard let level else { return line }
            var target = min(level + shift, 6)
            if target >= 4, !seenSection { target = 3 }
            if target <= 3 { seenSection = true }
            guard target != level else { return line }
            let text = line.trimmed.dropFirst(level)
            return SourceLine(String(repeating: "#", count: target) + text, line: line.line, isFinal: line.isFinal)
        }
    }
}

/// At most one blank line in a row (conversions add blank lines around the blocks they write).
enum BlankLines {
    static func collapsed(_ lines: [SourceLine]) -> [SourceLine] {
        var result: [SourceLine] = []
        var fence = FenceTracker()
        for line in lines {
            let inCode = fence.isCode(line)
            if !inCode, line.isBlank, result.last?.isBlank ?? true { continue }
            result.append(inCode || !line.isBlank ? line : SourceLine("", line: line.line))
        }
        while result.last?.isBlank == true { result.removeLast() }
        return result
    }
}
