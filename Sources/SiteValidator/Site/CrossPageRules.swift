internal import HelpModel

/// Rules that need every page: links and resources lead to files, fragments to ids, and the
/// `hreflang` alternates are reciprocal and name the language of the page they lead to.
struct CrossPageRules {
    let index: SiteIndex
    let displayRoot: String

    func findings(for page: PageSummary) -> [Finding] {
        var findings: [Finding] = []
        let file = displayRoot + page.path
        func report(_ rule: Finding.Rule, _ location: SourceLocation, _ message: String) {
            findings.append(Finding(rule, .error(message, file: file, at: location)))
        }
        for reference in page.references {
            switch reference.target {
            case .elsewhere:
                continue
            case .outsideSite:
                report(.brokenLink, reference.location, "\(reference.written) leads outside the site")
            case .samePage(let fragment):
                if !page.ids.contains(fragment) {
                    report(.brokenFragment, reference.location, "#\(fragment) matches no id on this page")
                }
            case .site(let path, let fragment):
                guard let target = index.file(at: path) else {
                    report(.brokenLink, reference.location, "\(reference.written) leads to \(path.isEmpty ? "the site root" : path), which is not in the site")
                    continue
                }
                if let fragment, !fragment.isEmpty, let targetPage = index.pages[target], !targetPage.ids.contains(fragment) {
                    report(.brokenFragment, reference.location, "\(reference.written): #\(fragment) matches no id on \(target)")
                }
            }
        }
        let expectedBackLabels = backLabels(of: page)
        for alternate in page.alternates {
            guard case .site(let path, _) = alternate.target, let target = index.file(at: path), let other = index.pages[target] else {
                continue  // reported above as a broken link
            }
            guard alternate.hreflang != "x-default" else { continue }
            if other.lang != alternate.hreflang {
                report(.hreflang, alternate.location, "hreflang=\"\(alternate.hreflang)\" leads to \(target), whose lang is \(other.lang.map { "\"\($0)\"" } ?? "missing")")
            }
            let pointsBack = other.alternates.contains { back in
                guard expectedBackLabels.contains(back.hreflang), case .site(let backPath, _) = back.target else { return false }
                return index.file(at: backPath) == page.path
            }
            if !pointsBack && target != page.path {
                report(.hreflang, alternate.location, "hreflang=\"\(alternate.hreflang)\" leads to \(target), which has no alternate back to this page; alternates must be reciprocal")
            }
        }
        return findings
    }

    /// The `hreflang` under which the page's alternates must name it: its language, or
    /// `x-default` for a page (the language chooser) that names itself only as the default.
    private func backLabels(of page: PageSummary) -> Set<String> {
        let own = Set(page.alternates.compactMap { alternate -> String? in
            guard case .site(let path, _) = alternate.target, index.file(at: path) == page.path else { return nil }
            return alternate.hreflang
        })
        if let lang = page.lang, own.contains(lang) || own.isEmpty { return [lang] }
        return own
    }
}
