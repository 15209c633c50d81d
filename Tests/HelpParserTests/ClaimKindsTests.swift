import Foundation
import HelpModel
import HelpParser
import Testing
import TestSupport

/// The claims of the password rules, the reset link and its e-mails, the invitation and the
/// session: each locale's phrasebook finds them in the shipped articles (table cells included),
/// with the number's — or the quoted example's — exact range.
@Suite("Claim kinds of the password, link and session facts")
struct ClaimKindsTests {
    /// kind, the value as written, and the text around it exactly as the locale's article has it.
    static let stated: [String: [(Claim.Kind, String, String)]] = [
        "fr": [
            (.passwordMinLength, "8", "| Au moins 8 caractères"), (.passwordMinLength, "8", "contenir au moins 8 caractères"),
            (.passwordMaxLength, "128", "| Au plus 128 caractères"), (.passwordMaxLength, "128", "contenir au plus 128 caractères"),
            (.commonPasswordRefused, "motdepasse", "comme « motdepasse »"),
            (.resetLinkHours, "1", "réinitialisation est valable 1 heure"), (.resetEmailsPerHour, "3", "en recevoir 3 par heure"),
            (.resetLinkHours, "1", "lien de l'e-mail est valable 1 heure"), (.invitationDays, "7", "Son lien est valable 7 jours"),
            (.sessionHours, "12", "12 heures après la connexion"),
        ],
        "en": [
            (.passwordMinLength, "8", "| At least 8 characters"), (.passwordMinLength, "8", "have at least 8 characters"),
            (.passwordMaxLength, "128", "| At most 128 characters"), (.passwordMaxLength, "128", "have at most 128 characters"),
            (.commonPasswordRefused, "password1", "such as \"password1\""),
            (.resetLinkHours, "1", "reset link works for 1 hour"), (.resetEmailsPerHour, "3", "at most 3 of them per hour"),
            (.resetLinkHours, "1", "link in the email works for 1 hour"), (.invitationDays, "7", "Its link works for 7 days"),
            (.sessionHours, "12", "12 hours after you signed in"),
        ],
        "de": [
            (.passwordMinLength, "8", "| Mindestens 8 Zeichen"), (.passwordMinLength, "8", "muss mindestens 8 Zeichen"),
            (.passwordMaxLength, "128", "| Höchstens 128 Zeichen"), (.passwordMaxLength, "128", "darf höchstens 128 Zeichen"),
            (.commonPasswordRefused, "passwort1", "wie „passwort1“"),
            (.resetLinkHours, "1", "Zurücksetzen ist 1 Stunde gültig"), (.resetEmailsPerHour, "3", "höchstens 3 solcher Links pro Stunde"),
            (.resetLinkHours, "1", "Link in der E-Mail ist 1 Stunde gültig"), (.invitationDays, "7", "Ihr Link ist 7 Tage gültig"),
            (.sessionHours, "12", "Sitzung 12 Stunden nach der Anmeldung"),
        ],
        "es": [
            (.passwordMinLength, "8", "| Al menos 8 caracteres"), (.passwordMinLength, "8", "tener al menos 8 caracteres"),
            (.passwordMaxLength, "128", "| Como máximo 128 caracteres"), (.passwordMaxLength, "128", "tener como máximo 128 caracteres"),
            (.commonPasswordRefused, "contrasena1", "como «contrasena1»"),
            (.resetLinkHours, "1", "restablecimiento es válido durante 1 hora"), (.resetEmailsPerHour, "3", "como máximo 3 por hora"),
            (.resetLinkHours, "1", "enlace del correo es válido durante 1 hora"), (.invitationDays, "7", "Su enlace es válido durante 7 días"),
            (.sessionHours, "12", "12 horas después de iniciarla"),
        ],
    ]

    static let newKinds: Set<Claim.Kind> = [
        .passwordMinLength, .passwordMaxLength, .commonPasswordRefused, .resetLinkHours, .resetEmailsPerHour,
        .invitationDays, .sessionHours,
    ]

    @Test("every new pattern finds its sentence in the locale's articles, at the value's range", arguments: ["fr", "en", "de", "es"])
    func foundInEveryLocale(locale: String) throws {
        let loaded = try ContentLoader(workingDirectory: repositoryRoot.path).load(root: "content")
        let articles = loaded.articles.filter { $0.locale == locale }
        let found = articles.flatMap { article in
            article.claims.filter { Self.newKinds.contains($0.kind) }.map {
                "\(article.file):\($0.range) \($0.kind.rawValue) \($0.value)"
            }
        }
        var expected: [String] = []
        for (kind, value, context) in try #require(Self.stated[locale]) {
            let places = try articles.flatMap { article in
                try Self.places(of: context, in: article.file).map { (article.file, $0) }
            }
            #expect(places.count == 1, "\(context): \(places.count) places")
            guard let (file, place) = places.first, let offset = context.range(of: value) else { continue }
            let column = place.column + context[..<offset.lowerBound].unicodeScalars.count
            expected.append("\(file):\(place.line):\(column)-\(place.line):\(column + value.unicodeScalars.count - 1) \(kind.rawValue) \(value)")
        }
        #expect(found.sorted() == expected.sorted())
        #expect(Set(found.map { $0.split(separator: " ")[1] }).count == Self.newKinds.count)
    }

    @Test("table cells hold claims; {password} reads one quoted word, never two")
    func tableCellsAndExamples() throws {
        let (article, diagnostics) = try ChecksAndClaimsTests.article(
            "",
            body: """
                | Règle |
                | --- |
                | Au moins 10 caractères |
                | Pas un mot de passe trop courant, comme « Soleil123 » |
                | Pas un mot de passe trop courant, comme « deux mots » |

                """)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.formatted))")
        #expect(article?.claims.map { "\($0.kind.rawValue) \($0.value) @\($0.range) \($0.text)" } == [
            "password-min-length 10 @10:12-10:13 Au moins 10 caractères",
            "common-password-refused Soleil123 @11:45-11:53 trop courant, comme « Soleil123 »",
        ])
        #expect(article?.claims.last?.value == .password("Soleil123"))
        #expect(article?.claims.first?.number == 10)
    }

    @Test("a pattern with the other kind's slot, or a {password} with nothing after it, is an error at the phrase")
    func badSlots() throws {
        let content = try TemporaryContent(locales: ["fr"])
        defer { content.remove() }
        let phrasebook = try String(contentsOf: content.root.appendingPathComponent("fr/phrasebook.yml"), encoding: .utf8)
        let lines = phrasebook.split(separator: "\n", omittingEmptySubsequences: false).count
        try content.write(
            "fr/phrasebook.yml",
            phrasebook
                + "  - claim: \"comme {n}\"\n    kind: common-password-refused\n"
                + "  - claim: \"comme « {password}\"\n    kind: common-password-refused\n"
                + "  - claim: \"{password} heures\"\n    kind: session-hours\n")
        let result = try ContentLoader(workingDirectory: content.directory.path).load(root: "content")
        let example = "a common-password-refused phrase holds the example's place once, as {password}, followed by the words that end it"
        #expect(result.diagnostics.filter { $0.file.hasSuffix("phrasebook.yml") }.map(\.formatted) == [
            "content/fr/phrasebook.yml:\(lines):12: error: \(example)",
            "content/fr/phrasebook.yml:\(lines + 2):12: error: \(example)",
            "content/fr/phrasebook.yml:\(lines + 4):12: error: a claim phrase holds the number's place once, as {n}",
        ])
    }

    /// Where `needle` starts in the repository file `file`, as 1-based line and scalar column.
    static func places(of needle: String, in file: String) throws -> [HelpModel.SourceLocation] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(file), encoding: .utf8)
        var found: [HelpModel.SourceLocation] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let range = rest.range(of: needle) {
                found.append(HelpModel.SourceLocation(line: offset + 1, column: line[..<range.lowerBound].unicodeScalars.count + 1))
                rest = rest[range.upperBound...]
            }
        }
        return found
    }
}
