internal import Foundation
internal import GRDB
internal import HTTPTypes
internal import Hummingbird

/// The test API under `/_test/`, registered only in test mode: without `--test-mode` these
/// paths are not routes at all and answer 404 like any unknown path.
extension AccountEngine {
    func addTestAPIRoutes(to router: Router<BasicRequestContext>) {
        router.post("/_test/accounts") { request, _ in
            let body = try await request.body.collect(upTo: 1 << 20)
            let spec: TestAPI.AccountRequest
            do {
                spec = try JSONDecoder().decode(TestAPI.AccountRequest.self, from: Data(body.readableBytesView))
            } catch {
                return Self.json(TestAPI.Failure(error: "invalid JSON: \(error)"), status: .badRequest)
            }
            return try await self.createFixture(spec)
        }
        router.get("/_test/mailbox") { request, _ in
            let address = request.uri.queryParameters.get("address") ?? ""
            let formatter = ISO8601DateFormatter()
            let messages = try await self.store.mailbox(address).map {
                TestAPI.Message(
                    id: $0.id, to: $0.to, subject: $0.subject, body: $0.body, links: $0.links,
                    sentAt: formatter.string(from: $0.sentAt)
                )
            }
            return Self.json(TestAPI.Mailbox(address: address, messages: messages))
        }
        router.post("/_test/clock") { request, _ in
            let body = try await request.body.collect(upTo: 1 << 16)
            let advance: TestAPI.ClockAdvance
            do {
                advance = try JSONDecoder().decode(TestAPI.ClockAdvance.self, from: Data(body.readableBytesView))
            } catch {
                return Self.json(TestAPI.Failure(error: "invalid JSON: \(error)"), status: .badRequest)
            }
            guard advance.seconds.isFinite, advance.seconds > 0, advance.seconds <= TestAPI.ClockAdvance.largest else {
                return Self.json(
                    TestAPI.Failure(error: "seconds must be more than 0 and at most \(Int(TestAPI.ClockAdvance.largest))"),
                    status: .badRequest)
            }
            guard let user = try await self.store.user(username: advance.username) else {
                return Self.json(TestAPI.Failure(error: "no user \(advance.username)"), status: .notFound)
            }
            let offset = self.store.clock.advance(user.id, by: advance.seconds)
            return Self.json(TestAPI.ClockState(username: user.username, offsetSeconds: offset))
        }
        router.get("/_test/users") { request, _ in
            let username = request.uri.queryParameters.get("username") ?? ""
            guard let state = try await self.userState(username: username) else {
                return Self.json(TestAPI.Failure(error: "no user \(username)"), status: .notFound)
            }
            return Self.json(state)
        }
    }

    private func createFixture(_ spec: TestAPI.AccountRequest) async throws -> Response {
        let propertyNames = spec.properties?.names ?? ["Hôtel 1"]
        var users: [FixtureUser] = []
        for user in spec.users {
            let state = user.state ?? "active"
            guard ["active", "locked", "invited"].contains(state) else {
                return Self.json(TestAPI.Failure(error: "unknown state \(state)"), status: .badRequest)
            }
            var hash: String?
            if state != "invited" {
                guard let password = user.password else {
                    return Self.json(TestAPI.Failure(error: "\(user.username): password missing"), status: .badRequest)
                }
                hash = try await hasher.hash(password)
            }
            var rights = Set(user.rights ?? [.reservations])
            if user.admin == true { rights.insert(.administration) }
            let indexes = user.properties ?? Array(propertyNames.indices)
            // An invited user holds the invitation, not yet the access it gives.
            let members = state == "invited" && user.invitedTo == nil ? [] : indexes
            users.append(
                FixtureUser(
                    username: user.username, name: user.name ?? user.username, email: user.email.lowercased(),
                    passwordHash: hash, grants: members.map { ($0, rights) },
                    failedAttempts: user.failedAttempts ?? (state == "locked" ? options.lockoutLimit : 0),
                    locked: state == "locked"
                )
            )
        }
        let ids: FixtureIDs
        do {
            ids = try await store.createFixture(name: spec.name ?? "Account", propertyNames: propertyNames, users: users)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            return Self.json(TestAPI.Failure(error: "username or e-mail already taken"), status: .conflict)
        } catch is StoreBusy {
            return Self.json(TestAPI.Failure(error: "the database is busy; try again"), status: .serviceUnavailable)
        }
        try await sendFixtureInvitations(spec, users: users, ids: ids, propertyNames: propertyNames)
        return Self.json(
            TestAPI.AccountResponse(
                accountId: ids.accountID,
                properties: zip(ids.propertyIDs, propertyNames).map { TestAPI.PropertyResponse(id: $0, name: $1) },
                users: zip(ids.userIDs, users).map { TestAPI.UserResponse(id: $0, username: $1.username, email: $1.email) }
            ),
            status: .created
        )
    }

    /// The invitation e-mails of the fixture's `invited` users and `invitedTo` lists, in the
    /// request's language, each with its own token.
    private func sendFixtureInvitations(
        _ spec: TestAPI.AccountRequest, users: [FixtureUser], ids: FixtureIDs, propertyNames: [String]
    ) async throws {
        let locale = spec.locale.flatMap(EngineLocale.init(rawValue:)) ?? .fr
        let visit = Visit(
            locale: locale, text: catalogs[locale], session: nil, browserID: "", isNewBrowser: false, csrf: "",
            pathInLocale: "/invitation")
        for ((user, fixture), userID) in zip(zip(spec.users, users), ids.userIDs) {
            let indexes = user.invitedTo ?? (user.state == "invited" ? user.properties ?? Array(propertyNames.indices) : [])
            let chosen = indexes.filter(ids.propertyIDs.indices.contains)
            guard !chosen.isEmpty else { continue }
            var rights = Set(user.rights ?? [.reservations])
            if user.admin == true { rights.insert(.administration) }
            let token = SecretToken.random()
            let mail = invitationMail(
                visit, to: fixture.email, name: fixture.name, properties: chosen.map { propertyNames[$0] }, token: token)
            try await store.inviteFixtureUser(
                userID: userID, grants: chosen.map { Grant(propertyID: ids.propertyIDs[$0], rights: rights) },
                tokenHash: token.hash, lifetime: options.invitationLifetime, mail: mail)
        }
    }

    private func userState(username: String) async throws -> TestAPI.UserState? {
        try await store.read { [store] db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(UserRecord.columns) FROM users WHERE username = ?", arguments: [username])
            else { return nil }
            let user = UserRecord(row: row)
            let access = try store.memberships(of: user.id, in: db).map { membership in
                TestAPI.Access(
                    id: membership.property.id,
                    rights: AccessRight.allCases.filter(membership.rights.contains).map(\.rawValue)
                )
            }
            return TestAPI.UserState(
                id: user.id, username: user.username, name: user.name, email: user.email,
                state: user.isPending ? "invited" : user.locked ? "locked" : "active",
                failedAttempts: user.failedAttempts, properties: access
            )
        }
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
