/// What the checker needs to run one procedure against the account engine: which procedure,
/// who performs it, the account it starts from, and the outcome it must produce.
///
/// Written in an article's front matter as a `checks:` list. Each entry names its procedure by
/// the anchor of its section (`procedure: change-password`, the heading's `{#id}` or generated
/// anchor) and, in a section with several procedures, its `number` there; so a translation that
/// reorders sections still runs the right checks. A translation that lists none inherits its
/// source's, matched by anchor.
public struct ProcedureCheck: Sendable, Hashable, Codable {
    /// Who follows the procedure.
    public enum Persona: String, Sendable, Hashable, Codable, CaseIterable {
        /// A user with the account administration right on every property.
        case administrator
        /// A user with the reservations right on the first property only.
        case user
    }

    /// The persona's account state when the procedure starts.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case active
        /// Locked by as many failed sign-ins as the engine allows.
        case locked
        /// Holding an invitation e-mail not yet accepted; `invitation` says which kind.
        case invited
    }

    /// Which invitation an `invited` persona holds.
    public enum Invitation: String, Sendable, Hashable, Codable, CaseIterable {
        /// A person with no account yet, who chooses a password when accepting (their username
        /// is their e-mail address).
        case newUser = "new-user"
        /// A user of the account invited to its second property (the fixture has 2 properties
        /// or more), who accepts while signed in with their own password.
        case existingUser = "existing-user"
    }

    /// An access right on a property, as the engine names it in forms and its test API.
    public enum Right: String, Sendable, Hashable, Codable, CaseIterable {
        case reservations, rates, finance, administration
    }

    /// What must be true after the last step, verified by black-box probes. A closed set: each
    /// case has a probe in `ProcedureChecker/Probes`.
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        /// The new password signs in and the old one no longer does.
        case passwordChanged = "password-changed"
        /// The e-mail's link sets a new password that signs in, once only.
        case resetLinkSent = "reset-link-sent"
        /// The invited person accepts, chooses a password and signs in with the new address.
        case userInvited = "user-invited"
        /// The other user (the "old login") can no longer sign in.
        case userDeleted = "user-deleted"
        /// The other user accepts the invitation and then sees the second property.
        case propertyAccessGranted = "property-access-granted"
        /// The procedure's own steps (the sign-in form, not a "Connectez-vous" step) leave its
        /// browser signed in as the persona.
        case signedIn = "signed-in"
        /// The session the procedure ended no longer opens a private page.
        case signedOut = "signed-out"
        /// The invited persona signs in and holds the properties of the invitation.
        case invitationAccepted = "invitation-accepted"
        /// The other user sees exactly the rights ticked on the form the procedure saved.
        case rightsChanged = "rights-changed"
        /// The locked persona signs in again (with the password the procedure set).
        case accountUnlocked = "account-unlocked"
        /// The browser ends on the support page (the forgotten-username path).
        case supportPageShown = "support-page-shown"
    }

    /// A click the article asks for in the text after the procedure rather than in a step, as
    /// "Un message apparaîtra… Cliquez sur **Oui, créer mon mot de passe**" after step 3.
    public struct Interlude: Sendable, Hashable, Codable {
        /// The step after which the click happens.
        public var afterStep: Int
        /// Which bold label of the text following the procedure (1 = the first).
        public var label: Int

        public init(afterStep: Int, label: Int) {
            self.afterStep = afterStep
            self.label = label
        }
    }

    /// The other user of the fixture (the "old login") as the check wants them.
    public struct SecondUser: Sendable, Hashable, Codable {
        /// Their rights on the first property; `[reservations]` by default.
        public var rights: [Right]

        public init(rights: [Right] = [.reservations]) {
            self.rights = rights
        }
    }

    /// The anchor of the section the procedure is in (`{#id}` or the generated anchor).
    public var procedure: String
    /// The procedure's 1-based number within its section; nil for the first (and only).
    public var number: Int?
    public var persona: Persona
    public var state: State
    /// With `state: invited`: which invitation the persona holds.
    public var invitation: Invitation?
    /// Consecutive failed sign-ins already counted on the persona (nil: none, or the lockout
    /// limit for `locked`).
    public var failedAttempts: Int?
    /// How many properties the fixture account has (the persona and the other user start on the first).
    public var properties: Int
    public var secondUser: SecondUser
    public var outcome: Outcome
    public var interlude: Interlude?
    /// Where the entry is written (the article's file, or its source's for an inherited check).
    public var file: String
    public var location: SourceLocation
    /// Where its `procedure:` value is: errors about the name point there.
    public var procedureLocation: SourceLocation

    public init(
        procedure: String, number: Int? = nil, persona: Persona, state: State = .active, invitation: Invitation? = nil,
        failedAttempts: Int? = nil, properties: Int = 1, secondUser: SecondUser = SecondUser(), outcome: Outcome,
        interlude: Interlude? = nil, file: String, location: SourceLocation, procedureLocation: SourceLocation? = nil
    ) {
        self.procedure = procedure
        self.number = number
        self.persona = persona
        self.state = state
        self.invitation = invitation
        self.failedAttempts = failedAttempts
        self.properties = properties
        self.secondUser = secondUser
        self.outcome = outcome
        self.interlude = interlude
        self.file = file
        self.location = location
        self.procedureLocation = procedureLocation ?? location
    }

    /// How reports and errors name the procedure: `change-password`, or `users#2`.
    public var procedureName: String { number.map { "\(procedure)#\($0)" } ?? procedure }

    /// The check without where it is written: two entries equal here are the same check twice.
    public var setup: [String] {
        [
            procedure, String(number ?? 1), persona.rawValue, state.rawValue, invitation?.rawValue ?? "",
            failedAttempts.map(String.init) ?? "", String(properties), secondUser.rights.map(\.rawValue).sorted().joined(separator: ","),
            outcome.rawValue, interlude.map { "\($0.afterStep)/\($0.label)" } ?? "",
        ]
    }
}

/// A check resolved against an article: the section and procedure it names.
public struct NamedProcedure: Sendable {
    public var section: Section
    /// 1-based within the section.
    public var number: Int
    public var procedure: Procedure
}

extension Article {
    /// The procedure a check names, or why none: the section anchor, then the number within it.
    /// A section with several procedures needs `number` (nothing is guessed).
    public func procedure(named anchor: String, number: Int?) -> Result<NamedProcedure, ProcedureNameProblem> {
        guard let section = sections.first(where: { $0.anchor == anchor }) else {
            return .failure(.noSection(nearest: nearestAnchor(to: anchor)))
        }
        let procedures = section.blocks.flatMap(\.procedures)
        if procedures.isEmpty { return .failure(.noProcedure) }
        if number == nil, procedures.count > 1 { return .failure(.numberNeeded(count: procedures.count)) }
        let wanted = number ?? 1
        guard wanted <= procedures.count else { return .failure(.numberTooLarge(count: procedures.count)) }
        return .success(NamedProcedure(section: section, number: wanted, procedure: procedures[wanted - 1]))
    }

    /// The anchor closest to `name` (fewest edits), for "did you mean" hints.
    public func nearestAnchor(to name: String) -> String? {
        let candidates = sections.filter { !$0.blocks.flatMap(\.procedures).isEmpty }.map(\.anchor)
        return candidates.min { EditDistance.between($0, name) < EditDistance.between($1, name) }
    }
}

/// Why a check's `procedure:` names nothing.
public enum ProcedureNameProblem: Error, Sendable, Equatable {
    case noSection(nearest: String?)
    case noProcedure
    case numberNeeded(count: Int)
    case numberTooLarge(count: Int)

    /// The message, naming the check's `name` and the hint that fixes it.
    public func message(for check: ProcedureCheck) -> String {
        switch self {
        case .noSection(let nearest):
            let hint = nearest.map { "; did you mean '\($0)'?" } ?? "; give the section a heading id ('## Title {#\(check.procedure)}')"
            return "check names procedure '\(check.procedure)', but no section has that anchor\(hint)"
        case .noProcedure:
            return "check names procedure '\(check.procedure)', but that section has no procedure (numbered list)"
        case .numberNeeded(let count):
            return "section '\(check.procedure)' has \(count) procedures; say which one with 'number: 1' to 'number: \(count)'"
        case .numberTooLarge(let count):
            return "check names procedure \(check.number ?? 1) of section '\(check.procedure)', which has \(count)"
        }
    }
}

/// Levenshtein distance over characters, for hints.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
