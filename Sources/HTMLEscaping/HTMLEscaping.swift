/// Escaping for HTML text and quoted attribute values, shared by the servers that write HTML
/// around what people send them (the engine, the feedback collector, the preview). One
/// function, so a fix reaches every page that shows a reader's or a user's words.
///
/// The site generator writes bytes and has its own byte-level escaping (`HTMLBuffer`).
public enum HTMLEscaping {
    /// `& < > " '` become entities, so the result is safe as element text and inside a quoted
    /// attribute value alike; everything else is kept. A string with none of them is returned
    /// as it is, without copying.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
