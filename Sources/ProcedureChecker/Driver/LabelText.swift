/// How a label in an article is compared with a text on a page: exactly, except for what a
/// writer cannot see or does not choose — runs of whitespace, the case of the first letter and
/// the apostrophe (’ or ').
///
/// Nothing fuzzier: "Compte" does not match "Mon compte", so a renamed button is a failure.
enum LabelText {
    static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" ") }
            pendingSpace = false
            switch scalar {
            case "\u{2019}", "\u{2018}", "\u{02BC}": scalars.append("'")
            default: scalars.append(scalar)
            }
        }
        var result = String(scalars)
        if let first = result.first {
            result = first.lowercased() + result.dropFirst()
        }
        return result
    }

    static func matches(_ pageText: String, _ label: String) -> Bool {
        normalize(pageText) == normalize(label)
    }
}
