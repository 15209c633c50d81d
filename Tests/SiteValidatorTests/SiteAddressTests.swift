@testable import SiteValidator
import Testing

@Suite("Resolving links as the published site would")
struct SiteAddressTests {
    let site = SiteAddress(baseURL: "https://help.example.com/")

    @Test(
        "Relative, root-relative, absolute and protocol-relative references",
        arguments: [
            ("../../assets/site.css", SiteAddress.Target.site(path: "assets/site.css", fragment: nil)),
            ("../", .site(path: "en/", fragment: nil)),
            ("./", .site(path: "en/x/", fragment: nil)),
            ("../x/./y/../z.html", .site(path: "en/x/z.html", fragment: nil)),
            ("/fr/", .site(path: "fr/", fragment: nil)),
            ("https://help.example.com/fr/a/#b", .site(path: "fr/a/", fragment: "b")),
            ("HTTPS://Help.Example.com/fr/", .site(path: "fr/", fragment: nil)),
            ("//help.example.com/x", .site(path: "x", fragment: nil)),
            ("search/?q=a#r", .site(path: "en/x/search/", fragment: "r")),
            ("a%20b.html", .site(path: "en/x/a b.html", fragment: nil)),
            ("#top", .samePage(fragment: "top")),
            ("https://help.example.com.evil.example/", .elsewhere),
            ("https://other.example/", .elsewhere),
            ("//cdn.example.net/x.js", .elsewhere),
            ("mailto:support@example.com", .elsewhere),
            ("../../../x", .outsideSite),
        ])
    func resolves(reference: String, target: SiteAddress.Target) {
        #expect(site.resolve(reference, fromPage: "en/x/") == target)
    }

    @Test("A site under a path: root-relative links must stay under it")
    func basePath() {
        let nested = SiteAddress(baseURL: "https://example.com/help")
        #expect(nested.basePath == "/help/")
        #expect(nested.resolve("/help/fr/", fromPage: "") == .site(path: "fr/", fragment: nil))
        #expect(nested.resolve("/fr/", fromPage: "") == .outsideSite)
        #expect(nested.resolve("../", fromPage: "fr/") == .site(path: "", fragment: nil))
        #expect(nested.resolve("../../", fromPage: "fr/") == .outsideSite)
    }
}
