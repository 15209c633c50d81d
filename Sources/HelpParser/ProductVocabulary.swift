internal import Foundation
public import HelpModel

/// The words of one product that its steps use without bold: the places people work in ("in the
/// Web Vault", "from your Admin Console") and the labels its screens show ("from the Tools menu").
///
/// Kept in `content/<locale>/vocabulary.yml`, apart from the phrasebook, because the grammar is
/// the language's and the vocabulary is the product's: `helpcenter import` writes it from the bold
/// labels it saw (``ProductVocabulary/yaml(labels:places:locale:)``), and a second product keeps
/// the same phrasebook. Each name becomes a place of the step grammar (it says where, adds no
/// action), so a step naming one still reads as exactly one thing to do.
public struct ProductVocabulary: Sendable, Equatable {
    /// The file name inside a locale folder.
    public static let fileName = "vocabulary.yml"

    /// Nouns naming where the reader works: "Web Vault", "Browser Extension".
    public var places: [String]
    /// Labels the product shows, as the import saw them in bold: "Settings", "Tools".
    public var labels: [String]
    /// Labels of the product's text fields: "Enter your **Master Password**" types text into one.
    /// The import writes those its steps fill; a field with a kind of value the checker knows
    /// (a username, a new password) belongs in the phrasebook's `fields:` instead.
    public var fields: [String]
    /// Where each field is written, and the file: where the grammar's field says it comes from.
    /// Not part of the value: two files with the same names are the same vocabulary.
    var fieldLocations: [String: SourceLocation] = [:]
    var file: String?

    public static func == (lhs: ProductVocabulary, rhs: ProductVocabulary) -> Bool {
        lhs.places == rhs.places && lhs.labels == rhs.labels && lhs.fields == rhs.fields
    }

    public init(places: [String] = [], labels: [String] = [], fields: [String] = []) {
        self.places = places
        self.labels = labels
        self.fields = fields
    }

    /// A vocabulary file's names, with every bad entry reported at its line and column and
    /// left out: what `helpcenter import` merges its labels into.
    public static func read(text: String, file: String) -> (ProductVocabulary, [Diagnostic]) {
        ProductVocabularyLoader.load(text: text, file: file)
    }

    /// The file text for `labels`, `places` and `fields`, sorted and without repeats, that
    /// ``read(text:file:)`` reads back; for the importer, which collects the labels of the
    /// articles it converts and the fields their steps fill.
    public static func yaml(labels: [String], places: [String] = [], fields: [String] = [], locale: String) -> String {
        func list(_ names: [String]) -> String {
            let unique = Set(names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            guard !unique.isEmpty else { return " []\n" }
            return "\n" + unique.sorted().map { "  - \"\(escaped($0))\"\n" }.joined()
        }
        return """
            # Product vocabulary (\(locale)): names steps use without bold, read as places ("in the Web Vault",
            # "from the Tools menu"). places: where people work; labels: what the product's screens show;
            # fields: labels of text fields the steps type into ("Enter your **Master Password**").
            places:\(list(places))labels:\(list(labels))fields:\(list(fields))
            """
    }

    private static func escaped(_ name: String) -> String {
        name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
