import HTMLReader
import Testing

@Suite("Reading HTML back with libxml2")
struct HTMLDocumentTests {
    @Test("HTML5 elements are not errors; nodes come in document order with their subtree")
    func readsHTML5() {
        let page = HTMLDocument(
            parsing: """
                <!DOCTYPE html>
                <html lang="fr"><head><title>T</title></head>
                <body><header><nav aria-label="x"><a href="/a/">Un <b>lien</b></a></nav></header>
                <main><h1 id="t">Titre</h1><p>Texte</p></main></body></html>
                """)
        #expect(page.errors.isEmpty)
        let links = page.elements(named: "a")
        #expect(links.count == 1)
        let link = page.nodes[links[0]]
        #expect(page.attribute("href", of: links[0]) == "/a/")
        #expect(page.attributes(of: links[0]).map(\.name) == ["href"])
        #expect(link.line == 3)
        #expect(page.text(of: links[0]) == "Un lien")
        #expect(page.ancestors(of: links[0]).map { page.nodes[$0].name } == ["nav", "header", "body", "html"])
        let main = page.elements(named: "main")[0]
        #expect(page.descendants(of: main).map { page.nodes[$0].name } == ["h1", "p"])
        #expect(page.column(of: "href=\"/a/\"", onLine: 3) == 38)
    }

    @Test("Broken markup and unknown elements are reported at their line and column")
    func reportsErrors() {
        let page = HTMLDocument(parsing: "<html><body>\n<p>ok</p>\n<blink>old</blink>\n<p>a &bogus b</p></body></html>")
        let messages = page.errors.map { "\($0.line):\($0.column) \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("3:") && $0.contains("Tag blink invalid") }, "\(messages)")
    }

    @Test("Deep nesting is read without recursion, 100,000 levels included")
    func deepNesting() {
        func nested(_ depth: Int) -> HTMLDocument {
            HTMLDocument(
                parsing: "<html><body>" + String(repeating: "<div>", count: depth) + "x"
                    + String(repeating: "</div>", count: depth) + "</body></html>")
        }
        let deep = nested(200)
        #expect(deep.errors.isEmpty)
        #expect(deep.elements(named: "div").count == 200)
        #expect(deep.text(of: 0) == "x")
        #expect(deep.nodes[0].subtreeEnd == Int32(deep.nodes.count))
        let hostile = nested(100_000)
        #expect(hostile.elements(named: "div").count == 100_000)
        #expect(hostile.text(of: 0) == "x")
    }
}
