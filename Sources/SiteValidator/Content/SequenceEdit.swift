/// How one sequence became another, as a person describes it: elements added, removed, or
/// changed in place (a removal and an addition between the same unchanged neighbours).
enum SequenceEdit: Equatable {
    case added(new: Int)
    case removed(old: Int)
    case changed(old: Int, new: Int)

    /// The edits from `old` to `new`, in reading order, from the standard library's diff.
    static func edits<Element: Equatable>(from old: [Element], to new: [Element]) -> [SequenceEdit] {
        let difference = new.difference(from: old)
        // An element's gap is the number of unchanged elements before it, the same on both sides.
        var removed: [Int: [Int]] = [:]
        var added: [Int: [Int]] = [:]
        for (count, change) in difference.removals.enumerated() {
            if case .remove(let offset, _, _) = change { removed[offset - count, default: []].append(offset) }
        }
        for (count, change) in difference.insertions.enumerated() {
            if case .insert(let offset, _, _) = change { added[offset - count, default: []].append(offset) }
        }
        var edits: [SequenceEdit] = []
        for gap in Set(removed.keys).union(added.keys).sorted() {
            let olds = removed[gap] ?? []
            let news = added[gap] ?? []
            let paired = min(olds.count, news.count)
            edits += (0..<paired).map { .changed(old: olds[$0], new: news[$0]) }
            edits += olds.dropFirst(paired).map { .removed(old: $0) }
            edits += news.dropFirst(paired).map { .added(new: $0) }
        }
        return edits
    }
}
