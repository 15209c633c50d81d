import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccountEngine

/// A copy of the database, taken while reset and invitation links are live, hands out none:
/// the e-mails' links reach the test API, but no working token is in the file or its WAL.
@Suite struct TokensAtRestTests {
    @Test("The database file and its -wal hold no token that the reset or invitation page accepts")
    func noLiveTokenAtRest() async throws {
        let harness = try EngineHarness()
        defer { harness.removeFiles() }
        try await harness.run { _, client in
            let fixture = try await Fixture.create(client)
            let visitor = Browser(client)
            _ = try await visitor.submit(
                "Confirmer", on: try await visitor.get("/fr/forgot-password"), filling: ["Nom d'utilisateur": "paul"])
            let reset = try #require(try await visitor.latestLink("paul@example.com"))
            let admin = Browser(client)
            _ = try await admin.signIn("marie", Fixture.adminPassword)
            let rights = try await admin.submit(
                "Voir les droits d'accès", on: try await admin.get("/fr/account/users/existing"),
                filling: ["Identifiant de l'établissement": String(fixture.propertyIDs[1]), "Adresse e-mail": "paul@example.com"])
            _ = try await admin.submit("Envoyer l'invitation", on: rights)
            let invitation = try #require(try await visitor.latestLink("paul@example.com"))
            // The links the test API gives work: the contract of the checker is kept.
            #expect(try await Browser(client).get(reset).status == .ok)
            #expect(try await Browser(client).get(invitation).status == .ok)

            var bytes = Data()
            for suffix in ["", "-wal", "-shm"] {
                bytes.append((try? Data(contentsOf: URL(fileURLWithPath: harness.options.databasePath + suffix))) ?? Data())
            }
            let text = String(decoding: bytes, as: UTF8.self)
            for link in [reset, invitation] {
                let token = String(try #require(link.split(separator: "=").last))
                #expect(!text.contains(token), "\(link) is in the database")
            }
            let candidates = Set(text.matches(of: #/[A-Za-z0-9_-]{43}/#).map { String($0.output) })
            for candidate in candidates {
                #expect(try await Browser(client).get("/fr/reset-password?token=\(candidate)").status != .ok)
                #expect(try await Browser(client).get("/fr/invitation?token=\(candidate)").status != .ok)
            }
        }
    }
}
