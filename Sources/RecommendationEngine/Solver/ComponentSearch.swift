/// Exact search over one component, on local indices and bit-set domains.
///
/// 1. **Optimum.** Depth-first branch and bound with arc-consistency propagation after every assignment; the
///    branching decision is the one with the largest regret (best minus second-best remaining score), options are
///    tried best first, and the bound counts decided decisions exactly and pairs undecided neighbours by their best
///    compatible pair of options (see `pairBound`).
/// 2. **Tie rule.** Among combinations with the same highest total, the result is the one preferred decision by
///    decision in knowledge-base order, where a decision prefers the option with the higher own score, then the
///    option listed first. The same input therefore always gives the same choice. It is built decision by decision
///    in knowledge-base order: each decision takes its most preferred option for which a completion reaching the
///    optimum exists. The optimum phase 1 found is such a completion while the options taken agree with it (no
///    search needed); only options preferred to it are checked, each by a target-directed search with phase 1's
///    dynamic branching, whose witness then replaces it.
///
/// 3. **Budget.** Each phase may explore at most ``nodeBudget`` nodes, so that no knowledge base (an overlay with
///    thousands of random constraints, say) can stall a review. When phase 1 runs out, the best combination found so
///    far is returned and ``proven`` is false; when phase 2 runs out, the optimum stands but the remaining decisions
///    keep the options of the optimum found instead of being checked against the tie rule (``proven`` false too).
///    The budget counts nodes, not time, so the same input still always gives the same result.
///
/// All working memory (scores, preference orders, one domain vector per search depth, scratch for the bound and the
/// propagation queue) is allocated once per search and freed in `deinit`; the search itself allocates nothing.
struct ComponentSearch: ~Copyable {
    let structure: ComponentStructure
    let count: Int
    let stride: Int
    let optionCount: UnsafeMutablePointer<Int>
    /// scores[u * stride + a]: the score of option a of member u.
    let scores: UnsafeMutablePointer<Int>
    /// preference[u * stride + i]: the i-th preferred option of u (higher score first, then listed first).
    let preference: UnsafeMutablePointer<UInt8>
    /// One domain vector (count words) per search depth; depth 0 holds the root.
    let stack: UnsafeMutablePointer<UInt64>
    // Scratch of `scan` and `pairBound`: per member, whether it is undecided, its best score and the options
    // reaching it; the pairs the bound considers.
    let open: UnsafeMutablePointer<Bool>
    let tops: UnsafeMutablePointer<Int>
    let topMasks: UnsafeMutablePointer<UInt64>
    let pairs: UnsafeMutablePointer<(gain: Int, u: Int32, v: Int32)>
    // Propagation queue (a ring of constraint indexes) and which constraints are in it.
    let queue: UnsafeMutablePointer<Int32>
    let queued: UnsafeMutablePointer<Bool>
    let constraintCount: Int
    /// The best assignment found so far (valid when `best` > Int.min).
    let incumbent: UnsafeMutablePointer<Int>
    private(set) var nodes = 0
    /// Most nodes each phase may explore (see the type's documentation).
    let nodeBudget: Int
    /// The node count at which the current phase stops.
    private var limit = Int.max
    /// False when a phase ran out of its budget: the result is the best found, not proven optimal.
    private(set) var proven = true
    /// The optimum total (valid after `run()` returns an assignment).
    private(set) var target = Int.min
    var best = Int.min

    /// The default ``nodeBudget``: about a quarter of a second of search per phase in a release build, so that a
    /// whole review of the hardest overlays stays under a second (the real knowledge base needs 67 nodes).
    static let defaultNodeBudget = 150_000

    init(
        structure: ComponentStructure, firing: RuleFiring, compiled: CompiledKnowledgeBase,
        nodeBudget: Int = ComponentSearch.defaultNodeBudget
    ) {
        self.nodeBudget = max(1, nodeBudget)
        self.structure = structure
        let count = structure.members.count
        let stride = structure.stride
        self.count = count
        self.stride = stride
        constraintCount = structure.constraints.count
        optionCount = .allocate(capacity: count)
        scores = .allocate(capacity: count * stride)
        preference = .allocate(capacity: count * stride)
        stack = .allocate(capacity: (count + 2) * count)
        open = .allocate(capacity: count)
        tops = .allocate(capacity: count)
        topMasks = .allocate(capacity: count)
        pairs = .allocate(capacity: max(1, Int(structure.adjacencyStart[count]) / 2))
        queue = .allocate(capacity: max(1, constraintCount))
        queued = .allocate(capacity: max(1, constraintCount))
        queued.initialize(repeating: false, count: max(1, constraintCount))
        incumbent = .allocate(capacity: count)
        for (u, slot) in structure.members.enumerated() {
            let options = structure.optionCounts[u]
            optionCount[u] = options
            let row = firing.scores[slot]
            let base = u * stride
            for a in 0..<options {
                let score = row[a]
                scores[base + a] = score
                // Insertion sort: higher score first, then the option listed first.
                var i = a
                while i > 0, scores[base + Int(preference[base + i - 1])] < score {
                    preference[base + i] = preference[base + i - 1]
                    i -= 1
                }
                preference[base + i] = UInt8(a)
            }
            let all: UInt64 = options >= 64 ? ~0 : (1 << UInt64(options)) - 1
            stack[u] = all & ~firing.excluded[slot]
        }
    }

    deinit {
        optionCount.deallocate()
        scores.deallocate()
        preference.deallocate()
        stack.deallocate()
        open.deallocate()
        tops.deallocate()
        topMasks.deallocate()
        pairs.deallocate()
        queue.deallocate()
        queued.deallocate()
        incumbent.deallocate()
    }

    /// The best assignment by position, or nil when the component is infeasible. `hint` is a known assignment (for
    /// example the choice before an answer changed); when it is still allowed it becomes the first incumbent, so the
    /// search only has to look for something strictly better.
    mutating func run(hint: [Int]? = nil) -> [Int]? {
        let root = stack
        for u in 0..<count where root[u] == 0 { return nil }
        guard propagate(root, changed: -1) else { return nil }
        if let hint, hint.count == count, isAllowed(hint, in: root) {
            best = 0
            for u in 0..<count {
                best += scores[u * stride + hint[u]]
                incumbent[u] = hint[u]
            }
        }
        if best == Int.min {
            // A first incumbent from a fail-first dive (a tenth of the budget): on tightly constrained components
            // the best-first search of phase 1 can spend its whole budget before it completes any combination.
            limit = nodes + max(1, nodeBudget / 10)
            if feasible(depth: 0) {
                best = 0
                for u in 0..<count { best += scores[u * stride + incumbent[u]] }
            }
        }
        // A hint that reaches the root bound is optimal: skip straight to the tie-rule search.
        limit = nodes + nodeBudget
        if best == Int.min || bound(root) > best { optimise(depth: 0) }
        guard best != Int.min else {
            // Out of budget before any complete combination: infeasibility is not proven either, so finish the
            // search for a first combination (propagation makes this fast whenever one exists).
            if !proven { return firstFeasible() }
            return nil
        }
        target = best
        if !proven { return (0..<count).map { incumbent[$0] } }
        limit = nodes + nodeBudget
        return preferredOptimum()
    }

    // MARK: Phase 1: the optimum

    private mutating func optimise(depth: Int) {
        nodes += 1
        if nodes > limit {
            proven = false
            return
        }
        let domains = stack + depth * count
        let (simple, branch) = scan(domains)
        if branch < 0 {
            if simple > best {
                best = simple
                for u in 0..<count { incumbent[u] = domains[u].trailingZeroBitCount }
            }
            return
        }
        if best != Int.min, simple <= best || pairBound(domains, simple: simple) <= best { return }
        let domain = domains[branch]
        let child = domains + count
        let base = branch * stride
        for i in 0..<optionCount[branch] {
            let bit: UInt64 = 1 << UInt64(preference[base + i])
            guard domain & bit != 0 else { continue }
            child.update(from: domains, count: count)
            child[branch] = bit
            if propagate(child, changed: branch) { optimise(depth: depth + 1) }
            if !proven { return }
        }
    }

    /// After phase 1 ran out of budget without any combination: the first combination a plain depth-first search
    /// meets (or nil when there is none), which becomes the incumbent and the target.
    private mutating func firstFeasible() -> [Int]? {
        limit = Int.max
        guard feasible(depth: 0) else { return nil }
        target = 0
        for u in 0..<count { target += scores[u * stride + incumbent[u]] }
        return (0..<count).map { incumbent[$0] }
    }

    /// Depth-first search for any combination, branching on the decision with the fewest options left; stops at
    /// `limit` nodes. A combination found becomes the incumbent (without touching `best`).
    private mutating func feasible(depth: Int) -> Bool {
        nodes += 1
        if nodes > limit { return false }
        let domains = stack + depth * count
        // Fail first: branch on the undecided decision with the fewest options left.
        var branch = -1
        var smallest = Int.max
        for u in 0..<count {
            let size = domains[u].nonzeroBitCount
            if size > 1, size < smallest {
                smallest = size
                branch = u
            }
        }
        if branch < 0 {
            for u in 0..<count { incumbent[u] = domains[u].trailingZeroBitCount }
            return true
        }
        let domain = domains[branch]
        let child = domains + count
        let base = branch * stride
        for i in 0..<optionCount[branch] {
            let bit: UInt64 = 1 << UInt64(preference[base + i])
            guard domain & bit != 0 else { continue }
            child.update(from: domains, count: count)
            child[branch] = bit
            if propagate(child, changed: branch), feasible(depth: depth + 1) { return true }
        }
        return false
    }

    // MARK: Phase 2: the preferred combination reaching the optimum

    /// Builds the preferred combination reaching `target` decision by decision in knowledge-base order: each
    /// decision takes its most preferred option for which some completion still reaches `target`. The incumbent
    /// (an optimum) is such a completion while the options taken agree with it, so its option is taken without a
    /// search; an option preferred to it is checked by ``reaches(depth:)``, whose witness becomes the incumbent.
    private mutating func preferredOptimum() -> [Int] {
        let domains = stack
        let child = stack + count
        for position in 0..<count {
            nodes += 1
            let domain = domains[position]
            let base = position * stride
            for i in 0..<optionCount[position] {
                let option = Int(preference[base + i])
                let bit: UInt64 = 1 << UInt64(option)
                guard domain & bit != 0 else { continue }
                child.update(from: domains, count: count)
                child[position] = bit
                guard propagate(child, changed: position) else { continue }
                if option == incumbent[position] || reaches(depth: 1) {
                    domains.update(from: child, count: count)
                    break
                }
            }
        }
        return (0..<count).map { domains[$0].trailingZeroBitCount }
    }

    /// Whether some combination within the domains at `depth` reaches `target`; when one does, it becomes the
    /// incumbent. Branches like phase 1 (largest regret first) and prunes nodes whose bound is below `target`.
    private mutating func reaches(depth: Int) -> Bool {
        nodes += 1
        if nodes > limit {
            // Out of budget: answer "not shown", so the decision keeps the optimum's option.
            proven = false
            return false
        }
        let domains = stack + depth * count
        let (simple, branch) = scan(domains)
        if branch < 0 {
            guard simple >= target else { return false }
            for u in 0..<count { incumbent[u] = domains[u].trailingZeroBitCount }
            return true
        }
        if simple < target || pairBound(domains, simple: simple) < target { return false }
        let domain = domains[branch]
        let child = domains + count
        let base = branch * stride
        for i in 0..<optionCount[branch] {
            let bit: UInt64 = 1 << UInt64(preference[base + i])
            guard domain & bit != 0 else { continue }
            child.update(from: domains, count: count)
            child[branch] = bit
            if propagate(child, changed: branch), reaches(depth: depth + 1) { return true }
            if !proven { return false }
        }
        return false
    }

    // MARK: Helpers

    /// Whether an assignment takes only allowed options and satisfies every constraint.
    private func isAllowed(_ assignment: [Int], in domains: UnsafeMutablePointer<UInt64>) -> Bool {
        for index in 0..<count {
            let option = assignment[index]
            guard option >= 0, option < optionCount[index], domains[index] & (1 << UInt64(option)) != 0 else {
                return false
            }
        }
        for constraint in structure.constraints
        where 1 << UInt64(assignment[constraint.source]) == constraint.sourceBit {
            if constraint.allowed & (1 << UInt64(assignment[constraint.target])) == 0 { return false }
        }
        return true
    }

    /// The full bound of a node (``scan(_:)`` then ``pairBound(_:simple:)``).
    private func bound(_ domains: UnsafeMutablePointer<UInt64>) -> Int {
        pairBound(domains, simple: scan(domains).simple)
    }
}
