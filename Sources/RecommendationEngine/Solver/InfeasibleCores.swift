extension ConstraintSolver {
    /// An infeasible component, explained and solved around: a deletion filter finds a minimal set of members whose
    /// options (after exclusions) cannot satisfy the constraints among them — dropping any one member makes the rest
    /// satisfiable — and the remaining members are solved again, exactly; repeated until they are feasible.
    ///
    /// Deterministic: members are tried in ascending order. Each test is an exact search over a subset, so the cost
    /// is at most one search per member per core; it is paid only when the answers make the knowledge base's
    /// constraints collide.
    func solveAroundCores(_ members: [Int], firing: RuleFiring, nodes spent: Int) -> Outcome {
        var nodes = spent
        var cores: [[Int]] = []
        var remaining = members
        var outcome: (assignment: [Int], total: Int)?
        func search(_ subset: [Int]) -> (assignment: [Int], total: Int)? {
            var search = ComponentSearch(
                structure: ComponentStructure(members: subset, compiled: compiled), firing: firing, compiled: compiled)
            let result = search.run()
            nodes += search.nodes
            return result.map { ($0, search.target) }
        }
        while !remaining.isEmpty {
            var core = remaining
            for member in remaining where core.count > 1 {
                let without = core.filter { $0 != member }
                if search(without) == nil { core = without }
            }
            cores.append(core)
            remaining.removeAll { core.contains($0) }
            guard !remaining.isEmpty else { break }
            if let solved = search(remaining) {
                outcome = (
                    remaining.indices.map { solved.assignment[$0] }, solved.total
                )
                break
            }
        }
        var assignment = [Int?](repeating: nil, count: members.count)
        if let outcome {
            for (position, slot) in remaining.enumerated() {
                assignment[members.firstIndex(of: slot)!] = outcome.assignment[position]
            }
        }
        return Outcome(assignment: assignment, total: outcome?.total ?? 0, nodes: nodes, cores: cores)
    }
}
