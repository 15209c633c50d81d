internal import PostgresNIO

/// Runs database work for at most a given time. postgres-nio's pool keeps a request waiting
/// while it cannot connect (PostgreSQL stopped, a network cut), so without a deadline a vote
/// would hang for as long as the outage lasts; with one it is answered 503 and the request is
/// cancelled, which takes it out of the pool's queue.
enum PostgresDeadline {
    static func run<Value: Sendable>(
        within deadline: Duration, _ work: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await withThrowingTaskGroup(of: Value.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: deadline)
                throw StorageUnavailable(reason: "PostgreSQL did not answer within \(deadline)")
            }
            defer { group.cancelAll() }
            do {
                return try await group.next()!
            } catch let error as StorageUnavailable {
                throw error
            } catch let error as PSQLError where !Self.isUnavailable(error) {
                throw error
            } catch is CancellationError {
                throw StorageUnavailable(reason: "the request was cancelled")
            } catch {
                throw StorageUnavailable(reason: Self.reason(error))
            }
        }
    }

    private static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        return error.serverInfo?[.message] ?? "\(error.code)"
    }

    /// Errors of the connection rather than of the statement: the database may come back.
    static func isUnavailable(_ error: PSQLError) -> Bool {
        switch error.code {
        case .server:
            // Class 08 (connection exception), 57P (operator intervention: shutdown, restart), 53 (resources).
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53")
        case .queryCancelled: return false
        default: return true
        }
    }
}
