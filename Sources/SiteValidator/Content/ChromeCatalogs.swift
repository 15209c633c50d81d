internal import HelpModel

/// The chrome catalogs of a site in comparison order: the default locale first (the language
/// the others translate), then the rest as `helpcenter.yml` lists them.
struct ChromeCatalogs {
    let catalogs: [ChromeCatalog]

    init(_ content: HelpContent) {
        let configuration = content.configuration
        let locales = [configuration.defaultLocale] + configuration.locales.filter { $0 != configuration.defaultLocale }
        catalogs = locales.compactMap { content.catalogs[$0] }
    }

    /// Where a key is written in a catalog (line 1 when the loader did not record it).
    static func location(of key: String, in catalog: ChromeCatalog) -> SourceLocation {
        catalog.keyLocations[key] ?? SourceLocation(line: 1, column: 1)
    }
}
