/// The strings of the page chrome in one locale: "Table des matières", the feedback question…
///
/// Loaded from `content/<locale>/chrome.yml`. The generator names the keys it needs and fails
/// the build on a missing one, so no page ever falls back to another language.
public struct ChromeCatalog: Sendable, Hashable, Codable {
    public var locale: String
    /// The file the catalog was read from, for diagnostics.
    public var file: String
    public var strings: [String: String]
    /// Where each key was written.
    public var keyLocations: [String: SourceLocation]
    /// Keys whose text is meant to read the same as in another locale ("Important" in English
    /// and French), listed under `same-as-other-locales:`; the validator does not call them
    /// untranslated. Not chrome strings themselves.
    public var intentionallyIdentical: Set<String>

    public init(
        locale: String, file: String, strings: [String: String], keyLocations: [String: SourceLocation],
        intentionallyIdentical: Set<String> = []
    ) {
        self.locale = locale
        self.file = file
        self.strings = strings
        self.keyLocations = keyLocations
        self.intentionallyIdentical = intentionallyIdentical
    }
}
