internal import NIOCore

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Whom a rate limit counts: an IPv4 address, or the /64 prefix of an IPv6 address (one
/// household or server holds a whole /64, so counting single v6 addresses would count nothing).
/// Requests without a peer address (in-process tests, Unix sockets) share one key.
struct ClientKey: Hashable, Sendable {
    let bytes: [UInt8]

    static let unknown = ClientKey(bytes: [])

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    init(_ address: SocketAddress?) {
        switch address {
        case .v4(let v4):
            bytes = withUnsafeBytes(of: v4.address.sin_addr) { Array($0) }
        case .v6(let v6):
            let all = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            let mappedV4Prefix: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]
            bytes = Array(all.prefix(12)) == mappedV4Prefix ? Array(all.suffix(4)) : Array(all.prefix(8))
        default:
            bytes = []
        }
    }
}
