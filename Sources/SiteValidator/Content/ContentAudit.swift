public import HelpModel

/// The checks of `helpcenter validate` on `content/`: translations that are missing, outdated
/// or shaped differently from their source, and chrome catalogs with missing or untranslated
/// strings.
///
/// It reads the loaded model only; earlier versions of source articles come from a
/// ``SourceHistory`` (``GitSourceHistory`` in a git checkout).
public enum ContentAudit {
    /// Runs every content rule.
    /// - Parameters:
    ///   - content: the loaded content folder.
    ///   - history: earlier versions of source articles, to say what changed since an outdated
    ///     translation; nil says "history unavailable" in those warnings.
    /// - Returns: every article file checked, and the findings, errors first, by file and position.
    public static func run(_ content: HelpContent, history: (any SourceHistory)?) -> ValidationReport {
        var findings = MissingTranslationCheck.findings(content)
        findings += translationFindings(content, history: history)
        let catalogs = ChromeCatalogs(content)
        findings += ChromeMissingKeyCheck.findings(catalogs)
        findings += ChromeUntranslatedCheck.findings(catalogs)
        return ValidationReport(articles: content.articles.map(\.file), findings: sorted(findings))
    }

    /// Each translation against its source: outdated when the versions differ, otherwise
    /// compared step by step (an outdated one is expected to differ until it is updated).
    private static func translationFindings(_ content: HelpContent, history: (any SourceHistory)?) -> [Finding] {
        var byLocaleAndID: [String: Article] = [:]
        for article in content.articles where byLocaleAndID["\(article.locale)/\(article.id)"] == nil {
            byLocaleAndID["\(article.locale)/\(article.id)"] = article
        }
        var findings: [Finding] = []
        var outdated = OutdatedTranslationCheck(history: history)
        for translation in content.articles {
            guard let recorded = translation.frontMatter.translates,
                let source = byLocaleAndID["\(recorded.locale)/\(translation.id)"]
            else { continue }
            if recorded.version != source.frontMatter.version {
                findings.append(outdated.finding(translation: translation, recorded: recorded.version, source: source))
            } else if let finding = ProcedureShapeCheck.finding(translation: translation, source: source) {
                findings.append(finding)
            }
        }
        return findings
    }

    private static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted { lhs, rhs in
            let (left, right) = (lhs.diagnostic, rhs.diagnostic)
            return (left.severity, left.file, left.location, left.message)
                < (right.severity, right.file, right.location, right.message)
        }
    }
}
