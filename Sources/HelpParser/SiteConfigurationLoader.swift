internal import Foundation
internal import HelpModel
internal import Yams

/// Reads `content/helpcenter.yml` into a ``SiteConfiguration``, reporting every bad setting.
enum SiteConfigurationLoader {
    static let knownKeys: Set<String> = ["locales", "default-locale", "base-url", "title", "categories", "feedback-endpoint", "brand", "image-limit-mib"]

    static func load(text: String, file: String) -> (SiteConfiguration?, [Diagnostic]) {
        let yaml: YAMLDocument
        switch YAMLDocument.compose(text, file: file) {
        case .success(let document): yaml = document
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let top = SourceLocation(line: 1, column: 1)
        guard let root = yaml.root, let entries = root.entries else {
            return (nil, [.error("helpcenter.yml must be a mapping with locales, default-locale, base-url, title and categories", file: file, at: top)])
        }
        var diagnostics: [Diagnostic] = []
        var values: [String: Node] = [:]
        for (key, value) in entries {
            guard let name = key.scalarText, knownKeys.contains(name) else {
                diagnostics.append(yaml.warning("unknown setting '\(key.scalarText ?? "?")' is ignored; known: \(knownKeys.sorted().joined(separator: ", "))", at: key))
                continue
            }
            values[name] = value
        }
        func missing(_ key: String) {
            diagnostics.append(.error("helpcenter.yml is missing '\(key)'", file: file, at: top))
        }

        var locales: [String] = []
        if let node = values["locales"] {
            for item in node.items ?? [] {
                guard let code = item.scalarText, code.isLocaleCode else {
                    diagnostics.append(yaml.error("a locale is a lowercase language code such as 'fr' or 'pt-br'", at: item))
                    continue
                }
                if locales.contains(code) {
                    diagnostics.append(yaml.error("locale '\(code)' is listed twice", at: item))
                } else {
                    locales.append(code)
                }
            }
            if node.items == nil || locales.isEmpty { diagnostics.append(yaml.error("'locales' must list at least one locale: [fr, en]", at: node)) }
        } else {
            missing("locales")
        }

        var defaultLocale = ""
        if let node = values["default-locale"] {
            defaultLocale = node.scalarText ?? ""
            if !locales.contains(defaultLocale) {
                diagnostics.append(yaml.error("default-locale '\(defaultLocale)' is not one of the locales \(locales)", at: node))
            }
        } else {
            missing("default-locale")
        }

        var baseURL = ""
        if let node = values["base-url"] {
            baseURL = node.scalarText ?? ""
            if !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || baseURL.contains(" ") {
                diagnostics.append(yaml.error("base-url must be an absolute http(s) URL such as https://help.example.com/", at: node))
            } else if !baseURL.hasSuffix("/") {
                baseURL += "/"
            }
        } else {
            missing("base-url")
        }

        let titles = perLocaleNames(values["title"], what: "title", locales: locales, yaml: yaml, into: &diagnostics) ?? [:]
        if values["title"] == nil { missing("title") }

        var categories: [String: [String: String]] = [:]
        var categoryOrder: [String] = []
        if let node = values["categories"] {
            for (key, value) in node.entries ?? [] {
                guard let name = key.scalarText, name.isIdentifier else {
                    diagnostics.append(yaml.error("a category key uses lowercase letters, digits and '-'", at: key))
                    continue
                }
                categoryOrder.append(name)
                categories[name] = perLocaleNames(value, what: "category '\(name)'", locales: locales, yaml: yaml, into: &diagnostics)
            }
            if node.entries == nil { diagnostics.append(yaml.error("'categories' maps keys to names per locale", at: node)) }
        } else {
            missing("categories")
        }

        var feedbackEndpoint = ""
        if let node = values["feedback-endpoint"] {
            feedbackEndpoint = node.scalarText ?? ""
            let isPath = feedbackEndpoint.hasPrefix("/") && !feedbackEndpoint.hasPrefix("//")
            let isURL = feedbackEndpoint.hasPrefix("https://") || feedbackEndpoint.hasPrefix("http://")
            if !(isPath || isURL) || feedbackEndpoint.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == ";" }) {
                diagnostics.append(yaml.error(
                    "feedback-endpoint must be an http(s) URL or a path starting with '/', e.g. https://feedback.example.com/feedback",
                    at: node))
            }
        } else {
            missing("feedback-endpoint")
        }

        var brand = Brand()
        if let node = values["brand"] {
            brand = Self.brand(node, locales: locales, yaml: yaml, into: &diagnostics)
        }

        var imageLimitMiB = SiteConfiguration.defaultImageLimitMiB
        if let node = values["image-limit-mib"] {
            if let value = node.scalarText.flatMap({ Int($0) }), (1...50).contains(value) {
                imageLimitMiB = value
            } else {
                diagnostics.append(yaml.error("image-limit-mib is a whole number of MiB from 1 to 50, such as 4", at: node))
            }
        }

        guard diagnostics.errorCount == 0 else { return (nil, diagnostics) }
        var configuration = SiteConfiguration(
            locales: locales, defaultLocale: defaultLocale, baseURL: baseURL, titles: titles,
            categories: categories, categoryOrder: categoryOrder, feedbackEndpoint: feedbackEndpoint)
        configuration.brand = brand
        configuration.imageLimitMiB = imageLimitMiB
        return (configuration, diagnostics)
    }

    /// `brand: {primary-color: "#…", primary-color-dark: "#…", stylesheet: brand.css}`; each
    /// colour must keep AA contrast (4.5:1) with the page it is used on, light or dark.
    private static func brand(_ node: Node, locales: [String], yaml: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Brand {
        var brand = Brand()
        guard let entries = node.entries else {
            diagnostics.append(yaml.error("'brand' maps primary-color, primary-color-dark and stylesheet", at: node))
            return brand
        }
        for (key, value) in entries {
            let text = value.scalarText ?? ""
            switch key.scalarText {
            case "primary-color", "primary-color-dark":
                let dark = key.scalarText == "primary-color-dark"
                guard let color = BrandColor.normalized(text) else {
                    diagnostics.append(yaml.error("'\(key.scalarText ?? "")' is a colour written #rrggbb (got '\(text)')", at: value))
                    continue
                }
                let background = dark ? BrandColor.darkBackground : BrandColor.lightBackground
                let ratio = BrandColor.contrast(color, background) ?? 0
                guard ratio >= BrandColor.minimumContrast else {
                    diagnostics.append(yaml.error(
                        "'\(key.scalarText ?? "")' \(color) has a contrast of \(String(format: "%.2f", ratio)):1 with the \(dark ? "dark" : "light") page (\(background)), "
                            + "below WCAG AA's 4.5:1 for its links and button text; choose a \(dark ? "lighter" : "darker") colour",
                        at: value))
                    continue
                }
                if dark { brand.primaryColorDark = color } else { brand.primaryColor = color }
            case "stylesheet":
                guard text.hasSuffix(".css"), !text.contains("/") else {
                    diagnostics.append(yaml.error("'stylesheet' is a .css file beside helpcenter.yml, e.g. brand.css", at: value))
                    continue
                }
                brand.stylesheet = text
            case "logo":
                guard let format = ImageHeader.format(ofExtension: String(text.split(separator: ".").last ?? "")), !text.contains("/") else {
                    diagnostics.append(yaml.error("'logo' is an image file beside helpcenter.yml, e.g. logo.svg", at: value))
                    continue
                }
                brand.logo = ImageFile(file: text, readPath: "", sitePath: "assets/logo.\(format == .jpeg ? "jpg" : format.rawValue)", format: format, width: 0, height: 0, byteCount: 0)
            case "logo-alt":
                brand.logoAlt = perLocaleNames(value, what: "brand logo-alt", locales: locales, yaml: yaml, into: &diagnostics) ?? [:]
            case "support":
                for locale in locales {
                    guard let link = Self.link(value.entries?.first { $0.key.scalarText == locale }?.value, yaml: yaml, into: &diagnostics) else {
                        diagnostics.append(yaml.error("brand support has no '\(locale)' entry {text: …, url: …}; every locale needs its own", at: value))
                        continue
                    }
                    brand.support[locale] = link
                }
            case "footer-links":
                for locale in locales {
                    guard let list = value.entries?.first(where: { $0.key.scalarText == locale })?.value.items else {
                        diagnostics.append(yaml.error("brand footer-links has no '\(locale)' list [{text: …, url: …}]; every locale needs its own", at: value))
                        continue
                    }
                    brand.footerLinks[locale] = list.compactMap { Self.link($0, yaml: yaml, into: &diagnostics) }
                }
            default:
                diagnostics.append(yaml.error(
                    "unknown brand setting '\(key.scalarText ?? "?")'; known: primary-color, primary-color-dark, stylesheet, logo, logo-alt, footer-links, support",
                    at: key))
            }
        }
        if brand.logo != nil, brand.logoAlt.isEmpty {
            diagnostics.append(yaml.error("a brand logo needs 'logo-alt' per locale: what the logo says to readers who cannot see it", at: node))
        }
        return brand
    }

    /// `{text: …, url: https://… | mailto:…}`.
    private static func link(_ node: Node?, yaml: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Brand.Link? {
        guard let node else { return nil }
        let fields = Dictionary((node.entries ?? []).compactMap { key, value in key.scalarText.map { ($0, value) } }, uniquingKeysWith: { a, _ in a })
        guard let text = fields["text"]?.scalarText, !text.trimmingSpaces.isEmpty, let url = fields["url"]?.scalarText,
            url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("mailto:") || url.hasPrefix("/")
        else {
            diagnostics.append(yaml.error("a brand link is {text: …, url: https://…, mailto:… or /path}", at: node))
            return nil
        }
        return Brand.Link(text: text, url: url)
    }

    /// A `{fr: …, en: …}` mapping that must name every locale: no page falls back to another language.
    private static func perLocaleNames(
        _ node: Node?, what: String, locales: [String], yaml: YAMLDocument, into diagnostics: inout [Diagnostic]
    ) -> [String: String]? {
        guard let node else { return nil }
        guard let entries = node.entries else {
            diagnostics.append(yaml.error("\(what) must give a text per locale: {\(locales.map { "\($0): …" }.joined(separator: ", "))}", at: node))
            return nil
        }
        var names: [String: String] = [:]
        for (key, value) in entries {
            guard let locale = key.scalarText, locales.contains(locale) else {
                diagnostics.append(yaml.error("\(what): '\(key.scalarText ?? "?")' is not one of the locales \(locales)", at: key))
                continue
            }
            guard let text = value.scalarText, !text.trimmingSpaces.isEmpty else {
                diagnostics.append(yaml.error("\(what) in '\(locale)' must be a non-empty text", at: value))
                continue
            }
            names[locale] = text
        }
        for locale in locales where names[locale] == nil {
            diagnostics.append(yaml.error("\(what) has no '\(locale)' text; every locale needs its own", at: node))
        }
        return names
    }
}

extension String {
    /// `fr`, `en`, `pt-br`: lowercase language code with an optional region.
    var isLocaleCode: Bool {
        let parts = split(separator: "-", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count)
            && parts.allSatisfy { (2...3).contains($0.count) && $0.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
    }
}
