/// What the checker needs to run one procedure against the account engine: who performs it,
/// the account it starts from, and the outcome it must produce.
///
/// Written in an article's front matter as a `checks:` list, one entry per procedure in reading
/// order. A translation that lists none inherits its source's.
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

    public var persona: Persona
    public var state: State
    /// How many properties the fixture account has (the persona and the other user start on the first).
    public var properties: Int
    public var outcome: Outcome
    /// The procedure this entry runs (1-based, reading order) when it is one more check of a
    /// procedure that already has one; nil for the entries aligned with the procedures.
    public var procedure: Int?
    public var interlude: Interlude?
    /// Where the entry is written (the article's file, or its source's for an inherited check).
    public var file: String
    public var location: SourceLocation

    public init(
        persona: Persona, state: State = .active, properties: Int = 1, outcome: Outcome, procedure: Int? = nil,
        interlude: Interlude? = nil, file: String, location: SourceLocation
    ) {
        self.procedure = procedure
        self.interlude = interlude
        self.persona = persona
        self.state = state
        self.properties = properties
        self.outcome = outcome
        self.file = file
        self.location = location
    }
}

extension Array where Element == ProcedureCheck {
    /// Each check with the 1-based number of the procedure it runs: its own `procedure:`, or
    /// the next procedure in reading order for checks that do not say (they line up with the
    /// article's procedures; a check with `procedure: N` is an extra run of procedure N).
    public var numbered: [(number: Int, check: ProcedureCheck)] {
        var aligned = 0
        return map { check in
            if let explicit = check.procedure { return (explicit, check) }
            aligned += 1
            return (aligned, check)
        }
    }
}
