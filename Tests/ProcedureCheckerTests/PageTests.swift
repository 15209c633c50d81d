import Testing

@testable import ProcedureChecker

/// Finding controls the way a person does: by visible text or accessible name, with nothing
/// fuzzier than whitespace, the first letter's case and the apostrophe folded.
@Suite("Page finders")
struct PageTests {
    static let html = """
        <html><body><header><nav aria-label="Menu"><ul><li><a href="/fr/account">Compte</a></li></ul></nav></header>
        <main><h1>Utilisateurs</h1>
        <p><a href="/fr/add">Ajouter   un
          utilisateur</a></p>
        <table><tr><td>Ancien</td><td>old-1</td><td><a href="/fr/users/1">Gérer</a></td></tr>
        <tr><td>Marie</td><td>marie</td><td><a href="/fr/users/2">Gérer</a></td></tr></table>
        <form method="post" action="/fr/invite"><input type="hidden" name="csrf" value="t">
        <p><label for="f-name">Nom d'utilisateur</label><input id="f-name" name="name" type="text"></p>
        <fieldset><legend>Hôtel 1</legend><input type="checkbox" id="r1" name="rights" value="rates">
        <label for="r1">Tarifs</label></fieldset>
        <button type="submit">Envoyer l'invitation</button></form>
        <button type="submit" aria-label="Fermer">×</button>
        </main></body></html>
        """

    static func page() -> Page {
        Page(path: "/fr/account/users", status: 200, bytes: Array(html.utf8), redirected: false)
    }

    @Test("whitespace, the first letter's case and ’/' are folded; nothing else")
    func normalisation() {
        #expect(LabelText.matches("Envoyer l’invitation", "envoyer l'invitation"))
        #expect(LabelText.matches("  Ajouter\n un  utilisateur ", "Ajouter un utilisateur"))
        #expect(!LabelText.matches("Mon compte", "Compte"))
        #expect(!LabelText.matches("ENVOYER", "Envoyer"))
        #expect(!LabelText.matches("Envoyer l'invitation.", "Envoyer l'invitation"))
    }

    @Test("links and buttons by text or aria-label, narrowed to a group or a row")
    func controls() {
        let page = Self.page()
        #expect(page.control("compte") == .link(href: "/fr/account"))
        #expect(page.control("Compte", within: "Menu") == .link(href: "/fr/account"))
        #expect(page.control("Compte", within: "Autre") == nil)
        #expect(page.control("Ajouter un utilisateur") == .link(href: "/fr/add"))
        #expect(page.control("Gérer", rowShowing: "old-1") == .link(href: "/fr/users/1"))
        #expect(page.control("Gérer", rowShowing: "marie") == .link(href: "/fr/users/2"))
        #expect(page.control("Gérer", rowShowing: "paul") == nil)
        #expect(page.control("Fermer") != nil)
        if case .toggle = page.control("Tarifs", within: "Hôtel 1") {} else { Issue.record("Tarifs is a checkbox in Hôtel 1") }
        #expect(page.controlLabels.contains("Envoyer l'invitation"))
    }

    @Test("fields by their label; a form sends hidden fields, typed values and ticked boxes")
    func formSubmission() throws {
        var page = Self.page()
        let field = try #require(page.field("Nom d’utilisateur"))
        page.type("paul", into: field)
        guard case .toggle(let box) = page.control("Tarifs") else {
            Issue.record("no checkbox")
            return
        }
        page.setChecked(box, true)
        guard case .button(let button) = page.control("Envoyer l’invitation") else {
            Issue.record("no button")
            return
        }
        let request = try #require(page.submission(of: button))
        #expect(request.action == "/fr/invite")
        #expect(request.method == "POST")
        #expect(request.fields.map { "\($0.name)=\($0.value)" } == ["csrf=t", "name=paul", "rights=rates"])
    }

    @Test("cookies: stored, replaced, removed by Max-Age=0")
    func cookies() {
        var jar = CookieJar()
        jar.store("hc_browser=abc; Path=/; HttpOnly")
        jar.store("hc_session=s1; Path=/; HttpOnly; SameSite=Lax")
        #expect(jar.header == "hc_browser=abc; hc_session=s1")
        jar.store("hc_session=; Max-Age=0; Path=/")
        #expect(jar.header == "hc_browser=abc")
    }
}
