internal import HelpModel

/// A translation records the version of the source it renders; when the source has moved on
/// it is outdated: a warning at its `translates:`, listing what changed in the source since.
enum OutdatedTranslationCheck {
    static func finding(translation: Article, recorded: Int, source: Article, history: (any SourceHistory)?) -> Finding {
        let current = source.frontMatter.version
        let message: String
        if recorded > current {
            message = "translates version \(recorded) of \(source.file), which is only at version \(current); "
                + "set translates.version to \(current)"
        } else {
            message = "translates version \(recorded) of \(source.file), which is now at version \(current); "
                + changes(since: recorded, in: source, history: history)
                + "; update the translation, then set translates.version to \(current)"
        }
        let sourceVersion = source.frontMatter.keyLocations["version"] ?? source.frontMatter.keyLocations["id"]
        let notes = [Diagnostic.Note(
            file: source.file, location: sourceVersion ?? SourceLocation(line: 1, column: 1), message: "the source's version")]
        let location = translation.frontMatter.keyLocations["translates"] ?? SourceLocation(line: 1, column: 1)
        return Finding(.outdatedTranslation, .warning(message, file: translation.file, at: location, notes: notes))
    }

    private static func changes(since version: Int, in source: Article, history: (any SourceHistory)?) -> String {
        guard let history else { return "history unavailable: no source history was given" }
        do {
            let old = try history.article(source, atVersion: version)
            return SourceChanges(from: old, to: source).summary(sinceVersion: version)
        } catch {
            return "history unavailable: \(error.reason)"
        }
    }
}
