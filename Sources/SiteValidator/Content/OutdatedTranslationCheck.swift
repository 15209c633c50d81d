internal import HelpModel

/// A translation records the version of the source it renders; when the source has moved on
/// it is outdated: a warning at its `translates:`, listing what changed in the source since.
///
/// What changed is worked out once per source and version, however many locales translate it.
struct OutdatedTranslationCheck {
    let history: (any SourceHistory)?
    private var changesByVersion: [String: String] = [:]

    init(history: (any SourceHistory)?) {
        self.history = history
    }

    mutating func finding(translation: Article, recorded: Int, source: Article) -> Finding {
        let current = source.frontMatter.version
        let message: String
        if recorded > current {
            message = "translates version \(recorded) of \(source.file), which is only at version \(current); "
                + "set translates.version to \(current)"
        } else {
            message = "translates version \(recorded) of \(source.file), which is now at version \(current); "
                + changes(since: recorded, in: source)
                + "; update the translation, then set translates.version to \(current)"
        }
        let sourceVersion = source.frontMatter.keyLocations["version"] ?? source.frontMatter.keyLocations["id"]
        let notes = [Diagnostic.Note(
            file: source.file, location: sourceVersion ?? SourceLocation(line: 1, column: 1), message: "the source's version")]
        let location = translation.frontMatter.keyLocations["translates"] ?? SourceLocation(line: 1, column: 1)
        return Finding(.outdatedTranslation, .warning(message, file: translation.file, at: location, notes: notes))
    }

    private mutating func changes(since version: Int, in source: Article) -> String {
        let key = "\(source.file)@\(version)"
        if let known = changesByVersion[key] { return known }
        let changes: String
        if let history {
            do {
                let old = try history.article(source, atVersion: version)
                changes = SourceChanges(from: old, to: source).summary(sinceVersion: version)
            } catch {
                changes = "history unavailable: \(error.reason)"
            }
        } else {
            changes = "history unavailable: no source history was given"
        }
        changesByVersion[key] = changes
        return changes
    }
}
