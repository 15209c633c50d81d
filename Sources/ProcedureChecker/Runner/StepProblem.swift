internal import HelpModel

/// Why an action or a probe could not be done, and which label of the article (or of the
/// phrasebook) it is about, when it is about one.
struct StepProblem: Error {
    var message: String
    var label: Label?

    init(_ message: String, label: Label? = nil) {
        self.message = message
        self.label = label
    }
}
