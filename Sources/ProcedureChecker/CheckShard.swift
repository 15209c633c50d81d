internal import HelpModel

/// One part of a check run split across CI jobs (`helpcenter check --shard 2/4`).
///
/// The split is a pure function of the plan: every machine that loads the same content gives
/// every job the same shard, so the shards of a matrix together run each job exactly once.
/// All checks of one procedure stay together (so each shard's coverage counts add up), but a
/// procedure's translations are other jobs and may land elsewhere. Shards are balanced by
/// cost — the steps a job performs — greedily: the costliest group first, each to the
/// least-loaded shard. Equal costs are ordered by a 64-bit FNV-1a hash of the group's key (its
/// article file and procedure number or claim position), not Swift's `Hasher`, which is seeded
/// per process.
public struct CheckShard: Sendable, Equatable, CustomStringConvertible {
    /// From 1.
    public let index: Int
    public let count: Int

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// `"2/4"`: the second of four shards.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else {
            throw Invalid(description: "--shard takes I/N with 1 ≤ I ≤ N, e.g. 2/4 (got '\(text)')")
        }
        self.index = index
        self.count = count
    }

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// The jobs of this shard, in plan order, each with its position in the whole plan (reports
    /// carry it, so that merged shards read in the order of an unsharded run).
    public func select(_ jobs: [CheckJob]) -> [(offset: Int, job: CheckJob)] {
        let shards = Self.assign(jobs, count: count)
        return jobs.enumerated().filter { shards[$0.offset] == index }.map { ($0.offset, $0.element) }
    }

    /// The shard (from 1) of each job.
    static func assign(_ jobs: [CheckJob], count: Int) -> [Int] {
        var groups: [String: (cost: Int, members: [Int])] = [:]
        for (offset, job) in jobs.enumerated() {
            groups[key(of: job), default: (0, [])].cost += cost(of: job)
            groups[key(of: job)]!.members.append(offset)
        }
        let ordered = groups.map { (key: $0.key, hash: fnv1a($0.key), cost: $0.value.cost, members: $0.value.members) }
            .sorted { ($1.cost, $0.hash, $0.key) < ($0.cost, $1.hash, $1.key) }
        var loads = [Int](repeating: 0, count: count)
        var shards = [Int](repeating: 1, count: jobs.count)
        for group in ordered {
            let lightest = loads.indices.min { (loads[$0], $0) < (loads[$1], $1) }!
            loads[lightest] += group.cost
            for member in group.members { shards[member] = lightest + 1 }
        }
        return shards
    }

    /// What keeps jobs together: one procedure of one article (its checks), or one claim.
    static func key(of job: CheckJob) -> String {
        switch job.work {
        case .procedure(_, _, let number, _): "\(job.articleFile)#procedure-\(number)"
        case .claim(let claim): "\(job.articleFile)#claim-\(claim.range.start.line):\(claim.range.start.column)"
        }
    }

    /// Roughly the requests a job makes: a fixture, each step, the outcome's probe; a count
    /// claim tries its number twice (N − 1 and N), a request each; the other claims make a
    /// handful whatever their number (a length or a duration).
    static func cost(of job: CheckJob) -> Int {
        switch job.work {
        case .procedure(let procedure, _, _, _): 2 + procedure.steps.count
        case .claim(let claim):
            switch claim.kind {
            case .lockoutThreshold, .supportThreshold, .resetEmailsPerHour: 2 + 2 * max(1, claim.number ?? 1)
            case .passwordMinLength, .passwordMaxLength, .commonPasswordRefused, .resetLinkHours, .invitationDays,
                .sessionHours:
                8
            }
        }
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
