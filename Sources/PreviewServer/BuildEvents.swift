internal import Foundation
internal import NIOConcurrencyHelpers

/// The outcome of the latest build and the pages waiting to hear of the next one.
///
/// Every build, failed or not, gets a new generation; an open page's event stream receives it
/// and the page reloads, showing the new site or the build's errors. The boot id makes the
/// generation of a restarted server differ from the old one's, so pages reload after a restart.
final class BuildEvents: Sendable {
    struct State {
        var generation = 0
        var errors: [String] = []
        var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    }

    private let bootID = String(UUID().uuidString.prefix(8)).lowercased()
    private let state = NIOLockedValueBox(State())

    /// The errors of the latest build, formatted `file:line:column: error: message`; empty
    /// when it succeeded.
    var errors: [String] { state.withLockedValue { $0.errors } }

    /// `bootid-N`: what the event stream sends and pages compare.
    var currentTag: String { state.withLockedValue { tag($0.generation) } }

    private func tag(_ generation: Int) -> String { "\(bootID)-\(generation)" }

    /// Records a finished build and tells every open page.
    func finished(errors: [String]) {
        let (tag, listeners) = state.withLockedValue { state in
            state.generation += 1
            state.errors = errors
            return (self.tag(state.generation), Array(state.listeners.values))
        }
        for listener in listeners { listener.yield(tag) }
    }

    /// A stream that starts with the current tag and then yields one per build, until the
    /// page goes away.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        let id = UUID()
        let current = state.withLockedValue { state in
            state.listeners[id] = continuation
            return tag(state.generation)
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLockedValue { $0.listeners.removeValue(forKey: id) }
        }
        continuation.yield(current)
        return stream
    }

    /// How many pages listen now (the tests see a closed page leave).
    var listenerCount: Int { state.withLockedValue { $0.listeners.count } }
}
