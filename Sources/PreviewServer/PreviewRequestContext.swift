public import Hummingbird
public import NIOCore

/// The request context of the preview server: Hummingbird's basic storage plus the client's
/// address, which the feedback collector's rate limit is keyed by.
public struct PreviewRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
