import ServedHost
import Testing

/// Which `Host` values name a server as it is really reached: what the preview and the feedback
/// collector check before trusting a page of the same host (DNS rebinding names another host).
@Suite("Served host")
struct ServedHostTests {
    @Test("loopback names and IP literals are served", arguments: ["localhost:8080", "LOCALHOST", "docs.localhost:1", "127.0.0.1:8080", "[::1]:9000", "10.0.0.5"])
    func served(authority: String) {
        #expect(ServedHost.isServed(authority))
    }

    @Test("any other name is not, unless it is a configured origin's", arguments: ["attacker.example", "attacker.example:8080", "127.0.0.1.example", "localhost.example", "1.2.3.4.5", "999.1.1.1"])
    func notServed(authority: String) {
        #expect(!ServedHost.isServed(authority))
        #expect(!ServedHost.isServed(authority, origins: ["https://help.example"]))
    }

    @Test("a configured origin's host is served, with or without its port")
    func configuredOrigin() {
        #expect(ServedHost.isServed("help.example", origins: ["https://help.example"]))
        #expect(ServedHost.isServed("help.example:8443", origins: ["https://help.example:8443"]))
        #expect(!ServedHost.isServed("other.example", origins: ["https://help.example"]))
    }
}
