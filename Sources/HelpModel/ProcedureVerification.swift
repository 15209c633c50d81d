public import Foundation

/// That a procedure passed its checks, as `helpcenter check --format json` records it and
/// `helpcenter build --verification` shows it ("Vérifié le 1 décembre 2026").
///
/// The fingerprint of the steps that ran is kept with it, so that a page never claims a
/// procedure proven after its text changed: the claim is shown only while the fingerprint of the
/// article's procedure is still the recorded one.
public struct ProcedureVerification: Sendable, Hashable, Codable {
    public var locale: String
    /// The article's `id`.
    public var article: String
    /// The section anchor and the procedure's number within it, as checks name it.
    public var procedure: String
    public var number: Int
    /// ``Procedure/fingerprint`` of the steps that ran.
    public var fingerprint: String
    /// When the check passed; nil when it failed.
    public var passedAt: Date?

    public init(locale: String, article: String, procedure: String, number: Int, fingerprint: String, passedAt: Date?) {
        self.locale = locale
        self.article = article
        self.procedure = procedure
        self.number = number
        self.fingerprint = fingerprint
        self.passedAt = passedAt
    }
}

/// Every procedure a check run verified, looked up by article, section anchor and number.
public struct VerificationReport: Sendable {
    private var runs: [String: [ProcedureVerification]] = [:]

    public init(_ verifications: [ProcedureVerification]) {
        for verification in verifications {
            runs[Self.key(verification.locale, verification.article, verification.procedure, verification.number), default: []]
                .append(verification)
        }
    }

    private static func key(_ locale: String, _ article: String, _ anchor: String, _ number: Int) -> String {
        "\(locale)/\(article)#\(anchor)/\(number)"
    }

    /// When the procedure was proven: the latest pass, when every check of it passed and ran
    /// these very steps; nil when a check failed, the text changed since, or none ran it.
    public func verified(_ procedure: Procedure, locale: String, article: String, anchor: String, number: Int) -> Date? {
        guard let runs = runs[Self.key(locale, article, anchor, number)], !runs.isEmpty else { return nil }
        let fingerprint = procedure.fingerprint
        guard runs.allSatisfy({ $0.passedAt != nil && $0.fingerprint == fingerprint }) else { return nil }
        return runs.compactMap(\.passedAt).max()
    }
}

extension Procedure {
    /// A hash of what the checker runs (each step's sentence and actions), FNV-1a 64 in hex:
    /// equal while the steps read the same, different once a step or a label changes.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for step in steps {
            let text = step.sentence.plainText + "\u{1F}" + step.actions.map(\.summary).joined(separator: "\u{1E}") + "\u{1D}"
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}
