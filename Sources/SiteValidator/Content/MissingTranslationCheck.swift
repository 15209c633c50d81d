internal import Foundation
internal import HelpModel

/// Every article `id` should exist in every locale of the site; each gap is a warning at the
/// source article's `id:`, naming the file to translate and the folder to put it in.
enum MissingTranslationCheck {
    static func findings(_ content: HelpContent) -> [Finding] {
        let configuration = content.configuration
        var families: [String: [Article]] = [:]
        var order: [String] = []
        for article in content.articles {
            if families[article.id] == nil { order.append(article.id) }
            families[article.id, default: []].append(article)
        }
        var findings: [Finding] = []
        for id in order {
            let family = families[id] ?? []
            let present = Set(family.map(\.locale))
            let missing = configuration.locales.filter { !present.contains($0) }
            guard !missing.isEmpty, let anchor = anchor(of: family, defaultLocale: configuration.defaultLocale) else {
                continue
            }
            let location = anchor.frontMatter.keyLocations["id"] ?? SourceLocation(line: 1, column: 1)
            for locale in missing {
                let text = message(id: id, missing: locale, anchor: anchor)
                findings.append(Finding(.missingTranslation, .warning(text, file: anchor.file, at: location)))
            }
        }
        return findings
    }

    /// The article a gap is reported at: the source (no `translates`), preferably in the
    /// default locale; a translation when the source itself is gone.
    private static func anchor(of family: [Article], defaultLocale: String) -> Article? {
        let sources = family.filter { $0.frontMatter.translates == nil }
        return sources.first { $0.locale == defaultLocale } ?? sources.first ?? family.first
    }

    private static func message(id: String, missing locale: String, anchor: Article) -> String {
        if let translated = anchor.frontMatter.translates {
            if translated.locale == locale {
                return "'\(id)' has no article in \(locale), the locale \(anchor.file) translates from; "
                    + "restore the source article or remove its translations"
            }
            return "'\(id)' has no translation in \(locale); "
                + "translate the \(translated.locale) source into \(folder(of: anchor, for: locale))"
        }
        return "'\(id)' has no translation in \(locale); translate \(anchor.file) into \(folder(of: anchor, for: locale)) "
            + "with 'translates: {locale: \(anchor.locale), version: \(anchor.frontMatter.version)}'"
    }

    /// `content/de/` for an article in `content/fr/…`: the locale folder beside the article's.
    private static func folder(of article: Article, for locale: String) -> String {
        guard let range = article.file.range(of: "/\(article.locale)/", options: .backwards) else {
            return "the \(locale) folder"
        }
        return String(article.file[..<range.lowerBound]) + "/\(locale)/"
    }
}
