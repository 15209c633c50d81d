@testable import HelpParser
import Testing

/// Section anchors: the same letters whichever path makes them (ASCII, Latin-1, Foundation).
@Suite("Slugs")
struct SlugTests {
    @Test("anchors of headings", arguments: [
        ("Comment réinitialiser votre mot de passe ?", "comment-reinitialiser-votre-mot-de-passe"),
        ("Anmeldedaten ändern – Überblick", "anmeldedaten-andern-uberblick"),
        ("¿Cómo restablecer su contraseña?", "como-restablecer-su-contrasena"),
        ("L’accès à l’extranet", "l-acces-a-l-extranet"),
        ("Straße und Maße", "strasse-und-masse"),
        ("Encyclopædia", "encyclop-dia"),  // Foundation does not decompose æ
        ("Change password (2/3)", "change-password-2-3"),
        ("Ελληνικά", "section"),  // no Latin letter left: the fallback name
        ("???", "section"),
    ])
    func anchors(title: String, anchor: String) {
        #expect(Slug.make(title) == anchor)
    }
}
