internal import Foundation
internal import HelpModel

/// Reads the report of `helpcenter check --format json` for `build --verification FILE`: the
/// procedure entries, each with what it ran (article id, anchor, number, fingerprint) and, when
/// it passed, `passedAt`. Claims and entries of older reports without those fields are skipped.
enum VerificationFile {
    private struct Document: Decodable {
        var results: [Entry]
    }

    private struct Entry: Decodable {
        var kind: String
        var locale: String
        var articleId: String?
        var procedure: String?
        var number: Int?
        var fingerprint: String?
        var passedAt: String?
    }

    /// - Throws: a message for people when the file cannot be read or is not such a report.
    static func read(_ path: String) throws(VerificationFileError) -> VerificationReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VerificationFileError(message: "cannot read the verification report \(path)")
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw VerificationFileError(
                message: "\(path) is not a report of 'helpcenter check --format json' (\(error.localizedDescription))")
        }
        let dates = ISO8601DateFormatter()
        let verifications = document.results.compactMap { entry -> ProcedureVerification? in
            guard entry.kind == "procedure", let article = entry.articleId, let procedure = entry.procedure,
                let number = entry.number, let fingerprint = entry.fingerprint
            else { return nil }
            return ProcedureVerification(
                locale: entry.locale, article: article, procedure: procedure, number: number, fingerprint: fingerprint,
                passedAt: entry.passedAt.flatMap(dates.date(from:)))
        }
        return VerificationReport(verifications)
    }
}

struct VerificationFileError: Error {
    var message: String
}
