internal import AsyncHTTPClient
internal import NIOCore
internal import NIOHTTP1

/// One HTTP exchange as the checker's browsers see it: no redirect followed, no cookie kept.
struct HTTPExchange: Sendable {
    var status: Int
    var location: String?
    var setCookies: [String]
    var body: [UInt8]
}

/// A connection refused, a timeout: the target cannot be reached at all.
public struct TransportError: Error, CustomStringConvertible {
    public var url: String
    public var reason: String
    public var description: String { "cannot reach \(url): \(reason)" }
}

/// The HTTP client every browser of a run shares: AsyncHTTPClient on NIO's event loops, with
/// pooled keep-alive connections and redirects disabled, so that each browser follows them
/// itself with its own cookies (a 303 after a POST must carry the new session cookie).
public final class HTTPTransport: Sendable {
    /// Where the engine is: `http://127.0.0.1:PORT`, without a trailing slash.
    public let base: String
    private let client: HTTPClient

    public init(base: String, connections: Int = 16) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: .seconds(30)),
            connectionPool: .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        )
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Closes the pooled connections; call once when the run is over.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Sends one request to `path` (absolute on the target, query included).
    func send(
        _ method: HTTPMethod, _ path: String, cookie: String? = nil, form: String? = nil, json: String? = nil,
        timeout: TimeAmount = .seconds(30)
    ) async throws -> HTTPExchange {
        let url = base + path
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let cookie { request.headers.add(name: "cookie", value: cookie) }
        if let form {
            request.headers.add(name: "content-type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: form))
        } else if let json {
            request.headers.add(name: "content-type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        do {
            let response = try await client.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: 8 << 20)
            return HTTPExchange(
                status: Int(response.status.code), location: response.headers.first(name: "location"),
                setCookies: response.headers["set-cookie"], body: Array(body.readableBytesView))
        } catch {
            throw TransportError(url: url, reason: "\(error)")
        }
    }
}
