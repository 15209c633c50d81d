internal import HelpModel

/// What changed in a source article between two versions, in the terms a translator acts on:
/// sections added or removed (by anchor), procedures and steps added, removed or changed.
///
/// A step changed when its sentence's text or its kinds of action did; prose outside the steps
/// is not compared.
struct SourceChanges {
    /// Phrases such as `added section "…"`, `changed step 3 of the procedure in "…"`, in reading order.
    var items: [String] = []

    init(from old: Article, to new: Article) {
        let oldParts = old.parts
        let newParts = new.parts
        let oldByAnchor = Dictionary(oldParts.map { ($0.anchor, $0) }, uniquingKeysWith: { first, _ in first })
        let newAnchors = Set(newParts.map(\.anchor))
        for part in newParts {
            guard let previous = oldByAnchor[part.anchor] else {
                items.append("added section \(part.name)")
                continue
            }
            compareProcedures(previous, part)
        }
        for part in oldParts where !newAnchors.contains(part.anchor) {
            items.append("removed section \(part.name)")
        }
    }

    /// `since version 1 the source added section "…", changed step 3 of …`.
    func summary(sinceVersion version: Int) -> String {
        guard !items.isEmpty else {
            return "since version \(version) the source changed no section or step, only other text"
        }
        return "since version \(version) the source " + items.joined(separator: ", ")
    }

    private struct StepKey: Equatable {
        var text: String
        var kinds: [Action.Kind]
    }

    private static func key(_ step: Step) -> StepKey {
        StepKey(text: step.sentence.plainText, kinds: step.actions.map(\.kind))
    }

    private mutating func compareProcedures(_ old: ArticlePart, _ new: ArticlePart) {
        let oldKeys = old.procedures.map { $0.steps.map(Self.key) }
        let newKeys = new.procedures.map { $0.steps.map(Self.key) }
        for edit in SequenceEdit.edits(from: oldKeys, to: newKeys) {
            switch edit {
            case .added(let index):
                items.append("added procedure \(index + 1) to \(new.name)")
            case .removed(let index):
                items.append("removed procedure \(index + 1) from \(old.name)")
            case .changed(let oldIndex, let newIndex):
                compareSteps(oldKeys[oldIndex], newKeys[newIndex], in: new.procedureName(newIndex))
            }
        }
    }

    private mutating func compareSteps(_ old: [StepKey], _ new: [StepKey], in procedure: String) {
        for edit in SequenceEdit.edits(from: old, to: new) {
            switch edit {
            case .added(let index): items.append("added step \(index + 1) to \(procedure)")
            case .removed(let index): items.append("removed step \(index + 1) from \(procedure)")
            case .changed(_, let index): items.append("changed step \(index + 1) of \(procedure)")
            }
        }
    }
}
