internal import HelpModel

/// `assets/brand.css`: the brand's primary colour in place of site.css's link, accent and
/// focus colours, for light pages and for dark ones.
enum BrandStylesheet {
    static func css(for brand: Brand) -> [UInt8] {
        var css = "/* Written by helpcenter build from brand: in helpcenter.yml. */\n"
        if let color = brand.primaryColor {
            css += ":root { --link: \(color); --accent: \(color); --focus: \(color); }\n"
        }
        if let color = brand.primaryColorDark {
            css += "@media (prefers-color-scheme: dark) {\n  :root { --link: \(color); --accent: \(color); --focus: \(color); }\n}\n"
        }
        return Array(css.utf8)
    }
}
