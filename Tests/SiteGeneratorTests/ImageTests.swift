import Foundation
import HelpModel
import HelpParser
import SiteGenerator
import Testing
import TestSupport

/// Images beside the content: the locale's own file wins over the shared one, the build copies
/// what articles show with their size read from the file, lazy after the first, each a link to
/// the full-size file; every problem is reported at the image in the `.md` file.
@Suite("Images")
struct ImageTests {
    static let french = frenchArticle(id: "captures", title: "Captures", body: """
        Le bouton : ![Le bouton Enregistrer](images/bouton.png "Enregistrer").

        ## Étapes

        Voir ![Le menu](images/menu.gif).
        """)

    static let english = """
        ---
        id: captures
        title: Screenshots
        updated: 2026-11-18
        category: account
        translates: {locale: fr, version: 1}
        ---

        The button: ![The Save button](images/bouton.png).

        ## Steps

        See ![The menu](images/menu.gif).
        """

    private func fixture() throws -> SiteFixture {
        let site = try SiteFixture(withSeed: false)
        try site.content.write("fr/captures.md", Self.french)
        try site.content.write("en/captures.md", Self.english)
        try site.content.write("fr/images/bouton.png", bytes: TestImages.png(width: 3, height: 2))
        try site.content.write("images/bouton.png", bytes: TestImages.png(width: 5, height: 5))
        try site.content.write("images/menu.gif", bytes: TestImages.gif(width: 4, height: 4))
        try site.content.write("images/orphan.webp", bytes: TestImages.webp(width: 8, height: 8))
        return site
    }

    @Test("pages show each image with its size, lazy after the first, linked to the full-size file")
    func rendered() throws {
        let site = try fixture()
        defer { site.remove() }
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        let page = try site.page("fr/captures/index.html")
        #expect(page.contains(
            #"<a class="image-link" href="../../fr/images/bouton.png"><img src="../../fr/images/bouton.png" alt="Le bouton Enregistrer" title="Enregistrer" width="3" height="2"></a>"#),
            "the locale's own screenshot wins, and the first image loads at once: \(page)")
        #expect(page.contains(
            #"<a class="image-link" href="../../images/menu.gif"><img src="../../images/menu.gif" alt="Le menu" width="4" height="4" loading="lazy"></a>"#))
        #expect(try site.page("en/captures/index.html").contains(#"<img src="../../images/bouton.png" alt="The Save button" width="5" height="5">"#))
        let files = try site.snapshotOfSite()
        #expect(files["fr/images/bouton.png"] == Data(TestImages.png(width: 3, height: 2)))
        #expect(files["images/bouton.png"] == Data(TestImages.png(width: 5, height: 5)))
        #expect(files["images/menu.gif"] != nil)
        #expect(files["images/orphan.webp"] == nil, "an image no article shows is not copied")
    }

    @Test("a translation showing the shared image while its source has its own, and an unused image, are warnings")
    func warnings() throws {
        let site = try fixture()
        defer { site.remove() }
        let warnings = try site.loadContent().diagnostics.filter { $0.severity == .warning }.map(\.formatted).sorted()
        #expect(warnings == [
            "content/en/captures.md:9:13: warning: image 'images/bouton.png' shows the shared content/images/bouton.png, but the fr source has its own screenshot content/fr/images/bouton.png; add content/en/images/bouton.png",
            "content/images/orphan.webp:1:1: warning: image is shown by no article; remove it, or show it as ![what it shows](images/orphan.webp)",
        ])
    }

    @Test("a shown image is a hard link to its content file, a copy when its file is not readable by all")
    func linkedOrCopied() throws {
        let site = try fixture()
        defer { site.remove() }
        let privateImage = site.content.root.appendingPathComponent("images/menu.gif").path
        #expect(chmod(privateImage, 0o600) == 0)
        #expect(try site.build().succeeded)
        func status(_ path: String) throws -> stat {
            var info = stat()
            try #require(stat(path, &info) == 0, "\(path) exists")
            return info
        }
        let shared = try status(site.content.root.appendingPathComponent("images/bouton.png").path)
        let published = try status(site.siteURL.appendingPathComponent("images/bouton.png").path)
        #expect(published.st_ino == shared.st_ino && published.st_nlink == 2, "linked: no second file")
        let copy = try status(site.siteURL.appendingPathComponent("images/menu.gif").path)
        #expect(copy.st_ino != (try status(privateImage)).st_ino, "a file only its owner may read is copied")
        #expect(copy.st_mode & 0o777 == 0o644, "the copy is readable by the web server")
        #expect(try site.snapshotOfSite()["images/menu.gif"] == Data(TestImages.gif(width: 4, height: 4)))
        // A rebuild after the file is replaced links the new file, atomically, and leaves no
        // temporary file behind; one with nothing changed keeps the link.
        #expect(try site.build().written == 0)
        try site.content.write("images/bouton.png", bytes: TestImages.png(width: 7, height: 7))
        #expect(try site.build().writtenPaths.contains("images/bouton.png"))
        #expect(try site.snapshotOfSite()["images/bouton.png"] == Data(TestImages.png(width: 7, height: 7)))
        let siteImages = try FileManager.default.contentsOfDirectory(atPath: site.siteURL.appendingPathComponent("images").path)
        #expect(siteImages.sorted() == ["bouton.png", "menu.gif"], "no temporary file left: \(siteImages)")
    }

    @Test("images are written like pages: unchanged ones are not rewritten, --clean keeps them")
    func incremental() throws {
        let site = try fixture()
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let again = try site.build()
        #expect(again.written == 0)
        try site.content.write("images/menu.gif", bytes: TestImages.gif(width: 6, height: 4))
        let edited = try site.build()
        #expect(Set(edited.writtenPaths) == ["images/menu.gif", "fr/captures/index.html", "en/captures/index.html"])
        #expect(try site.build(clean: true).succeeded)
        #expect(try site.snapshotOfSite()["images/menu.gif"] == Data(TestImages.gif(width: 6, height: 4)))
    }

    @Test("a watch reload that knows no image changed resolves an edited article's images as a full load does")
    func reloadWithImagesUnchanged() throws {
        let site = try fixture()
        defer { site.remove() }
        let loader = ContentLoader(workingDirectory: site.content.directory.path)
        var loaded = try site.loadContent()
        // The French article now shows the orphan, a missing file and an image without alt text.
        try site.content.write("fr/captures.md", Self.french.replacingOccurrences(
            of: "Voir ![Le menu](images/menu.gif).",
            with: "Voir ![Le menu](images/menu.gif), ![Autre](images/orphan.webp), ![Absente](images/absente.png), ![](images/bouton.png)."))
        loader.reload(["content/fr/captures.md"], in: &loaded, imagesUnchanged: true)
        let full = try site.loadContent()
        #expect(loaded.diagnostics.map(\.formatted) == full.diagnostics.map(\.formatted))
        #expect(loaded.diagnostics.contains { $0.formatted.contains("image 'images/absente.png' not found") })
        #expect(!loaded.diagnostics.contains { $0.formatted.contains("orphan.webp") }, "the orphan is shown now")
        #expect(loaded.articles.map(\.imageFiles) == full.articles.map(\.imageFiles))
        #expect(loaded.images.keys.sorted() == full.images.keys.sorted())
        #expect(loaded.articles.first { $0.locale == "en" }?.imageFiles["images/menu.gif"] == "content/images/menu.gif",
            "an article not read again keeps its images")
    }

    @Test("missing file, no alt text, too large, not an image, misnamed, active SVG: errors at the image")
    func errors() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        try content.write("fr/a.md", frenchArticle(body: """
            ![](images/bouton.png)

            ![Absente](images/absente.png)

            ![Texte](images/faux.png)

            ![Gros](images/gros.png)

            ![Nom](images/photo.png)

            ![Actif](images/actif.svg)
            """))
        try content.write("fr/images/bouton.png", bytes: TestImages.png(width: 1, height: 1))
        try content.write("fr/images/faux.png", "bonjour")
        try content.write("fr/images/gros.png", bytes: TestImages.png(width: 1, height: 1) + [UInt8](repeating: 0, count: 2 * 1024 * 1024))
        try content.write("fr/images/photo.png", bytes: TestImages.jpeg(width: 1, height: 1))
        try content.write("fr/images/actif.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\" onload=\"alert(1)\"></svg>")
        let loaded = try ContentLoader(workingDirectory: content.directory.path).load(root: "content")
        let errors = loaded.diagnostics.filter { $0.severity == .error }.sorted { $0.location < $1.location }
        #expect(errors.map { "\($0.location)" } == ["8:1", "10:1", "12:1", "14:1", "16:1", "18:1"], "\(errors.map(\.formatted))")
        let messages = errors.map(\.message)
        guard messages.count == 6 else { return }
        #expect(messages[0].hasPrefix("image 'images/bouton.png' has no alt text"))
        #expect(messages[1] == "image 'images/absente.png' not found: put it in content/fr/images/absente.png (this locale) or content/images/absente.png (every locale)")
        #expect(messages[2].contains("content/fr/images/faux.png is not an image the site can show"))
        #expect(messages[3].contains("content/fr/images/gros.png is 2.0 MiB, over the 2 MiB limit"))
        #expect(messages[4].contains("content/fr/images/photo.png holds a JPEG image but its name says otherwise; name it .jpg"))
        #expect(messages[5].contains("content/fr/images/actif.svg holds script"))
    }

    @Test("image-limit-mib in helpcenter.yml raises the size limit; a value out of range is an error at it")
    func sizeLimitSetting() throws {
        let content = try TemporaryContent()
        defer { content.remove() }
        try content.write("fr/a.md", frenchArticle(body: "![Gros](images/gros.gif)\n"))
        try content.write("fr/images/gros.gif", bytes: TestImages.gif(width: 1, height: 1) + [UInt8](repeating: 0, count: 3 * 1024 * 1024))
        func errors() throws -> [String] {
            try ContentLoader(workingDirectory: content.directory.path).load(root: "content").diagnostics
                .filter { $0.severity == .error }.map(\.formatted)
        }
        let strict = try errors()
        #expect(strict.count == 1 && strict[0].contains("3.0 MiB, over the 2 MiB limit") && strict[0].contains("raise image-limit-mib"), "\(strict)")
        let settings = content.root.appendingPathComponent("helpcenter.yml")
        let original = try String(contentsOf: settings, encoding: .utf8)
        try (original + "image-limit-mib: 4\n").write(to: settings, atomically: true, encoding: .utf8)
        #expect(try errors().isEmpty)
        try (original + "image-limit-mib: lots\n").write(to: settings, atomically: true, encoding: .utf8)
        #expect(try errors().contains { $0.contains("helpcenter.yml:") && $0.contains("image-limit-mib is a whole number of MiB from 1 to 50") })
    }
}
