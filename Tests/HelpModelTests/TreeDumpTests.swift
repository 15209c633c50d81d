import HelpModel
import Testing

@Suite("Model tree dump and shape")
struct TreeDumpTests {
    static func range(_ line: Int, _ start: Int, _ end: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: line, column: start), end: SourceLocation(line: line, column: end))
    }

    static let article: Article = {
        let label = Label("Compte", origin: .article(range(9, 16, 21)))
        let field = Label("Mot de passe actuel", origin: .phrasebook(file: "fr/phrasebook.yml", range: range(4, 16, 16)))
        let steps = [
            Step(sentence: [Inline(.text("Connectez-vous."), range: range(8, 4, 18))], sentenceRange: range(8, 4, 18),
                 actions: [.signIn], details: [], range: range(8, 1, 18)),
            Step(sentence: [Inline(.text("Cliquez sur "), range: range(9, 4, 15)), Inline(.strong([Inline(.text("Compte"), range: range(9, 16, 21))]), range: range(9, 14, 23))],
                 sentenceRange: range(9, 4, 24),
                 actions: [.click(Action.Target(label)), .fill(Action.Field(label: field, value: .currentPassword))],
                 details: [], range: range(9, 1, 24)),
        ]
        let section = Section(
            level: 2, anchor: "titre", title: [Inline(.text("Titre \"A\""), range: range(6, 4, 12))],
            blocks: [.procedure(Procedure(start: 1, steps: steps, range: SourceRange(start: SourceLocation(line: 8, column: 1), end: SourceLocation(line: 9, column: 24))))],
            headingRange: range(6, 1, 12), range: range(6, 1, 12))
        let frontMatter = FrontMatter(
            id: "a", title: "T", updated: CalendarDay(year: 2026, month: 11, day: 18)!, category: "account", slug: "a",
            version: 2, translates: nil, keyLocations: [:])
        return Article(file: "fr/a.md", locale: "fr", frontMatter: frontMatter, intro: [], sections: [section])
    }()

    @Test("the dump shows every node with its range, one per line")
    func dump() {
        #expect(Self.article.treeDump == """
            Article fr/a.md id=a locale=fr
            ├─ FrontMatter title="T" updated=2026-11-18 category=account slug=a version=2
            └─ Section h2 #titre "Titre \\"A\\"" @6:1-6:12
               └─ Procedure start=1 steps=2 loose @8:1-9:24
                  ├─ Step 1 @8:1-8:18 "Connectez-vous."
                  │  └─ sign-in
                  └─ Step 2 @9:1-9:24 "Cliquez sur Compte"
                     ├─ click "Compte" @9:16-9:21
                     └─ fill "Mot de passe actuel" (fr/phrasebook.yml:4:16) with current-password
            """)
    }

    @Test("procedure shape is the action kinds step by step")
    func shape() {
        #expect(Self.article.procedureShape == [[[.signIn], [.click, .fill]]])
        #expect(Self.article.procedures.first?.steps[1].actions.flatMap(\.labels).map(\.text) == ["Compte", "Mot de passe actuel"])
    }

    @Test("plain text drops markup but keeps words and breaks as spaces")
    func plainText() {
        let inlines = [
            Inline(.text("Cliquez"), range: Self.range(1, 1, 7)), Inline(.softBreak, range: Self.range(1, 8, 8)),
            Inline(.emphasis([Inline(.code("ici"), range: Self.range(2, 2, 4))]), range: Self.range(2, 1, 5)),
        ]
        #expect(inlines.plainText == "Cliquez ici")
    }
}
