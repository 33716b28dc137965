/// Exact search over one component, on local indices and bit-set domains.
///
/// 1. **Optimum.** Depth-first branch and bound with arc-consistency propagation after every assignment; the
///    branching decision is the one with the largest regret (best minus second-best remaining score), options are
///    tried best first, and the bound is "current score + the best remaining option of every undecided decision".
/// 2. **Tie rule.** A second, target-directed search in knowledge-base order returns the first combination that
///    reaches the optimum, trying options in preference order: among combinations with the same highest total,
///    the one preferred decision by decision in knowledge-base order, where a decision prefers the option with the
///    higher own score, then the option listed first. The same input therefore always gives the same choice.
struct ComponentSearch {
    struct LocalConstraint {
        let source: Int
        let sourceBit: UInt64
        let target: Int
        let allowed: UInt64
    }

    private let count: Int
    private let scores: [[Int]]
    private let constraints: [LocalConstraint]
    private let preference: [[Int]]
    private var domains: [UInt64]
    private(set) var nodes = 0
    /// The optimum total (valid after `run()` returns an assignment).
    private(set) var target = Int.min
    private var best = Int.min

    init(members: [Int], firing: RuleFiring, compiled: CompiledKnowledgeBase) {
        count = members.count
        var local = [Int: Int](minimumCapacity: members.count)
        for (position, slot) in members.enumerated() { local[slot] = position }
        var constraints: [LocalConstraint] = []
        for slot in members {
            for index in compiled.constraintsBySource[slot] {
                let constraint = compiled.constraints[index]
                guard let target = local[constraint.targetDecision] else { continue }
                constraints.append(
                    LocalConstraint(
                        source: local[slot]!, sourceBit: 1 << UInt64(constraint.sourceOption), target: target,
                        allowed: constraint.allowed))
            }
        }
        self.constraints = constraints
        scores = members.map { firing.scores[$0] }
        preference = members.map { slot in
            let scores = firing.scores[slot]
            return scores.indices.sorted { (scores[$0], -$0) > (scores[$1], -$1) }
        }
        domains = members.map { slot in
            let options = compiled.optionCounts[slot]
            let all: UInt64 = options >= 64 ? ~0 : (1 << UInt64(options)) - 1
            return all & ~firing.excluded[slot]
        }
    }

    /// The best assignment by position, or nil when the component is infeasible.
    mutating func run() -> [Int]? {
        var root = domains
        guard !root.contains(0), propagate(&root) else { return nil }
        optimise(root, current: 0)
        guard best != Int.min else { return nil }
        target = best
        return firstReaching(0, root, current: 0)
    }

    // MARK: Phase 1: the optimum

    private mutating func optimise(_ domains: [UInt64], current: Int) {
        nodes += 1
        var bound = 0
        var branch = -1
        var branchRegret = -1
        var branchSize = Int.max
        for index in 0..<count {
            let domain = domains[index]
            let (top, second) = topTwo(index, domain)
            bound += top
            if domain & (domain &- 1) != 0 {
                let regret = top - second
                let size = domain.nonzeroBitCount
                if regret > branchRegret || (regret == branchRegret && size < branchSize) {
                    branch = index
                    branchRegret = regret
                    branchSize = size
                }
            }
        }
        if branch < 0 {
            if bound > best { best = bound }
            return
        }
        if best != Int.min, bound <= best { return }
        let domain = domains[branch]
        for option in preference[branch] where domain & (1 << UInt64(option)) != 0 {
            var next = domains
            next[branch] = 1 << UInt64(option)
            if propagate(&next) { optimise(next, current: current) }
        }
    }

    // MARK: Phase 2: the preferred combination reaching the optimum

    private mutating func firstReaching(_ position: Int, _ domains: [UInt64], current: Int) -> [Int]? {
        nodes += 1
        var bound = current
        for index in position..<count { bound += topTwo(index, domains[index]).top }
        if bound < target { return nil }
        if position == count { return domains.map { $0.trailingZeroBitCount } }
        let domain = domains[position]
        for option in preference[position] where domain & (1 << UInt64(option)) != 0 {
            var next = domains
            next[position] = 1 << UInt64(option)
            if propagate(&next),
                let found = firstReaching(position + 1, next, current: current + scores[position][option])
            {
                return found
            }
        }
        return nil
    }

    // MARK: Helpers

    /// The best and second-best score in a domain (second is the best when only one option remains).
    private func topTwo(_ index: Int, _ domain: UInt64) -> (top: Int, second: Int) {
        var top = Int.min
        var second = Int.min
        var rest = domain
        while rest != 0 {
            let score = scores[index][rest.trailingZeroBitCount]
            rest &= rest - 1
            if score > top {
                second = top
                top = score
            } else if score > second {
                second = score
            }
        }
        if top == Int.min { return (0, 0) }
        return (top, second == Int.min ? top : second)
    }

    /// Arc consistency for "source option chosen => target in allowed": drops source options whose target has no
    /// allowed option left, and narrows targets of decided sources. Returns false when a domain empties.
    private func propagate(_ domains: inout [UInt64]) -> Bool {
        var changed = true
        while changed {
            changed = false
            for constraint in constraints {
                let source = domains[constraint.source]
                guard source & constraint.sourceBit != 0 else { continue }
                let target = domains[constraint.target]
                if target & constraint.allowed == 0 {
                    let narrowed = source & ~constraint.sourceBit
                    domains[constraint.source] = narrowed
                    if narrowed == 0 { return false }
                    changed = true
                } else if source == constraint.sourceBit, target & ~constraint.allowed != 0 {
                    domains[constraint.target] = target & constraint.allowed
                    changed = true
                }
            }
        }
        return true
    }
}
