internal import HelpModel
internal import Yams

/// Reads `content/<locale>/chrome.yml`: a flat mapping of chrome keys to texts.
///
/// Which keys must exist is the generator's business (it knows what it renders); this only
/// checks the file's shape and remembers where each key is, for the generator's diagnostics.
enum ChromeCatalogLoader {
    static func load(text: String, file: String, locale: String) -> (ChromeCatalog?, [Diagnostic]) {
        let yaml: YAMLDocument
        switch YAMLDocument.compose(text, file: file) {
        case .success(let document): yaml = document
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        guard let root = yaml.root, let entries = root.entries else {
            return (nil, [.error("a chrome catalog is a mapping of keys to texts, e.g. 'toc.title: Table des matières'", file: file, at: SourceLocation(line: 1, column: 1))])
        }
        var diagnostics: [Diagnostic] = []
        var strings: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        for (key, value) in entries {
            guard let name = key.scalarText else {
                diagnostics.append(yaml.error("a chrome key is a plain word such as 'toc.title'", at: key))
                continue
            }
            guard let text = value.scalarText, !text.trimmingSpaces.isEmpty else {
                diagnostics.append(yaml.error("'\(name)' must be a non-empty text", at: value))
                continue
            }
            strings[name] = text
            locations[name] = yaml.location(of: key)
        }
        guard diagnostics.errorCount == 0 else { return (nil, diagnostics) }
        return (ChromeCatalog(locale: locale, file: file, strings: strings, keyLocations: locations), [])
    }
}
