internal import Foundation

/// MkDocs Material icon and emoji shortcodes (`:material-cog:`, `:fontawesome-solid-gear:`):
/// like Liquid's icon tags, decoration the text already names.
enum Icons {
    static let families = ["material-", "fontawesome-", "octicons-", "simple-"]

    static func removed(from text: String) -> String {
        guard text.contains(":") else { return text }
        var result = ""
        var index = text.startIndex
        while let colon = text[index...].firstIndex(of: ":") {
            result += text[index..<colon]
            let after = text.index(after: colon)
            let name = text[after...].prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" })
            let end = name.endIndex
            if families.contains(where: { name.hasPrefix($0) }), end < text.endIndex, text[end] == ":" {
                index = text.index(after: end)
                if result.last == " " || result.isEmpty, index < text.endIndex, text[index] == " " { index = text.index(after: index) }
            } else {
                result.append(":")
                index = after
            }
        }
        return result + text[index...]
    }
}
