/// The one loop of the inline rewrites: a text copied with each construct a finder locates
/// replaced, the text between constructs kept as it is.
enum TextRewrite {
    /// - Parameters:
    ///   - find: the next construct at or after an index.
    ///   - range: where a construct stands in the text (it must not be empty).
    ///   - replace: appends what stands for the construct to the result; `index` is at the
    ///     construct's end, and may be moved further (an `<a>` takes its text up to `</a>`).
    static func replacing<Found>(
        in text: String, find: (String.Index) -> Found?, range: KeyPath<Found, Range<String.Index>>,
        replace: (Found, inout String, inout String.Index) -> Void
    ) -> String {
        var result = ""
        var index = text.startIndex
        while let found = find(index) {
            let place = found[keyPath: range]
            result += text[index..<place.lowerBound]
            index = place.upperBound
            replace(found, &result, &index)
        }
        return result + text[index...]
    }
}
