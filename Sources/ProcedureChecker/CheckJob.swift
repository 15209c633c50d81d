public import Foundation
public import HelpModel

/// One thing to verify against the engine: a procedure with its check, or a claim of the prose.
public struct CheckJob: Sendable {
    public enum Work: Sendable {
        /// `number` counts the article's procedures from 1 in reading order; `interlude` is the
        /// label the check's `click-text-label` names, clicked after its `after-step`.
        case procedure(Procedure, ProcedureCheck, number: Int, interlude: Label?)
        case claim(Claim)
    }

    public var work: Work
    public var articleFile: String
    public var locale: String
    /// How reports name it: the section title of a procedure, or the claim's phrase.
    public var name: String
    /// The article's `id`, shared by its translations (what a verification report is keyed by).
    public var articleID = ""

    /// What a passed or failed run of a procedure job proves, for `build --verification`; nil
    /// for a claim.
    public func verification(passedAt: Date?) -> ProcedureVerification? {
        guard case .procedure(let procedure, let check, _, _) = work else { return nil }
        return ProcedureVerification(
            locale: locale, article: articleID, procedure: check.procedure, number: check.number ?? 1,
            fingerprint: procedure.fingerprint, passedAt: passedAt)
    }
}

/// What a run found about one job.
public struct CheckResult: Sendable {
    public var job: CheckJob
    /// nil when the job passed; otherwise placed at the label, phrase or number that drifted.
    public var failure: Diagnostic?
    public var seconds: Double

    public var passed: Bool { failure == nil }
}

/// A step written for people only: not performed, and listed so that nothing goes unverified
/// without anyone seeing it.
public struct ManualStep: Sendable {
    public var articleFile: String
    public var locale: String
    /// The procedure's name as reports give it (its section title).
    public var procedure: String
    public var number: Int
    public var location: SourceLocation
    public var sentence: String
}

/// A procedure no check covers: listed in every report, and a failure under `--require-checks`.
public struct UncheckedProcedure: Sendable {
    public var articleFile: String
    public var locale: String
    /// The procedure's name as reports give it (its section title).
    public var procedure: String
    public var location: SourceLocation
}

/// Turns loaded content into jobs: every check of every article (its own, or its source's for a
/// translation that lists none, found by section anchor, so a translation may order its
/// sections differently) and every claim, in every locale. A procedure no check names is
/// listed as unchecked.
public enum CheckPlan {
    public struct Plan: Sendable {
        public var jobs: [CheckJob]
        /// Articles that cannot be checked as written (a translation whose procedures do not
        /// match its source's checks), reported as failures.
        public var problems: [Diagnostic]
        /// Procedures no check covers (an article without `checks:` and no source with them).
        public var uncheckedProcedures: [UncheckedProcedure] = []
        public var unchecked: Int { uncheckedProcedures.count }
        /// Every procedure of the content, checked or not: the coverage's denominator.
        public var procedureCount = 0
        /// Every step for people only, checked procedure or not, in reading order.
        public var manualSteps: [ManualStep] = []
    }

    /// - Parameter locales: the locales to plan for (nil: all); the others' articles still
    ///   lend their checks to their translations, so `--locale de` runs the German procedures
    ///   with the checks of their French source.
    public static func make(_ articles: [Article], locales: Set<String>? = nil) -> Plan {
        var sources: [String: Article] = [:]
        for article in articles where article.frontMatter.translates == nil { sources["\(article.locale)/\(article.id)"] = article }
        var plan = Plan(jobs: [], problems: [])
        for article in articles where locales?.contains(article.locale) ?? true {
            var checks = article.frontMatter.checks
            let titled = titledProcedures(of: article)
            for (procedure, title) in titled {
                for (offset, step) in procedure.steps.enumerated() where step.isManual {
                    plan.manualSteps.append(ManualStep(
                        articleFile: article.file, locale: article.locale, procedure: title, number: procedure.start + offset,
                        location: step.sentenceRange.start, sentence: step.sentence.plainText))
                }
            }
            var inherited: Article?
            if checks.isEmpty, let origin = article.frontMatter.translates,
                let source = sources["\(origin.locale)/\(article.id)"], !source.frontMatter.checks.isEmpty
            {
                checks = source.frontMatter.checks
                inherited = source
            }
            plan.procedureCount += titled.count
            var covered: Set<Int> = []
            for check in checks {
                let named: NamedProcedure
                switch article.procedure(named: check.procedure, number: check.number) {
                case .success(let found): named = found
                case .failure(let problem):
                    // An article's own checks were resolved by the parser; only inherited ones can miss.
                    guard let source = inherited else { continue }
                    let place = article.frontMatter.keyLocations["translates"] ?? SourceLocation(line: 1, column: 1)
                    let fix = if case .noSection = problem {
                        "give the translated section the source's heading id: '## … {#\(check.procedure)}'"
                    } else {
                        "translate every procedure of section '\(check.procedure)'"
                    }
                    plan.problems.append(.error(
                        "[\(article.locale)] the source's check of procedure '\(check.procedureName)' finds no such procedure in "
                            + "\(article.file): \(problem.message(for: check)); \(fix)",
                        file: article.file, at: place,
                        notes: [Diagnostic.Note(file: source.file, location: check.procedureLocation, message: "the source's check")]))
                    continue
                }
                guard let index = titled.firstIndex(where: { $0.0.range == named.procedure.range }) else { continue }
                let title = titled[index].1
                var interlude: Label?
                if let wanted = check.interlude {
                    let labels = labelsAfter(named.procedure, in: article)
                    guard wanted.label <= labels.count else {
                        plan.problems.append(.error(
                            "[\(article.locale)] \(title): 'click-text-label: \(wanted.label)' but the text after the procedure has "
                                + "\(labels.count) bold label\(labels.count == 1 ? "" : "s")",
                            file: article.file, at: named.procedure.range.end,
                            notes: [Diagnostic.Note(file: check.file, location: check.location, message: "the check")]))
                        continue
                    }
                    interlude = labels[wanted.label - 1]
                }
                let name = covered.insert(index).inserted ? title : "\(title), \(check.state.rawValue) \(check.persona.rawValue)"
                plan.jobs.append(CheckJob(
                    work: .procedure(named.procedure, check, number: index + 1, interlude: interlude), articleFile: article.file,
                    locale: article.locale, name: name, articleID: article.id))
            }
            for (index, (procedure, title)) in titled.enumerated() where !covered.contains(index) {
                plan.uncheckedProcedures.append(UncheckedProcedure(
                    articleFile: article.file, locale: article.locale, procedure: title, location: procedure.range.start))
            }
            for claim in article.claims {
                plan.jobs.append(CheckJob(
                    work: .claim(claim), articleFile: article.file, locale: article.locale,
                    name: "claim \(claim.kind.rawValue) \"\(claim.text)\"", articleID: article.id))
            }
        }
        return plan
    }

    /// The bold labels of the paragraphs and notes after `procedure`, up to the next procedure
    /// or the end of its section: where the text asks for a click outside the steps.
    static func labelsAfter(_ procedure: Procedure, in article: Article) -> [Label] {
        for blocks in [article.intro] + article.sections.map(\.blocks) {
            guard let index = blocks.firstIndex(of: .procedure(procedure)) else { continue }
            var labels: [Label] = []
            for block in blocks[(index + 1)...] {
                if case .procedure = block { break }
                labels += strongLabels(in: block)
            }
            return labels
        }
        return []
    }

    private static func strongLabels(in block: Block) -> [Label] {
        func inlines(_ content: [Inline]) -> [Label] {
            content.flatMap { inline -> [Label] in
                switch inline.kind {
                case .strong(let children): [Label(children.plainText, origin: .article(children.first.map {
                    SourceRange(start: $0.range.start, end: children.last?.range.end ?? $0.range.end)
                } ?? inline.range))]
                case .emphasis(let children), .link(_, _, let children): inlines(children)
                default: []
                }
            }
        }
        switch block {
        case .paragraph(let paragraph): return inlines(paragraph.content)
        case .note(let note): return note.blocks.flatMap(strongLabels)
        default: return []
        }
    }

    /// Each procedure with the title of its section ("… (2/3)" when a section has several);
    /// the article's title for procedures before the first section.
    static func titledProcedures(of article: Article) -> [(Procedure, String)] {
        var groups: [(String, [Procedure])] = [(article.frontMatter.title, article.intro.flatMap(\.procedures))]
        for section in article.sections { groups.append((section.title.plainText, section.blocks.flatMap(\.procedures))) }
        return groups.flatMap { title, procedures in
            procedures.enumerated().map { offset, procedure in
                (procedure, procedures.count > 1 ? "\(title) (\(offset + 1)/\(procedures.count))" : title)
            }
        }
    }
}
