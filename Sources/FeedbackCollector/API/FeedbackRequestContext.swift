public import Hummingbird
public import NIOCore

/// A request context that knows the client's address, which the rate limit is keyed on. A
/// host application (the preview server) can use it for its own router and add the
/// collector's routes to it.
public struct FeedbackRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connected peer; `X-Forwarded-For` is never trusted in its place.
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
