import HTMLEscaping
import Testing

@Suite struct HTMLEscapingTests {
    @Test func theFiveCharactersThatEndTextOrAnAttributeBecomeEntities() {
        #expect(HTMLEscaping.escape(#"<script>alert("x" & 'y')</script>"#)
            == "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;")
    }

    @Test func everythingElseIsKeptAsItIs() {
        let text = "Mis à jour il y a 1\u{202F}semaine — =SUM(A1) 👍\n\tfin"
        #expect(HTMLEscaping.escape(text) == text)
    }

    @Test func anEntityAlreadyWrittenIsEscapedAgainNotTrusted() {
        #expect(HTMLEscaping.escape("&lt;b&gt;") == "&amp;lt;b&amp;gt;")
    }

    @Test func charactersAroundTheEscapedOnesKeepTheirOrder() {
        #expect(HTMLEscaping.escape("é<é>é") == "é&lt;é&gt;é")
    }
}
