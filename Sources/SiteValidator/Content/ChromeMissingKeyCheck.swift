internal import HelpModel

/// Every chrome key some locale's catalog has must be in every catalog: an error at line 1 of
/// the catalog lacking it, naming the key and where it is written.
enum ChromeMissingKeyCheck {
    static func findings(_ catalogs: ChromeCatalogs) -> [Finding] {
        let allKeys = Set(catalogs.catalogs.flatMap(\.strings.keys)).sorted()
        var findings: [Finding] = []
        for catalog in catalogs.catalogs {
            for key in allKeys where catalog.strings[key] == nil {
                guard let owner = catalogs.catalogs.first(where: { $0.strings[key] != nil }) else { continue }
                let place = ChromeCatalogs.location(of: key, in: owner)
                let message = "chrome key '\(key)' is missing in locale '\(catalog.locale)' but exists in '\(owner.locale)' "
                    + "(\(owner.file):\(place)); add it to \(catalog.file)"
                let note = Diagnostic.Note(file: owner.file, location: place, message: "'\(key)' in \(owner.locale)")
                let top = SourceLocation(line: 1, column: 1)
                findings.append(Finding(.chromeMissingKey, .error(message, file: catalog.file, at: top, notes: [note])))
            }
        }
        return findings
    }
}
