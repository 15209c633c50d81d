import Dispatch
import Foundation
import Logging
import NIOPosix
import PostgresNIO

#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster for the collector's tests: `initdb` in a temporary folder,
/// `postgres` on a free loopback port with password (SCRAM) authentication, stopped and
/// deleted when the test process exits. No test needs a server started by hand.
///
/// PostgreSQL refuses to run as root, and CI runs as root: then the cluster belongs to the
/// `postgres` account Debian's package creates, and every `initdb`/`pg_ctl` runs through
/// `runuser`. Most tests share one cluster (`shared()`, one database each); a test that stops
/// the server makes its own (`make()`).
final class TestPostgres: Sendable {
    static let user = "helpcenter"
    static let password = "test-secret"

    let folder: String
    let port: Int
    private let bin: String
    private let runAs: String?

    private static let sharedCluster = SharedCluster()

    /// The cluster most tests share, started on first use.
    static func shared() async throws -> TestPostgres {
        try await sharedCluster.get()
    }

    /// A cluster of the caller's own, for a test that stops and starts it.
    static func make() async throws -> TestPostgres {
        try await offPool {
            let cluster = try TestPostgres()
            try cluster.startNow()
            return cluster
        }
    }

    /// Runs blocking work (initdb, pg_ctl: seconds) on a Dispatch thread: on 2 cores Swift's
    /// cooperative pool has 2 threads, and blocking them would stall the collector under test.
    private static func offPool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    private init() throws {
        bin = try Self.findBin()
        runAs = getuid() == 0 ? "postgres" : nil
        var template = Array("\(NSTemporaryDirectory())/helpcenter-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Problem("mkdtemp failed") }
        folder = String(cString: made)
        port = try Self.freePort()
        Cleanup.register(self)
        let passwordFile = "\(folder)/password"
        try Data(Self.password.utf8).write(to: URL(fileURLWithPath: passwordFile))
        if let runAs {
            guard let account = getpwnam(runAs) else {
                throw Problem("running as root, and there is no '\(runAs)' account to run PostgreSQL as (install Debian's postgresql)")
            }
            for path in [folder, passwordFile] { chown(path, account.pointee.pw_uid, account.pointee.pw_gid) }
        }
        try run(
            "initdb", "-D", "\(folder)/data", "-U", Self.user, "--pwfile=\(passwordFile)", "--auth-local=trust",
            "--auth-host=scram-sha-256", "--no-locale", "-E", "UTF8", "--no-sync")
    }

    func start() async throws {
        try await Self.offPool { try self.startNow() }
    }

    private func startNow() throws {
        try run(
            "pg_ctl", "-D", "\(folder)/data", "-l", "\(folder)/server.log", "-w", "-t", "60", "-o",
            "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c max_connections=200", "start")
    }

    /// Stops the server at once (`-m fast`: open connections are cut, as in a restart).
    func stop() async throws {
        try await Self.offPool { try self.run("pg_ctl", "-D", "\(self.folder)/data", "-m", "fast", "-w", "stop") }
    }

    /// The address of `database`, with the right password unless one is given.
    func url(_ database: String, password: String = TestPostgres.password, host: String = "127.0.0.1") -> String {
        "postgres://\(Self.user):\(password)@\(host):\(port)/\(database)?sslmode=disable"
    }

    /// A new, empty database on this cluster.
    func createDatabase() async throws -> String {
        let name = "feedback_\(UUID().uuidString.prefix(8).lowercased())"
        try await withConnection(to: "postgres") { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: Self.logger)
        }
        return name
    }

    /// Runs `body` on a connection to `database`.
    func withConnection<Value: Sendable>(
        to database: String, _ body: @Sendable (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        let configuration = PostgresConnection.Configuration(
            host: "127.0.0.1", port: port, username: Self.user, password: Self.password, database: database,
            tls: .disable)
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: Self.logger
        ).get()
        do {
            let value = try await body(connection)
            try? await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    static let logger = Logger(label: "test-postgres") { _ in SwiftLogNoOpLogHandler() }

    /// Runs a PostgreSQL tool (as `runAs` when root) and waits for it, its output in a file.
    ///
    /// `posix_spawn` and `waitpid` rather than Foundation's `Process`, whose exit monitoring
    /// missed `pg_ctl start`'s end here (the child stayed a zombie, `waitUntilExit` never
    /// returned), and a file rather than a pipe, which the server pg_ctl leaves running could
    /// hold open.
    private func run(_ tool: String, _ arguments: String...) throws {
        let path = "\(bin)/\(tool)"
        let argv = runAs.map { ["/usr/sbin/runuser", "-u", $0, "--", path] + arguments } ?? [path] + arguments
        let outputPath = "\(folder)/\(tool).out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw Problem("cannot run \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            throw Problem("\(tool) \(arguments.joined(separator: " ")) failed (status \(status)): \(text)")
        }
    }

    /// The newest `/usr/lib/postgresql/N/bin` (Debian's layout; `initdb` is not on PATH there).
    private static func findBin() throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap(Int.init).sorted()
        guard let version = versions.last, FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/initdb")
        else {
            throw Problem("PostgreSQL is not installed (no \(root)/N/bin/initdb): run scripts/setup.sh, as make test does")
        }
        return "\(root)/\(version)/bin"
    }

    /// A port nothing listens on now (bound to 0 and released; PostgreSQL takes it next).
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw Problem("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Stops the server and deletes its folder (at exit).
    fileprivate func destroy() {
        try? run("pg_ctl", "-D", "\(folder)/data", "-m", "immediate", "-w", "stop")
        try? FileManager.default.removeItem(atPath: folder)
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// Starts the shared cluster once, however many tests ask at the same time.
private actor SharedCluster {
    private var cluster: Task<TestPostgres, any Error>?

    func get() async throws -> TestPostgres {
        if let cluster { return try await cluster.value }
        let task = Task { try await TestPostgres.make() }
        cluster = task
        return try await task.value
    }
}

/// Every cluster made by this process, stopped when it exits (Swift Testing has no global
/// tear-down; `atexit` runs after the last test).
private enum Cleanup {
    nonisolated(unsafe) static var clusters: [TestPostgres] = []
    static let lock = NSLock()
    nonisolated(unsafe) static var registered = false

    static func register(_ cluster: TestPostgres) {
        lock.withLock {
            clusters.append(cluster)
            if !registered {
                registered = true
                atexit { Cleanup.destroyAll() }
            }
        }
    }

    static func destroyAll() {
        for cluster in lock.withLock({ clusters }) { cluster.destroy() }
    }
}
