internal import HelpModel

/// Every string of the page chrome the generator renders, by catalog key.
///
/// Adding a string to a page means adding a case here and the key to every
/// `content/<locale>/chrome.yml`; a catalog that lacks a key fails the build.
enum ChromeKey: String, CaseIterable, Sendable {
    case languageName = "language.name"
    case skipLink = "site.skip_link"
    case footer = "site.footer"
    case home = "nav.home"
    case breadcrumb = "nav.breadcrumb"
    case languages = "nav.languages"
    case languageUnavailable = "nav.language_unavailable"
    case chooserPrompt = "nav.chooser_prompt"
    case tableOfContents = "toc.title"
    case updatedOn = "article.updated_on"
    case updated = "article.updated"
    case draftBanner = "article.draft_banner"
    case redirectMoved = "redirect.moved"
    case relatedTitle = "related.title"
    /// Under a procedure a check run proved: "Vérifié le {date}".
    case procedureVerified = "procedure.verified"
    case homeIntro = "home.intro"
    case allArticles = "home.all_articles"
    case categoryDescription = "category.description"
    case searchTitle = "search.title"
    case searchLabel = "search.label"
    case searchPlaceholder = "search.placeholder"
    case searchButton = "search.button"
    case searchResultsOne = "search.results_one"
    case searchResultsOther = "search.results_other"
    case searchNoResults = "search.no_results"
    /// "Did you mean {word}?" after a search that found nothing; `{word}` is a link to that search.
    case searchDidYouMean = "search.did_you_mean"
    case searchRequiresScript = "search.requires_script"
    case feedbackQuestion = "feedback.question"
    case feedbackYes = "feedback.yes"
    case feedbackNo = "feedback.no"
    case feedbackThanks = "feedback.thanks"
    case feedbackComment = "feedback.comment"
    case feedbackSend = "feedback.send"
    case feedbackError = "feedback.error"
    case feedbackTrap = "feedback.trap"
    case noteNote = "note.note"
    case noteTip = "note.tip"
    case noteImportant = "note.important"
    case noteWarning = "note.warning"
    case noteCaution = "note.caution"
    case notFoundTitle = "notfound.title"
    case notFoundText = "notfound.text"
    case notFoundBack = "notfound.back"

    static func title(of kind: Note.Kind) -> ChromeKey {
        switch kind {
        case .note: .noteNote
        case .tip: .noteTip
        case .important: .noteImportant
        case .warning: .noteWarning
        case .caution: .noteCaution
        }
    }
}

/// The validated chrome strings of one locale: every ``ChromeKey`` is present.
///
/// Stored by key position rather than in a dictionary: pages look strings up dozens of times
/// each, twenty thousand pages a build.
struct Chrome: Sendable {
    let locale: String
    private let strings: [String]

    private static let positions: [ChromeKey: Int] = Dictionary(
        uniqueKeysWithValues: ChromeKey.allCases.enumerated().map { ($1, $0) })

    subscript(key: ChromeKey) -> String { strings[Self.positions[key] ?? 0] }

    /// Checks a catalog against every key; nil with one error per missing key otherwise.
    static func validated(_ catalog: ChromeCatalog?, locale: String) -> (Chrome?, [Diagnostic]) {
        guard let catalog else {
            // The loader already reported a missing or unreadable catalog.
            return (nil, [])
        }
        var diagnostics: [Diagnostic] = []
        for key in ChromeKey.allCases where catalog.strings[key.rawValue] == nil {
            diagnostics.append(.error(
                "chrome key '\(key.rawValue)' is missing in locale '\(locale)'; add it to \(catalog.file) (no page falls back to another language)",
                file: catalog.file, at: SourceLocation(line: 1, column: 1)))
        }
        let known = Set(ChromeKey.allCases.map(\.rawValue))
        for key in catalog.strings.keys.sorted() where !known.contains(key) {
            diagnostics.append(.warning(
                "chrome key '\(key)' is not used by any page; remove it or check its spelling",
                file: catalog.file, at: catalog.keyLocations[key] ?? SourceLocation(line: 1, column: 1)))
        }
        guard diagnostics.errorCount == 0 else { return (nil, diagnostics) }
        let strings = ChromeKey.allCases.map { catalog.strings[$0.rawValue] ?? "" }
        return (Chrome(locale: locale, strings: strings), diagnostics)
    }
}
