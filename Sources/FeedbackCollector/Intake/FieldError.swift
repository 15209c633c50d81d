/// One problem with one field of a vote, as the 400 answer lists it. `field` is the name the
/// client sent (escaped wherever it is shown); `body` when no field name can be told.
struct FieldError: Sendable, Encodable, Equatable {
    let field: String
    let message: String
}

extension FieldError {
    /// A client's text for a message: cut to 40 characters, in quotes (still to be escaped).
    static func quoted(_ text: String) -> String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "“\(shown)”"
    }
}
