import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// SQLite's write lock held from a second connection (`BEGIN IMMEDIATE`), as another process
/// holding it would: the engine's writes wait for it, its WAL reads do not.
enum WriteLock {
    /// Takes the lock on the database at `path`, returns once it is held, and releases it after
    /// `seconds` on GRDB's queue (no test thread sleeps). Await the task to know it is released.
    static func hold(_ path: String, for seconds: Double) async throws -> Task<Void, any Error> {
        let queue = try DatabaseQueue(path: path)
        let (held, signal) = AsyncStream<Void>.makeStream()
        let task = Task {
            defer { signal.finish() }
            try await queue.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                signal.yield()
                Thread.sleep(forTimeInterval: seconds)
                try db.execute(sql: "ROLLBACK")
            }
        }
        for await _ in held { break }
        return task
    }
}

/// One request's answer and how long it took.
struct TimedAnswer: Sendable {
    var status: HTTPResponse.Status
    var text: String
    var seconds: Double
}

extension TimedAnswer {
    /// Sends `fields` as a form (or a GET without them) with `cookie`, timing the answer.
    static func send(
        _ client: any TestClientProtocol, _ path: String, method: HTTPRequest.Method = .get,
        cookie: String,
        fields: [(name: String, value: String)] = []
    ) async throws -> TimedAnswer {
        var headers: HTTPFields = [.cookie: cookie]
        var body: ByteBuffer?
        if method == .post {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(
                string: fields.map { "\(Browser.encode($0.name))=\(Browser.encode($0.value))" }.joined(
                    separator: "&"))
        }
        let start = ContinuousClock.now
        let response = try await client.executeRequest(
            uri: path, method: method, headers: headers, body: body)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let page = Page(
            status: response.status, html: String(buffer: response.body), headers: response.headers)
        return TimedAnswer(status: response.status, text: page.text, seconds: seconds)
    }
}
