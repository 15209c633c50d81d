/// The languages the extranet speaks; every page lives under `/{locale}/`.
///
/// The engine has its own catalog per locale (``Catalog``) and never reads the help content:
/// the checker compares the articles against what these pages show.
public enum EngineLocale: String, CaseIterable, Sendable, Codable {
    case fr, en, de, es

    /// French, the source language of the help center.
    public static let fallback: EngineLocale = .fr
}
