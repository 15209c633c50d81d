import HelpModel
import ProcedureChecker
import Testing

@testable import ProcedureChecker

/// `--shard i/n`: the split of the real content's plan.
@Suite("check shards")
struct CheckShardTests {
    @Test("for 1 to 6 shards, the shards together hold every job exactly once", arguments: 1...6)
    func partition(count: Int) throws {
        let plan = CheckPlan.make(try CheckerHarness.realArticles())
        var seen: [Int] = []
        for index in 1...count {
            seen += CheckShard(index: index, count: count).select(plan.jobs).map(\.offset)
        }
        #expect(seen.sorted() == Array(plan.jobs.indices))
    }

    @Test("a procedure's checks stay in one shard; its translations may go elsewhere; shards are balanced by cost")
    func grouping() throws {
        let plan = CheckPlan.make(try CheckerHarness.realArticles())
        let shards = CheckShard.assign(plan.jobs, count: 4)
        var shardOfKey: [String: Int] = [:]
        for (job, shard) in zip(plan.jobs, shards) {
            let key = CheckShard.key(of: job)
            #expect(shardOfKey[key, default: shard] == shard, "\(key)")
            shardOfKey[key] = shard
        }
        // The French procedure 1 and its English translation are different groups, in different shards here.
        let firstProcedures = plan.jobs.indices.filter {
            if case .procedure(_, _, 1, _) = plan.jobs[$0].work { true } else { false }
        }
        #expect(Set(firstProcedures.map { shards[$0] }).count > 1)
        var loads = [Int](repeating: 0, count: 4)
        for (job, shard) in zip(plan.jobs, shards) { loads[shard - 1] += CheckShard.cost(of: job) }
        let heaviest = plan.jobs.map(CheckShard.cost).max() ?? 0
        #expect(loads.max()! - loads.min()! <= heaviest, "\(loads)")
    }

    @Test("the split does not depend on the process: FNV-1a of the key, not Swift's seeded Hasher")
    func stable() throws {
        #expect(CheckShard.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(CheckShard.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        let plan = CheckPlan.make(try CheckerHarness.realArticles())
        let again = CheckPlan.make(try CheckerHarness.realArticles())
        #expect(CheckShard.assign(plan.jobs, count: 3) == CheckShard.assign(again.jobs, count: 3))
    }

    @Test("I/N is parsed strictly", arguments: ["0/3", "4/3", "1/0", "a/b", "2", "1/2/3", "-1/2"])
    func invalid(text: String) {
        #expect(throws: CheckShard.Invalid.self) { try CheckShard(parsing: text) }
    }
}
