/// A piece of visible product text that a step names: a button, a link, a field, a menu.
///
/// Labels carry where they were written, because when the product renames a button the checker
/// must point at the exact `file:line:column` to change.
public struct Label: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where the text of a label comes from.
    public enum Origin: Sendable, Hashable, Codable {
        /// Written in bold in the article, at this range of the article's file.
        case article(SourceRange)
        /// Implied by a phrase ("Saisissez votre mot de passe actuel" names the field
        /// "Mot de passe actuel"), written in the phrasebook at this file and range.
        case phrasebook(file: String, range: SourceRange)
    }

    public var text: String
    public var origin: Origin

    public init(_ text: String, origin: Origin) {
        self.text = text
        self.origin = origin
    }

    public var description: String { "\"\(text)\"" }
}
