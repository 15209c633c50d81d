internal import HelpModel
internal import Yams

/// Reads `content/<locale>/chrome.yml`: a flat mapping of chrome keys to texts.
///
/// Which keys must exist is the generator's business (it knows what it renders); this only
/// checks the file's shape and remembers where each key is, for the generator's diagnostics.
/// One top-level key is not a string: `same-as-other-locales`, a list of keys whose text is
/// meant to read the same as in another locale (see ``ChromeCatalog/intentionallyIdentical``).
enum ChromeCatalogLoader {
    static let sameAsOtherLocalesKey = "same-as-other-locales"

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
        var identicalList: Node?
        for (key, value) in entries {
            guard let name = key.scalarText else {
                diagnostics.append(yaml.error("a chrome key is a plain word such as 'toc.title'", at: key))
                continue
            }
            if name == sameAsOtherLocalesKey {
                identicalList = value
                continue
            }
            guard let text = value.scalarText, !text.trimmingSpaces.isEmpty else {
                diagnostics.append(yaml.error("'\(name)' must be a non-empty text", at: value))
                continue
            }
            strings[name] = text
            locations[name] = yaml.location(of: key)
        }
        var identical: Set<String> = []
        if let identicalList {
            diagnostics += listProblems(identicalList, in: yaml, strings: strings)
            identical = Set((identicalList.items ?? []).compactMap(\.scalarText))
        }
        guard diagnostics.errorCount == 0 else { return (nil, diagnostics) }
        let catalog = ChromeCatalog(
            locale: locale, file: file, strings: strings, keyLocations: locations, intentionallyIdentical: identical)
        return (catalog, [])
    }

    /// A list that is not a list of this catalog's keys is an error at the offending node.
    private static func listProblems(_ list: Node, in yaml: YAMLDocument, strings: [String: String]) -> [Diagnostic] {
        guard let items = list.items else {
            return [yaml.error("'\(sameAsOtherLocalesKey)' is a list of chrome keys, e.g. [note.important]", at: list)]
        }
        return items.compactMap { item in
            guard let key = item.scalarText else {
                return yaml.error("'\(sameAsOtherLocalesKey)' lists chrome keys such as 'note.important'", at: item)
            }
            guard strings[key] == nil else { return nil }
            return yaml.error("'\(key)' is not a key of this catalog; list only keys it defines", at: item)
        }
    }
}
