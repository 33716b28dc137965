/// Exact joint choice: the combination of options, one per active decision, with the highest total score that
/// satisfies every exclusion and compatibility constraint.
///
/// Active decisions split into independent components (connected by constraints); each component is solved
/// exactly by ``ComponentSearch``. Components let what-if re-solve only the part an answer can reach. Structures of
/// components that are whole components of the full constraint graph are prebuilt (``SolverComponents``).
struct ConstraintSolver {
    struct Solution: Sendable {
        /// Chosen option per decision; nil when inactive or infeasible.
        var choice: [Int?]
        /// Components (decision slots, ascending) for which no combination satisfies the constraints.
        var infeasible: [[Int]]
        /// Search nodes explored, over all components.
        var nodes: Int
        var total: Int
        /// The components of active decisions, and the component index of each decision (-1 when inactive).
        var components: [[Int]]
        var componentOf: [Int]
    }

    /// One solved component.
    struct SolvedComponent: Sendable {
        /// The decisions, ascending.
        var members: [Int]
        /// The choice by position; nil for the members of an infeasible core.
        var assignment: [Int?]
        var total: Int
        var nodes: Int
        /// When the component is infeasible: minimal sets of members that cannot all hold (decision slots,
        /// ascending); every other member is still chosen, optimally.
        var cores: [[Int]] = []
    }

    let compiled: CompiledKnowledgeBase

    /// Solves every component.
    func solve(_ firing: RuleFiring) -> Solution {
        Self.solution(of: solveComponents(firing), decisionCount: compiled.decisions.count)
    }

    /// Every component of active decisions, solved, ordered by first decision.
    func solveComponents(_ firing: RuleFiring) -> [SolvedComponent] {
        components(active: firing.decisionApplies).map { members in
            let result = solveComponent(members, firing: firing)
            return SolvedComponent(
                members: members, assignment: result.assignment, total: result.total, nodes: result.nodes,
                cores: result.cores)
        }
    }

    /// The solution made of these solved components (ordered by first decision; decisions in none are inactive).
    static func solution(of components: [SolvedComponent], decisionCount: Int) -> Solution {
        var solution = Solution(
            choice: [Int?](repeating: nil, count: decisionCount), infeasible: [], nodes: 0, total: 0,
            components: components.map(\.members), componentOf: [Int](repeating: -1, count: decisionCount))
        for (index, component) in components.enumerated() {
            for slot in component.members { solution.componentOf[slot] = index }
            solution.nodes += component.nodes
            for (position, slot) in component.members.enumerated() {
                solution.choice[slot] = component.assignment[position]
            }
            solution.total += component.total
            solution.infeasible.append(contentsOf: component.cores)
        }
        return solution
    }

    /// Connected components of active decisions, each sorted ascending, ordered by their first decision. When every
    /// decision is active these are the prebuilt components of the full graph.
    func components(active: [Bool]) -> [[Int]] {
        if !active.contains(false) { return compiled.solverComponents.components }
        return SolverComponents.components(active: active, constraints: compiled.constraints)
    }

    /// Solves one component (decision slots ascending): the assignment by position (nil for members of an
    /// infeasible core), the total, the search effort and the cores.
    func solveComponent(_ members: [Int], firing: RuleFiring) -> Outcome {
        solveComponent(
            compiled.solverComponents.structure(for: members)
                ?? ComponentStructure(members: members, compiled: compiled), firing: firing)
    }

    /// Solves one component whose structure is already built.
    /// `hint`, when given, is a known assignment to start from (see ``ComponentSearch/run(hint:)``).
    /// When no combination satisfies the constraints, the members outside a minimal colliding core are still
    /// solved (see ``solveAroundCores(_:firing:nodes:)``).
    func solveComponent(_ structure: ComponentStructure, firing: RuleFiring, hint: [Int]? = nil) -> Outcome {
        var search = ComponentSearch(structure: structure, firing: firing, compiled: compiled)
        if let assignment = search.run(hint: hint) {
            return Outcome(assignment: assignment, total: search.target, nodes: search.nodes, cores: [])
        }
        return solveAroundCores(structure.members, firing: firing, nodes: search.nodes)
    }

    /// A component's result.
    struct Outcome {
        var assignment: [Int?]
        var total: Int
        var nodes: Int
        var cores: [[Int]]
    }
}
