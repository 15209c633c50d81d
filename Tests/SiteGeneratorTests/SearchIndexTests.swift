import Foundation
import HelpModel
import HelpParser
@testable import SiteGenerator
import Testing
import TestSupport

/// The split search index as files: every locale's words stemmed and folded, weights by field,
/// files split by size, and an edit rewriting only the files it touches.
@Suite("Search index")
struct SearchIndexTests {
    static func article(_ locale: String, id: String, title: String, body: String, translates: Bool = false) -> String {
        let version = translates ? "translates: {locale: fr, version: 1}" : "version: 1"
        return "---\nid: \(id)\ntitle: \(title)\nupdated: 2026-11-18\ncategory: account\n\(version)\n---\n\n\(body)\n"
    }

    /// The stem a folded word is filed under in a locale's index.
    static func stem(of word: String, in files: String) -> String? {
        // "word":N, then the N-th [stem,df,"postings"] of the same file.
        for file in files.components(separatedBy: "\n") where file.contains("\"\(word)\":") {
            guard let wordRange = file.range(of: "\"\(word)\":") else { continue }
            let digits = file[wordRange.upperBound...].prefix { $0.isNumber }
            guard let number = Int(digits), let list = file.range(of: ",\"s\":[") else { continue }
            let entries = file[list.upperBound...].components(separatedBy: "],[")
            guard entries.indices.contains(number) else { continue }
            return entries[number].trimmingCharacters(in: CharacterSet(charactersIn: "[")).components(separatedBy: ",").first?
                .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    @Test("each locale's words go under their Snowball stem, folded; stop words are not indexed")
    func stemsPerLocale() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/a.md", Self.article("fr", id: "a", title: "Réinitialisation", body: "Pour réinitialiser le mot de passe."))
        try site.content.write("en/a.md", Self.article("en", id: "a", title: "Passwords", body: "Reset the password.", translates: true))
        try site.content.write("de/a.md", Self.article("de", id: "a", title: "Passwörter", body: "Das Passwort ändern.", translates: true))
        try site.content.write("es/a.md", Self.article("es", id: "a", title: "Contraseñas", body: "Cambiar la contraseña.", translates: true))
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        for (locale, forms) in [("fr", ["reinitialisation", "reinitialiser"]), ("en", ["passwords", "password"]),
                                ("de", ["passworter", "passwort"]), ("es", ["contrasenas", "contrasena"])] {
            let files = try site.searchFiles(locale)
            let stems = forms.map { Self.stem(of: $0, in: files) }
            #expect(stems[0] != nil && stems[0] == stems[1], "\(locale): \(forms) → \(stems)")
        }
        let french = try site.searchFiles("fr")
        #expect(!french.contains("\"le\":") && !french.contains("\"de\":"), "stop words")
        #expect(french.contains("\"mot\":") && french.contains("\"passe\":"))
    }

    @Test("words split at apostrophes and hyphens, a hyphenated word also kept whole; accented letters folded")
    func wordBoundaries() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/a.md", Self.article(
            "fr", id: "a", title: "Courriels", body: "Ouvrez l'e-mail reçu, puis l\u{2019}écran de pré\u{2011}réglage. ÉTÉ 2026."))
        #expect(try site.build().succeeded)
        let files = try site.searchFiles("fr")
        for word in ["email", "mail", "ouvrez", "recu", "ecran", "prereglage", "reglage", "2026"] {
            #expect(files.contains("\"\(word)\":"), "\(word) is indexed")
        }
        #expect(files.firstMatch(of: /"[le]":[0-9]/) == nil, "single letters are not words")
        #expect(files.firstMatch(of: /"ete":[0-9]/) == nil, "« été » is a stop word (a form of « être »)")
    }

    @Test("a word in the title weighs more than in a step, a UI label more than in a paragraph")
    func fieldWeights() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try site.content.write("fr/a.md", Self.article("fr", id: "a", title: "Factures", body: "## Exporter\n\n1. Cliquez sur **Télécharger**.\n\nTélécharger les anciennes factures aussi."))
        #expect(try site.build().succeeded)
        let files = try site.searchFiles("fr")
        func weights(_ word: String) -> [String: Int] {
            guard let stem = Self.stem(of: word, in: files), let start = files.range(of: "[\"\(stem)\",") else { return [:] }
            let postings = files[start.upperBound...].drop { $0 != "\"" }.dropFirst().prefix { $0 != "\"" }
            return Dictionary(uniqueKeysWithValues: postings.split(separator: " ").map { posting in
                let parts = posting.split(separator: ":")
                return (String(parts[0].split(separator: ".")[1]), Int(parts[1]) ?? 0)
            })
        }
        let factures = weights("factures")
        #expect((factures["0"] ?? 0) > (factures["1"] ?? 0), "title (top of the article) over body: \(factures)")
        #expect(weights("telecharger")["1"] ?? 0 > 0)
    }

    /// 160 French articles of 24 words each from a vocabulary of 44 nouns with numbers: enough
    /// words for the index to split into many term files.
    static func writeLargeLocale(_ site: SiteFixture) throws {
        let vocabulary = ["abonnement", "accès", "administrateur", "adresse", "annulation", "arrivée", "avis", "banque",
            "bloquer", "calendrier", "carte", "chambre", "client", "commission", "compte", "connexion", "contrat",
            "date", "départ", "disponibilité", "document", "établissement", "facture", "fermeture", "formulaire",
            "groupe", "horaire", "identifiant", "langue", "message", "modifier", "note", "offre", "paiement",
            "photo", "politique", "prix", "promotion", "réservation", "séjour", "service", "tarif", "taxe", "virement"]
        for number in 0..<160 {
            let words = (0..<24).map { vocabulary[(number * 7 + $0 * 3) % vocabulary.count] + String(number % 37) }
            try site.content.write("fr/a\(number).md", Self.article("fr", id: "a\(number)", title: "Article \(number)",
                body: "## Section\n\n" + words.joined(separator: " ") + "."))
        }
    }

    @Test("a large index is split by word prefix, and an edit rewrites only its files")
    func splitAndIncremental() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try Self.writeLargeLocale(site)
        let first = try site.build()
        #expect(first.succeeded, "\(first.diagnostics.map(\.formatted).prefix(3))")
        let termFiles = try site.snapshotOfSite().keys.filter { $0.hasPrefix("fr/search/terms/") }
        #expect(termFiles.count > 10, "split by prefix: \(termFiles.count) files")
        let manifest = try site.page("fr/search/index.js")
        for file in termFiles { #expect(manifest.contains(String(file.dropFirst("fr/search/".count)))) }

        // One new word: its term file, the manifest, the article's result file.
        let edited = try String(contentsOf: site.content.root.appendingPathComponent("fr/a7.md"), encoding: .utf8)
        try site.content.write("fr/a7.md", edited.replacingOccurrences(of: ".\n", with: " zygomatique.\n"))
        let edit = try site.build()
        let search = edit.writtenPaths.filter { $0.hasPrefix("fr/search/") && !$0.hasSuffix(".html") }
        let terms = search.filter { $0.hasPrefix("fr/search/terms/") }
        #expect(search.contains("fr/search/index.js"))
        #expect(search.filter { $0.hasPrefix("fr/search/docs/") }.count == 1, "its own result file: \(search)")
        #expect(!terms.isEmpty && terms.count <= 2, "\(terms) of \(termFiles.count) term files")
        #expect(edit.removed >= terms.count - 1, "the term files it replaced are gone")
    }

    @Test("result files exist for the buckets articles hash to, and only those: no empty file to write at 10,000 articles")
    func noEmptyResultFiles() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try Self.writeLargeLocale(site)
        #expect(try site.build().succeeded)
        let files = try site.snapshotOfSite()
        let manifest = try site.page("fr/search/index.js")
        let buckets = try #require(manifest.firstMatch(of: /"b":(\d+)/).flatMap { Int($0.1) })
        let articles = try site.loadContent().articles.filter { $0.locale == "fr" }
        let used = Set(SearchIndex.articleKeys(articles.map(\.id)).map { SearchIndex.bucket(ofKey: $0, count: buckets) })
        let written = Set(files.keys.filter { $0.hasPrefix("fr/search/docs/") })
        #expect(written == Set(used.map { "fr/search/docs/\($0).js" }), "one file per bucket an article is in")
        #expect(written.count < buckets, "160 articles in \(buckets) buckets leave some empty, and they have no file")
        for path in written {
            let text = try #require(files[path].map { String(decoding: $0, as: UTF8.self) })
            #expect(!text.hasSuffix(",{});\n"), "\(path) holds an article")
        }
    }

    @Test("watch mode updates a split index in place: each edit rewrites its few term files, and the site is a full build's")
    func watchModeUpdatesInPlace() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try Self.writeLargeLocale(site)
        try site.content.write("en/b.md", Self.article("en", id: "b", title: "Other locale", body: "Untouched words."))
        let loader = ContentLoader(workingDirectory: site.content.directory.path)
        var loaded = try site.loadContent()
        let live = LiveSite(output: site.siteURL.path)
        #expect(try live.rebuildAll(content: try #require(loaded.content)).succeeded)
        let termFiles = try site.snapshotOfSite().keys.filter { $0.hasPrefix("fr/search/terms/") }.count
        func text(_ file: String) throws -> String {
            try String(contentsOf: site.content.root.appendingPathComponent(file), encoding: .utf8)
        }
        // A word no article had; a word taken out of one of the articles that have it; a word
        // repeated (its weight changes); a whole body replaced; two articles at once.
        // With the most term files each may rewrite: those of the words it adds or removes and
        // of the other words of their stems (a body replaced touches the files of 24 words).
        let edits: [(files: [String], change: (String) -> String, termFiles: Int)] = [
            (["fr/a7.md"], { $0.replacingOccurrences(of: ".\n", with: " zygomatique.\n") }, 1),
            (["fr/a7.md"], { $0.replacingOccurrences(of: " zygomatique", with: "") }, 0),  // "z" removed
            (["fr/a12.md"], { $0.replacingOccurrences(of: "Section\n\n", with: "Section\n\nbanque12 banque12 ") }, 1),
            (["fr/a40.md"], { $0.components(separatedBy: "## Section")[0] + "## Autre\n\nUn texte tout nouveau, sans rapport.\n" }, 30),
            (["fr/a1.md", "fr/a150.md"], { $0.replacingOccurrences(of: "Article", with: "Fiche") }, 3),
        ]
        for (number, edit) in edits.enumerated() {
            for file in edit.files { try site.content.write(file, edit.change(try text(file))) }
            let changed = Set(edit.files.map { "content/" + $0 })
            loaded = loader.reload(changed, in: loaded)
            let report = try live.update(content: try #require(loaded.content), changedFiles: changed)
            #expect(report.succeeded, "edit \(number)")
            let terms = report.writtenPaths.filter { $0.hasPrefix("fr/search/terms/") }
            #expect(terms.count <= edit.termFiles && terms.count + report.removed > 0,
                "edit \(number): \(terms.count) of \(termFiles) term files written, \(report.removed) removed")
            #expect(!report.writtenPaths.contains { $0.hasPrefix("en/search/") }, "edit \(number): the other locale's index stays")
            let afterLive = try site.snapshotOfSite()
            #expect(try site.build(clean: true).succeeded)
            let full = try site.snapshotOfSite()
            #expect(full.keys.sorted() == afterLive.keys.sorted(), "edit \(number): the same files as a full build")
            for (path, bytes) in full where afterLive[path] != bytes { Issue.record("edit \(number): \(path) differs from a full build's") }
        }
    }

    @Test("an update rewrites only the files it names, and they are the files a fresh index makes")
    func updateNamesItsFiles() throws {
        let site = try SiteFixture(withSeed: false)
        defer { site.remove() }
        try Self.writeLargeLocale(site)
        func documents(_ articles: [Article]) -> [ArticleSearchDocuments] {
            let tally = StemTally(tokenizer: SearchTokenizer(locale: "fr"))
            return articles.map { ArticleSearchDocuments(article: $0, category: "Compte", tally: tally) }
        }
        func bytes(_ index: SearchIndex) -> [String: [UInt8]] {
            Dictionary(uniqueKeysWithValues: index.files.map { ($0.path, $0.render()) })
        }
        let before = try site.loadContent().articles.filter { $0.locale == "fr" }
        let ids = before.map(\.id)
        let postings = LocalePostings(articles: documents(before), ids: ids, vocabulary: nil, keepingState: true)
        let first = bytes(SearchIndex(locale: "fr", postings: postings))
        let edited = try #require(before.firstIndex { $0.id == "a7" })
        let text = try String(contentsOf: site.content.root.appendingPathComponent("fr/a7.md"), encoding: .utf8)
        try site.content.write("fr/a7.md", text.replacingOccurrences(of: ".\n", with: " zygomatique banque7.\n"))
        let after = try site.loadContent().articles.filter { $0.locale == "fr" }
        let stems = try #require(postings.update([(edited, documents(after)[edited])]), "the average length stays")
        let updated = SearchIndex(locale: "fr", postings: postings, changedStems: stems, changedArticles: [edited])
        let fresh = bytes(SearchIndex(locale: "fr", postings: LocalePostings(
            articles: documents(after), ids: ids, vocabulary: nil, keepingState: false)))
        #expect(bytes(updated) == fresh, "the same files as an index made anew")
        let changed = try #require(updated.changedFiles, "an update knows its files")
        let differing = Set(fresh.keys.filter { first[$0] != fresh[$0] })
        #expect(changed == differing, "exactly the new or changed files: \(changed.sorted()) against \(differing.sorted())")
        #expect(changed.count <= 4, "the manifest, a result file, the term files of z and b: \(changed.sorted())")
    }
}
