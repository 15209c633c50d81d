internal import Foundation
public import Logging

/// `feedback report --searches`: what readers searched for and did not find, per locale, most
/// frequent first — the docs team's list of articles to write.
public struct SearchMissReport: Sendable {
    /// Each locale's queries, most frequent first (then alphabetically), at most `limit` each.
    public let misses: [SearchMissCount]

    /// The misses stored in a collector's database (read only, like the votes' report).
    public static func read(database: String, limit: Int, logger: Logger) async throws -> SearchMissReport {
        let store = try await StorageOpener.open(
            try DatabaseAddress(parsing: database), poolSize: 1, deadline: .seconds(5), logger: logger, readOnly: true)
        do {
            let counts = try await store.misses()
            await store.close()
            return SearchMissReport(counts, limit: limit)
        } catch {
            await store.close()
            throw error
        }
    }

    init(_ counts: [SearchMissCount], limit: Int) {
        var kept: [SearchMissCount] = []
        var perLocale: [String: Int] = [:]
        for count in counts where perLocale[count.locale, default: 0] < limit {
            perLocale[count.locale, default: 0] += 1
            kept.append(count)
        }
        misses = kept
    }

    /// For a terminal: locale, count, last time, the query (control and bidi characters
    /// replaced as in the votes' table, so a query cannot rewrite the terminal).
    public func table() -> String {
        guard !misses.isEmpty else { return "No search without results stored yet.\n" }
        var out = "locale  count  last                  query\n"
        for miss in misses {
            let safe = FeedbackReport.terminalSafe(miss.query)
            out += miss.locale.padding(toLength: 6, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: max(0, 5 - String(miss.count).count)) + String(miss.count) + "  "
                + miss.last.padding(toLength: 20, withPad: " ", startingAt: 0) + "  " + safe + "\n"
        }
        return out
    }

    /// RFC 4180, cells defused for spreadsheets as the votes' report does.
    public func csv() -> String {
        var lines = [["locale", "query", "count", "last"]]
        for miss in misses {
            lines.append([FeedbackReport.text(miss.locale), FeedbackReport.text(miss.query), String(miss.count), miss.last])
        }
        return lines.map { $0.map(FeedbackReport.quoted).joined(separator: ",") + "\r\n" }.joined()
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = (try? encoder.encode(["searches": misses])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
