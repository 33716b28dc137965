@testable import RecommendationEngine

// The solver as it was before the flat-buffer rewrite (commit 7c5eb4b), kept as a reference: the rewrite must give
// the same choice, byte for byte, on instances too large for exhaustive enumeration.

/// The former structure of one component (nested arrays).
final class ReferenceStructure: Sendable {
    struct LocalConstraint: Sendable {
        let source: Int
        let sourceBit: UInt64
        let target: Int
        let allowed: UInt64
    }

    let members: [Int]
    let constraints: [LocalConstraint]
    /// touching[u]: the constraints whose source or target is u (what to re-check when u's options shrink).
    let touching: [[Int]]
    /// neighbors[u]: the other decisions a constraint links to u.
    let neighbors: [[Int]]
    /// pairMasks[u][k][a]: the options of neighbors[u][k] compatible with option a of u.
    let pairMasks: [[[UInt64]]]

    init(members: [Int], compiled: CompiledKnowledgeBase) {
        self.members = members
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
        var touching = [[Int]](repeating: [], count: members.count)
        for (index, constraint) in constraints.enumerated() {
            touching[constraint.source].append(index)
            if constraint.target != constraint.source { touching[constraint.target].append(index) }
        }
        self.touching = touching
        var neighborSets = [Set<Int>](repeating: [], count: members.count)
        for constraint in constraints where constraint.source != constraint.target {
            neighborSets[constraint.source].insert(constraint.target)
            neighborSets[constraint.target].insert(constraint.source)
        }
        let neighbors = neighborSets.map { $0.sorted() }
        self.neighbors = neighbors
        var pairMasks: [[[UInt64]]] = neighbors.enumerated().map { u, list in
            list.map { _ in [UInt64](repeating: ~0, count: compiled.optionCounts[members[u]]) }
        }
        for constraint in constraints where constraint.source != constraint.target {
            let option = constraint.sourceBit.trailingZeroBitCount
            // source = option  =>  target in allowed
            if let k = neighbors[constraint.source].firstIndex(of: constraint.target) {
                pairMasks[constraint.source][k][option] &= constraint.allowed
            }
            // seen from the target: every target option outside `allowed` excludes this source option
            if let k = neighbors[constraint.target].firstIndex(of: constraint.source) {
                for targetOption in pairMasks[constraint.target][k].indices
                where constraint.allowed & (1 << UInt64(targetOption)) == 0 {
                    pairMasks[constraint.target][k][targetOption] &= ~constraint.sourceBit
                }
            }
        }
        self.pairMasks = pairMasks
    }
}

/// The former search: two-phase branch and bound on nested arrays.
struct ReferenceSearch {
    private let count: Int
    private let scores: [[Int]]
    private let constraints: [ReferenceStructure.LocalConstraint]
    private let preference: [[Int]]
    /// touching[u]: the constraints whose source or target is u (what to re-check when u's options shrink).
    private let touching: [[Int]]
    /// neighbors[u]: the other decisions a constraint links to u.
    private let neighbors: [[Int]]
    /// pairMasks[u][k][a]: the options of neighbors[u][k] compatible with option a of u.
    private let pairMasks: [[[UInt64]]]
    private var domains: [UInt64]
    private(set) var nodes = 0
    /// The optimum total (valid after `run()` returns an assignment).
    private(set) var target = Int.min
    private var best = Int.min
    // Scratch buffers reused by every node (the search allocates nothing per node but the domain copies).
    private var scratchOpen: [Bool]
    private var scratchTops: [Int]
    private var scratchPairs: [(gain: Int, u: Int, v: Int, score: Int)] = []
    private var scratchQueue: [Int] = []
    private var scratchQueued: [Bool]

    init(structure: ReferenceStructure, firing: RuleFiring, compiled: CompiledKnowledgeBase) {
        let members = structure.members
        count = members.count
        constraints = structure.constraints
        touching = structure.touching
        neighbors = structure.neighbors
        pairMasks = structure.pairMasks
        scratchOpen = [Bool](repeating: false, count: members.count)
        scratchTops = [Int](repeating: 0, count: members.count)
        scratchQueued = [Bool](repeating: false, count: structure.constraints.count)
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

    /// The best assignment by position, or nil when the component is infeasible. `hint` is a known assignment (for
    /// example the choice before an answer changed); when it is still allowed it becomes the first incumbent, so the
    /// search only has to look for something strictly better.
    mutating func run(hint: [Int]? = nil) -> [Int]? {
        var root = domains
        guard !root.contains(0), propagate(&root, changed: nil) else { return nil }
        if let hint, hint.count == count, isAllowed(hint, in: root) {
            best = (0..<count).reduce(0) { $0 + scores[$1][hint[$1]] }
        }
        // A hint that reaches the root bound is optimal: skip straight to the tie-rule search.
        if best == Int.min || upperBound(root) > best { optimise(root) }
        guard best != Int.min else { return nil }
        target = best
        return firstReaching(0, root)
    }

    // MARK: Phase 1: the optimum

    private mutating func optimise(_ domains: [UInt64]) {
        nodes += 1
        var branch = -1
        var branchRegret = -1
        var branchSize = Int.max
        for index in 0..<count {
            let domain = domains[index]
            if domain & (domain &- 1) != 0 {
                let (top, second) = topTwo(index, domain)
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
            let total = exactTotal(domains)
            if total > best { best = total }
            return
        }
        if best != Int.min, simpleBound(domains) <= best || upperBound(domains) <= best { return }
        let domain = domains[branch]
        for option in preference[branch] where domain & (1 << UInt64(option)) != 0 {
            var next = domains
            next[branch] = 1 << UInt64(option)
            if propagate(&next, changed: branch) { optimise(next) }
        }
    }

    // MARK: Phase 2: the preferred combination reaching the optimum

    private mutating func firstReaching(_ position: Int, _ domains: [UInt64]) -> [Int]? {
        nodes += 1
        if simpleBound(domains) < target || upperBound(domains) < target { return nil }
        if position == count { return domains.map { $0.trailingZeroBitCount } }
        let domain = domains[position]
        for option in preference[position] where domain & (1 << UInt64(option)) != 0 {
            var next = domains
            next[position] = 1 << UInt64(option)
            if propagate(&next, changed: position),
                let found = firstReaching(position + 1, next)
            {
                return found
            }
        }
        return nil
    }

    // MARK: Helpers

    /// Whether an assignment takes only allowed options and satisfies every constraint.
    private func isAllowed(_ assignment: [Int], in domains: [UInt64]) -> Bool {
        for index in 0..<count where domains[index] & (1 << UInt64(assignment[index])) == 0 { return false }
        for constraint in constraints where 1 << UInt64(assignment[constraint.source]) == constraint.sourceBit {
            if constraint.allowed & (1 << UInt64(assignment[constraint.target])) == 0 { return false }
        }
        return true
    }

    /// The total of a complete assignment (every domain a single option).
    private func exactTotal(_ domains: [UInt64]) -> Int {
        var total = 0
        for index in 0..<count { total += scores[index][domains[index].trailingZeroBitCount] }
        return total
    }

    /// The sum of every decision's best remaining option: cheap, and often enough to prune.
    private func simpleBound(_ domains: [UInt64]) -> Int {
        var total = 0
        for index in 0..<count { total += topTwo(index, domains[index]).top }
        return total
    }

    /// An upper bound on the best total within `domains`, never above ``simpleBound(_:)``: decided decisions count exactly; undecided ones are
    /// paired with undecided neighbours and count the best *compatible* pair of options, the rest count their best
    /// option. Pairs are chosen greedily by how much pairing lowers the bound (the sum of the two best options minus
    /// the best compatible pair), which catches the common case where favourite options exclude each other.
    private mutating func upperBound(_ domains: [UInt64]) -> Int {
        var total = 0
        var open = scratchOpen
        var tops = scratchTops
        var pairs = scratchPairs
        scratchOpen = []
        scratchTops = []
        scratchPairs = []
        defer {
            scratchOpen = open
            scratchTops = tops
            scratchPairs = pairs
        }
        for u in 0..<count {
            open[u] = false
            let domain = domains[u]
            if domain & (domain &- 1) == 0 {
                total += scores[u][domain.trailingZeroBitCount]
            } else {
                open[u] = true
                tops[u] = topTwo(u, domain).top
            }
        }
        pairs.removeAll(keepingCapacity: true)
        for u in 0..<count where open[u] {
            for (k, v) in neighbors[u].enumerated() where v > u && open[v] {
                let pair = bestPair(u, k, v, domains)
                let gain = tops[u] + tops[v] - pair
                if gain > 0 { pairs.append((gain, u, v, pair)) }
            }
        }
        pairs.sort { ($0.gain, -$0.u, -$0.v) > ($1.gain, -$1.u, -$1.v) }
        for pair in pairs where open[pair.u] && open[pair.v] {
            open[pair.u] = false
            open[pair.v] = false
            total += pair.score
        }
        for u in 0..<count where open[u] { total += tops[u] }
        return total
    }

    /// The best score of a compatible pair of options of u and its k-th neighbour v.
    private func bestPair(_ u: Int, _ k: Int, _ v: Int, _ domains: [UInt64]) -> Int {
        var best = Int.min / 4
        var rest = domains[u]
        while rest != 0 {
            let a = rest.trailingZeroBitCount
            rest &= rest - 1
            let partner = domains[v] & pairMasks[u][k][a]
            guard partner != 0 else { continue }
            let total = scores[u][a] + topTwo(v, partner).top
            if total > best { best = total }
        }
        return best
    }

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
    /// allowed option left, and narrows targets of decided sources. Starts from the constraints touching `changed`
    /// (all constraints when nil) and follows the decisions whose options shrink. Returns false when one empties.
    private mutating func propagate(_ domains: inout [UInt64], changed: Int?) -> Bool {
        var queue = scratchQueue
        var queued = scratchQueued
        scratchQueue = []
        scratchQueued = []
        defer {
            for index in queue { queued[index] = false }
            queue.removeAll(keepingCapacity: true)
            scratchQueue = queue
            scratchQueued = queued
        }
        if let changed {
            queue.append(contentsOf: touching[changed])
        } else {
            queue.append(contentsOf: constraints.indices)
        }
        for index in queue { queued[index] = true }
        var head = 0
        func shrank(_ variable: Int) {
            for index in touching[variable] where !queued[index] {
                queued[index] = true
                queue.append(index)
            }
        }
        while head < queue.count {
            let index = queue[head]
            head += 1
            queued[index] = false
            let constraint = constraints[index]
            let source = domains[constraint.source]
            guard source & constraint.sourceBit != 0 else { continue }
            let target = domains[constraint.target]
            if target & constraint.allowed == 0 {
                let narrowed = source & ~constraint.sourceBit
                domains[constraint.source] = narrowed
                if narrowed == 0 { return false }
                shrank(constraint.source)
            } else if source == constraint.sourceBit, target & ~constraint.allowed != 0 {
                domains[constraint.target] = target & constraint.allowed
                shrank(constraint.target)
            }
        }
        return true
    }
}
