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

    public init(locale: String, file: String, strings: [String: String], keyLocations: [String: SourceLocation]) {
        self.locale = locale
        self.file = file
        self.strings = strings
        self.keyLocations = keyLocations
    }
}
