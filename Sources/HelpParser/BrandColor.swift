internal import Foundation

/// WCAG 2 contrast for the brand colour: text on it and it as text must reach AA (4.5:1)
/// against the page it is used on.
enum BrandColor {
    /// The page backgrounds of site.css, light and dark; the primary colour is the link colour
    /// on them and the background of buttons whose text is that same background colour.
    static let lightBackground = "#ffffff"
    static let darkBackground = "#111418"
    static let minimumContrast = 4.5

    /// `#rgb` or `#rrggbb` (any case) as 8-bit channels; nil when it is not one.
    static func channels(_ text: String) -> (Int, Int, Int)? {
        guard text.hasPrefix("#") else { return nil }
        var hex = String(text.dropFirst())
        if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
        guard hex.count == 6, let value = Int(hex, radix: 16) else { return nil }
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }

    /// `#0b57d0`: the colour written the one way the stylesheet uses.
    static func normalized(_ text: String) -> String? {
        guard let (r, g, b) = channels(text) else { return nil }
        return "#" + [r, g, b].map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// Relative luminance (WCAG 2.x).
    static func luminance(_ text: String) -> Double? {
        guard let (r, g, b) = channels(text) else { return nil }
        func linear(_ channel: Int) -> Double {
            let value = Double(channel) / 255
            return value <= 0.040_45 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// The contrast ratio of two colours, 1 to 21.
    static func contrast(_ first: String, _ second: String) -> Double? {
        guard let a = luminance(first), let b = luminance(second) else { return nil }
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
