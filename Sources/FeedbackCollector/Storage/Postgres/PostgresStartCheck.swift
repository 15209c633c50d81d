internal import Logging
internal import NIOCore
internal import NIOPosix
internal import PostgresNIO

/// One connection made before the pool starts, so that a wrong host, port, user, password or
/// database name stops the command at once with the one thing to fix, rather than every vote
/// being answered 503 by a pool that keeps retrying.
enum PostgresStartCheck {
    /// Why the collector cannot use the database, worded for the person who typed `--database`.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func verify(_ address: DatabaseAddress.Postgres, logger: Logger) async throws {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        if case .prefer = address.tls { configuration.tls = try .prefer(.init(configuration: .makeClientConfiguration())) }
        if case .require = address.tls { configuration.tls = try .require(.init(configuration: .makeClientConfiguration())) }
        configuration.options.connectTimeout = .seconds(5)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 0, logger: logger
            ).get()
        } catch {
            throw Failure(description: explain(error, address))
        }
        try? await connection.close()
    }

    /// The message for `error`, naming the part of `postgres://user:password@host:port/database` to fix.
    static func explain(_ error: any Error, _ address: DatabaseAddress.Postgres) -> String {
        let place = "\(address.host):\(address.port)"
        let shown = DatabaseAddress.postgres(address).description
        if let error = error as? PSQLError {
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "\(error.code)"
            switch state {
            case "28P01":
                return "PostgreSQL at \(place) refused the password of user '\(address.user)' (\(message)); "
                    + "fix the password in --database postgres://\(address.user):PASSWORD@\(place)/\(address.database)"
            case "28000":
                return "PostgreSQL at \(place) does not let user '\(address.user)' in (\(message)); "
                    + "fix the user in --database or the server's pg_hba.conf"
            case "3D000":
                return "PostgreSQL at \(place) has no database '\(address.database)'; "
                    + "create it (createdb \(address.database)) or fix the name after the port in --database"
            default:
                if error.code == .authMechanismRequiresPassword {
                    return "PostgreSQL at \(place) asks user '\(address.user)' for a password and --database gives none; "
                        + "write postgres://\(address.user):PASSWORD@\(place)/\(address.database)"
                }
                if error.code == .sslUnsupported {
                    return "PostgreSQL at \(place) does not offer TLS, which sslmode=require asks for; "
                        + "enable ssl on the server or use sslmode=prefer"
                }
                if !state.isEmpty { return "PostgreSQL at \(place) refused \(shown): \(message) (SQLSTATE \(state))" }
                if let underlying = error.underlying { return explainConnection(underlying, address) }
                return "cannot connect to \(shown): \(error.code)"
            }
        }
        return explainConnection(error, address)
    }

    private static func explainConnection(_ error: any Error, _ address: DatabaseAddress.Postgres) -> String {
        let place = "\(address.host):\(address.port)"
        let text = "\(error)"
        if text.contains("connectionRefused") || text.contains("refused") || text.contains("ECONNREFUSED") {
            return "nothing answers at \(place) (connection refused); start PostgreSQL there or fix the host and port in --database"
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel {
            return "no answer from \(place) within 5 s; fix the host and port in --database, or a firewall in between"
        }
        if text.contains("resolve") || text.contains("NXDOMAIN") || text.contains("noAddress") || text.contains("lookup") {
            return "cannot find the host '\(address.host)'; fix the host in --database"
        }
        return "cannot connect to PostgreSQL at \(place): \(text)"
    }
}
