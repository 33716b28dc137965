/// Exact joint choice: the combination of options, one per active decision, with the highest total score that
/// satisfies every exclusion and compatibility constraint.
///
/// Decisions split into independent components (connected by constraints); each component is solved by
/// depth-first branch and bound with arc-consistency propagation after every assignment and an upper bound of
/// "current score + the best remaining option of every unassigned decision".
///
/// **Tie rule** (documented in README): among combinations with the same highest total, the one preferred
/// decision by decision in knowledge-base order, where a decision prefers the option with the higher own score,
/// then the option listed first. Variables are assigned in knowledge-base order and values tried in that
/// preference order, and only a strictly better total replaces the incumbent, so the first optimum found is the
/// preferred one.
struct ConstraintSolver {
    struct Problem {
        /// Options per decision (at most 64).
        var optionCounts: [Int]
        /// Whether each decision takes part (its appliesIf holds).
        var active: [Bool]
        /// Allowed options per decision (excluded ones removed).
        var domains: [UInt64]
        /// scores[decision][option]
        var scores: [[Int]]
        var constraints: [CompiledKnowledgeBase.Constraint]
    }

    struct Solution {
        /// Chosen option per decision; nil when inactive or infeasible.
        var choice: [Int?]
        /// Components (decision slots, ascending) for which no combination satisfies the constraints.
        var infeasible: [[Int]]
        /// Search nodes explored, over all components.
        var nodes: Int
        var total: Int
    }

    static func solve(_ problem: Problem) -> Solution {
        let count = problem.optionCounts.count
        var solution = Solution(choice: [Int?](repeating: nil, count: count), infeasible: [], nodes: 0, total: 0)
        let relevant = problem.constraints.filter {
            problem.active[$0.sourceDecision] && problem.active[$0.targetDecision]
        }
        for component in components(count: count, active: problem.active, constraints: relevant) {
            var search = ComponentSearch(problem: problem, variables: component, allConstraints: relevant)
            if let assignment = search.run() {
                for (slot, option) in assignment { solution.choice[slot] = option }
                solution.total += search.bestTotal
            } else {
                solution.infeasible.append(component)
            }
            solution.nodes += search.nodes
        }
        return solution
    }

    /// Connected components of active decisions, each sorted ascending, ordered by their first decision.
    static func components(count: Int, active: [Bool], constraints: [CompiledKnowledgeBase.Constraint]) -> [[Int]] {
        var parent = Array(0..<count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for constraint in constraints {
            let a = find(constraint.sourceDecision)
            let b = find(constraint.targetDecision)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var groups: [Int: [Int]] = [:]
        for slot in 0..<count where active[slot] { groups[find(slot), default: []].append(slot) }
        return groups.values.sorted { $0[0] < $1[0] }
    }
}

/// Branch and bound over one component, on local indices (position in `variables`) and bit-set domains.
struct ComponentSearch {
    struct LocalConstraint {
        let source: Int
        let sourceBit: UInt64
        let target: Int
        let allowed: UInt64
    }

    let variables: [Int]
    let scores: [[Int]]
    let constraints: [LocalConstraint]
    let preference: [[Int]]
    var rootDomains: [UInt64]
    var nodes = 0
    var bestTotal = Int.min
    var best: [Int]?

    init(problem: ConstraintSolver.Problem, variables: [Int], allConstraints: [CompiledKnowledgeBase.Constraint]) {
        self.variables = variables
        var local: [Int: Int] = [:]
        for (position, slot) in variables.enumerated() { local[slot] = position }
        scores = variables.map { problem.scores[$0] }
        constraints = allConstraints.compactMap { constraint in
            guard let source = local[constraint.sourceDecision], let target = local[constraint.targetDecision] else {
                return nil
            }
            return LocalConstraint(
                source: source, sourceBit: 1 << UInt64(constraint.sourceOption), target: target,
                allowed: constraint.allowed)
        }
        preference = variables.map { slot in
            Array(0..<problem.optionCounts[slot]).sorted {
                (problem.scores[slot][$0], -$0) > (problem.scores[slot][$1], -$1)
            }
        }
        rootDomains = variables.map { problem.domains[$0] }
    }

    /// The best assignment (slot -> option), or nil when the component is infeasible.
    mutating func run() -> [Int: Int]? {
        var domains = rootDomains
        guard propagate(&domains) else { return nil }
        rootDomains = domains
        search(0, domains: domains, current: 0)
        guard let best else { return nil }
        var assignment: [Int: Int] = [:]
        for (position, slot) in variables.enumerated() { assignment[slot] = best[position] }
        return assignment
    }

    private mutating func search(_ position: Int, domains: [UInt64], current: Int) {
        nodes += 1
        if position == variables.count {
            if current > bestTotal {
                bestTotal = current
                best = domains.map { $0.trailingZeroBitCount }
            }
            return
        }
        if bestTotal != Int.min {
            var bound = current
            for index in position..<variables.count { bound += bestScore(index, in: domains[index]) }
            if bound <= bestTotal { return }
        }
        let domain = domains[position]
        for option in preference[position] where domain & (1 << UInt64(option)) != 0 {
            var next = domains
            next[position] = 1 << UInt64(option)
            if propagate(&next) {
                search(position + 1, domains: next, current: current + scores[position][option])
            }
        }
    }

    private func bestScore(_ index: Int, in domain: UInt64) -> Int {
        var best = Int.min
        var rest = domain
        while rest != 0 {
            let option = rest.trailingZeroBitCount
            rest &= rest - 1
            best = max(best, scores[index][option])
        }
        return best == Int.min ? 0 : best
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
