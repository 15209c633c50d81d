/// One UI label replaced in one locale, for the checker's drift tests: an engine started with
/// `--rename-label 'fr:Compte=Mon compte'` shows "Mon compte" wherever French pages said "Compte".
public struct LabelRename: Sendable, Equatable {
    public var locale: EngineLocale
    public var from: String
    public var to: String

    public init(locale: EngineLocale, from: String, to: String) {
        self.locale = locale
        self.from = from
        self.to = to
    }

    /// Parses `locale:current text=new text`; `nil` when the shape or the locale is wrong.
    public init?(argument: String) {
        guard let colon = argument.firstIndex(of: ":"),
            let locale = EngineLocale(rawValue: String(argument[..<colon])),
            let equals = argument[colon...].firstIndex(of: "=")
        else { return nil }
        let from = String(argument[argument.index(after: colon)..<equals])
        let to = String(argument[argument.index(after: equals)...])
        guard !from.isEmpty, !to.isEmpty else { return nil }
        self.init(locale: locale, from: from, to: to)
    }
}
