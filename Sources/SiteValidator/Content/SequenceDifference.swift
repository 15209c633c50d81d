/// The first place where two sequences that should match element for element part ways.
///
/// Used level by level (sections, procedures, steps) to find the first difference in a
/// translation's procedure shape; one element missing or added is told apart from one changed
/// by looking one element ahead.
enum SequenceDifference: Equatable {
    /// The translation lacks the source's element at `index`; its own element at `index`, if
    /// any, matches the source's next one.
    case missing(index: Int)
    /// The translation's element at `index` has no counterpart in the source.
    case extra(index: Int)
    /// Both have an element at `index`, and they differ.
    case changed(index: Int)

    static func first<Element: Equatable>(source: [Element], translation: [Element]) -> SequenceDifference? {
        let common = min(source.count, translation.count)
        guard let index = (0..<common).first(where: { source[$0] != translation[$0] }) else {
            if source.count > common { return .missing(index: common) }
            if translation.count > common { return .extra(index: common) }
            return nil
        }
        // One element out explains the whole rest best; failing that, the next one alone.
        if source.count > translation.count, source[(index + 1)...].elementsEqual(translation[index...]) {
            return .missing(index: index)
        }
        if translation.count > source.count, translation[(index + 1)...].elementsEqual(source[index...]) {
            return .extra(index: index)
        }
        if source.count > translation.count, source[index + 1] == translation[index] {
            return .missing(index: index)
        }
        if translation.count > source.count, translation[index + 1] == source[index] {
            return .extra(index: index)
        }
        return .changed(index: index)
    }
}
