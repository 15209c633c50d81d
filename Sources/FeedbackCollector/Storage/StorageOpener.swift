internal import Foundation
internal import Logging

/// The one place that turns a `--database` address into a store: everything after it sees
/// only ``VoteStorage``.
enum StorageOpener {
    /// Opens the store at `address`, creating and migrating it (SQLite: the file; PostgreSQL:
    /// the tables), or, with `readOnly`, an existing one as it is (`feedback report`).
    static func open(
        _ address: DatabaseAddress, poolSize: Int, deadline: Duration, logger: Logger, readOnly: Bool = false
    ) async throws -> any VoteStorage {
        switch address {
        case .sqlite(let path):
            if readOnly {
                guard FileManager.default.fileExists(atPath: path) else { throw MissingDatabase(path: path) }
                return try SQLiteVoteStore(readingOnly: path)
            }
            return try SQLiteVoteStore(path: path, deadline: deadline)
        case .postgres(let postgres):
            return try await PostgresVoteStore.open(
                postgres, poolSize: poolSize, deadline: deadline, logger: logger, migrateUpTo: readOnly ? 0 : nil)
        }
    }
}

/// `feedback report` on a SQLite path where no collector ever wrote.
public struct MissingDatabase: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "no feedback database at \(path) (helpcenter serve or feedback serve creates it)" }
}
