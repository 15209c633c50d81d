internal import HTMLReader
internal import HelpModel

/// Rules that need every page: links and resources lead to files, fragments to ids, and the
/// `hreflang` alternates are reciprocal and name the language of the page they lead to.
struct CrossPageRules {
    let index: SiteIndex
    let displayRoot: String
    /// The site folder, to read a page again for the columns of its findings.
    let sitePath: String

    func findings(for page: PageSummary) -> [Finding] {
        var found: [(rule: Finding.Rule, reference: PageSummary.Reference, message: String)] = []
        func report(_ rule: Finding.Rule, _ reference: PageSummary.Reference, _ message: String) {
            found.append((rule, reference, message))
        }
        check(page, report: report)
        guard !found.isEmpty else { return [] }
        let lines = PageLines(FileSystem.read(sitePath + "/" + page.path) ?? [])
        return found.map { rule, reference, message in
            let line = Int(reference.line)
            let column = lines.column(of: reference.needle, onLine: line) ?? lines.column(of: reference.attribute + "=", onLine: line) ?? 1
            return Finding(rule, .error(message, file: displayRoot + page.path, at: SourceLocation(line: max(line, 1), column: column)))
        }
    }

    private func check(_ page: PageSummary, report: (Finding.Rule, PageSummary.Reference, String) -> Void) {
        for reference in page.references {
            switch reference.target {
            case .elsewhere:
                continue
            case .outsideSite:
                report(.brokenLink, reference, "\(reference.written) leads outside the site")
            case .samePage(let fragment):
                if !page.ids.contains(fragment) {
                    report(.brokenFragment, reference, "#\(fragment) matches no id on this page")
                }
            case .site(let path, let fragment):
                guard let target = index.file(at: path) else {
                    report(.brokenLink, reference, "\(reference.written) leads to \(path.isEmpty ? "the site root" : path), which is not in the site")
                    continue
                }
                if let fragment, !fragment.isEmpty, let targetPage = index.pages[target], !targetPage.ids.contains(fragment) {
                    report(.brokenFragment, reference, "\(reference.written): #\(fragment) matches no id on \(target)")
                }
            }
        }
        let expectedBackLabels = backLabels(of: page)
        for alternate in page.alternates {
            guard case .site(let path, _) = alternate.reference.target, let target = index.file(at: path), let other = index.pages[target] else {
                continue  // reported above as a broken link
            }
            guard alternate.hreflang != "x-default" else { continue }
            if other.lang != alternate.hreflang {
                report(.hreflang, alternate.reference, "hreflang=\"\(alternate.hreflang)\" leads to \(target), whose lang is \(other.lang.map { "\"\($0)\"" } ?? "missing")")
            }
            let pointsBack = other.alternates.contains { back in
                guard expectedBackLabels.contains(back.hreflang), case .site(let backPath, _) = back.reference.target else { return false }
                return index.file(at: backPath) == page.path
            }
            if !pointsBack && target != page.path {
                report(.hreflang, alternate.reference, "hreflang=\"\(alternate.hreflang)\" leads to \(target), which has no alternate back to this page; alternates must be reciprocal")
            }
        }
    }

    /// The `hreflang` under which the page's alternates must name it: its language, or
    /// `x-default` for a page (the language chooser) that names itself only as the default.
    private func backLabels(of page: PageSummary) -> Set<String> {
        let own = Set(page.alternates.compactMap { alternate -> String? in
            guard case .site(let path, _) = alternate.reference.target, index.file(at: path) == page.path else { return nil }
            return alternate.hreflang
        })
        if let lang = page.lang, own.contains(lang) || own.isEmpty { return [lang] }
        return own
    }
}
