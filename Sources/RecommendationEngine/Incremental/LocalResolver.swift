/// Re-solves only the constraint components an answer change can reach, found by a local walk over the constraint
/// graph, so that the cost does not grow with the size of the knowledge base. Used by what-if (for every
/// alternative answer) and by ``ReviewSession`` (for every real change).
///
/// Keeps the structures of components that are not whole components of the constraint graph (those are prebuilt
/// with the knowledge base), by member list. (Memoising solutions by scores was tried and measured slower: hashing
/// the key costs more than the solver now does.)
struct LocalResolver: Sendable {
    typealias Solved = ConstraintSolver.SolvedComponent

    let compiled: CompiledKnowledgeBase
    private var structures: [[Int]: ComponentStructure] = [:]
    private var placed = SlotMarks()
    private var seen = SlotMarks()

    /// Bounds the memory of the caches (entries); they are emptied when full.
    private static let cacheLimit = 20_000

    /// Search nodes per component and phase for a real change (the review itself).
    let nodeBudget: Int
    /// Search nodes per component and phase for a what-if alternative (``resolve`` with `hinted`): 1/300 of
    /// ``nodeBudget``. A what-if search starts from the current choice, so a search cut short keeps that choice
    /// (it can only miss a change, never invent one); without this cap a knowledge base whose components exhaust
    /// the budget made the what-if sweep re-spend it for every alternative answer (80 s for the hard overlay).
    let whatIfNodeBudget: Int

    init(compiled: CompiledKnowledgeBase, nodeBudget: Int = ComponentSearch.defaultNodeBudget) {
        self.compiled = compiled
        self.nodeBudget = max(1, nodeBudget)
        self.whatIfNodeBudget = max(1, nodeBudget / 300)
    }

    /// Re-solves every component of active decisions that contains a decision of `affected`, or a member of the
    /// `base` component such a decision belonged to.
    ///
    /// - Parameters:
    ///   - marks: contains `affected` on entry; on return also every decision in `reach`.
    ///   - hinted: start each search from the base choice (what-if, where node counts do not matter); without it
    ///     every component is solved from scratch, exactly as a full solve would.
    ///   - visited: receives every decision whose state the walk read (for what-if's dependency footprints).
    /// - Returns: the solved components, and `reach`: every decision whose choice may differ, ascending.
    mutating func resolve(
        affected: [Int], firing: RuleFiring, base: ConstraintSolver.Solution, marks: inout SlotMarks, hinted: Bool,
        visited: inout [Int]
    ) -> (solved: [Solved], reach: [Int]) {
        var reach = affected
        for decision in affected where base.componentOf[decision] >= 0 {
            for member in base.components[base.componentOf[decision]] where marks.insert(member) {
                reach.append(member)
            }
        }
        reach.sort()
        placed.reset(count: compiled.decisions.count)
        var solved: [Solved] = []
        let solver = ConstraintSolver(compiled: compiled, nodeBudget: hinted ? whatIfNodeBudget : nodeBudget)
        for start in reach where firing.decisionApplies[start] && !placed.contains(start) {
            let members = component(from: start, firing: firing, visited: &visited)
            for member in members { _ = placed.insert(member) }
            solved.append(solve(members, firing: firing, base: base, solver: solver, hinted: hinted))
        }
        var grown = false
        for component in solved {
            for member in component.members where marks.insert(member) {
                reach.append(member)
                grown = true
            }
        }
        if grown { reach.sort() }
        visited.append(contentsOf: reach)
        return (solved, reach)
    }

    /// Whether `decision` belongs to one of the components solved by the last ``resolve``.
    func wasSolved(_ decision: Int) -> Bool { placed.contains(decision) }

    private mutating func solve(
        _ members: [Int], firing: RuleFiring, base: ConstraintSolver.Solution, solver: ConstraintSolver, hinted: Bool
    ) -> Solved {
        let structure: ComponentStructure
        if let prebuilt = compiled.solverComponents.structure(for: members) {
            structure = prebuilt
        } else if let cached = structures[members] {
            structure = cached
        } else {
            structure = ComponentStructure(members: members, compiled: compiled)
            if structures.count >= Self.cacheLimit { structures.removeAll(keepingCapacity: true) }
            structures[members] = structure
        }
        var hint: [Int]?
        if hinted {
            // The choice before the change is a good first incumbent: most alternatives change little.
            let before = members.map { base.choice[$0] }
            hint = before.contains(nil) ? nil : before.map { $0! }
        }
        let result = solver.solveComponent(structure, firing: firing, hint: hint)
        return Solved(
            members: members, assignment: result.assignment, total: result.total, nodes: result.nodes,
            cores: result.cores, proven: result.proven)
    }

    /// The active decisions connected to `start` by constraints between active decisions, ascending.
    private mutating func component(from start: Int, firing: RuleFiring, visited: inout [Int]) -> [Int] {
        seen.reset(count: compiled.decisions.count)
        var members = [start]
        _ = seen.insert(start)
        var next = 0
        while next < members.count {
            let decision = members[next]
            next += 1
            for index in compiled.constraintsBySource[decision] {
                let other = compiled.constraints[index].targetDecision
                visited.append(other)
                if firing.decisionApplies[other], seen.insert(other) { members.append(other) }
            }
            for index in compiled.constraintsByTarget[decision] {
                let other = compiled.constraints[index].sourceDecision
                visited.append(other)
                if firing.decisionApplies[other], seen.insert(other) { members.append(other) }
            }
        }
        return members.sorted()
    }
}
