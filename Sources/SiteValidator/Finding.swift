public import HelpModel

/// One thing the validator found wrong, with the rule that found it.
///
/// The rule name lets CI group findings (`--format json`, `junit`) and lets a writer look the
/// rule up in the README; the diagnostic places it at `file:line:column` like every other stage.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: Rule
    public var diagnostic: Diagnostic

    public init(_ rule: Rule, _ diagnostic: Diagnostic) {
        self.rule = rule
        self.diagnostic = diagnostic
    }

    /// The validator's rules, one per check the README lists.
    public enum Rule: String, Sendable, Hashable, Codable, CaseIterable {
        // site/
        case htmlParse = "html-parse"
        case brokenLink = "broken-link"
        case brokenFragment = "broken-fragment"
        case tableOfContents = "table-of-contents"
        case htmlLang = "html-lang"
        case hreflang = "hreflang"
        case singleH1 = "single-h1"
        case unlabelledControl = "unlabelled-control"
        case inlineScript = "inline-script"
        case foreignResource = "foreign-resource"
        case sitemap = "sitemap"
        case titleAndDescription = "title-and-description"
        case redirect = "redirect"
        // content/
        case missingTranslation = "missing-translation"
        case outdatedTranslation = "outdated-translation"
        case procedureShape = "procedure-shape"
        case chromeMissingKey = "chrome-missing-key"
        case chromeUntranslated = "chrome-untranslated"
        // what the parser reported while loading content/ (see `helpcenter lint`)
        case contentParse = "content-parse"
        // what `helpcenter build` refuses before writing (links, catalogs, slugs): the build's
        // own checks, which the CLI runs and files under this rule
        case contentBuild = "content-build"
    }
}
