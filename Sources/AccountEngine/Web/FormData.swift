internal import Foundation
internal import Hummingbird

/// The fields of a posted `application/x-www-form-urlencoded` form. A name may repeat
/// (checkboxes); ``values(_:)`` returns them all, the subscript the first.
struct FormData: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    /// The most a form of this engine needs; bigger bodies are refused (413).
    static let maximumSize = 64 * 1024

    init(encoded: String) {
        for part in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            pairs.append((name, value))
        }
    }

    static func read(_ request: Request) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: maximumSize)
        return FormData(encoded: String(buffer: buffer))
    }

    subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// A field's text without surrounding spaces; empty when missing.
    func trimmed(_ name: String) -> String {
        (self[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
