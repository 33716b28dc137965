/// The connected components of the full constraint graph (every decision active) with their structures, built
/// once when the knowledge base is compiled. A component of *active* decisions is a subset of the full component
/// holding its first member, and equals it when the sizes match; the solver then reuses the prebuilt structure
/// instead of building one per solve.
struct SolverComponents: Sendable {
    /// Components of all decisions, each ascending, ordered by their first decision.
    let components: [[Int]]
    /// componentOf[decision]: index into ``components``.
    let componentOf: [Int]
    /// structures[i]: the structure of components[i].
    let structures: [ComponentStructure]

    init(constraints: [CompiledKnowledgeBase.Constraint], constraintsBySource: [[Int]], optionCounts: [Int]) {
        let active = [Bool](repeating: true, count: optionCounts.count)
        components = Self.components(active: active, constraints: constraints)
        var componentOf = [Int](repeating: -1, count: optionCounts.count)
        for (index, component) in components.enumerated() {
            for slot in component { componentOf[slot] = index }
        }
        self.componentOf = componentOf
        structures = components.map {
            ComponentStructure(
                members: $0, constraints: constraints, constraintsBySource: constraintsBySource,
                optionCounts: optionCounts)
        }
    }

    /// The prebuilt structure for a component of active decisions (ascending), when it is a whole component of the
    /// full graph; nil otherwise.
    func structure(for members: [Int]) -> ComponentStructure? {
        guard let first = members.first, first < componentOf.count else { return nil }
        let index = componentOf[first]
        return components[index].count == members.count && components[index] == members ? structures[index] : nil
    }

    /// Connected components of active decisions (constraints between two active decisions link them), each sorted
    /// ascending, ordered by their first decision.
    static func components(active: [Bool], constraints: [CompiledKnowledgeBase.Constraint]) -> [[Int]] {
        let count = active.count
        var parent = Array(0..<count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for constraint in constraints
        where active[constraint.sourceDecision] && active[constraint.targetDecision] {
            let a = find(constraint.sourceDecision)
            let b = find(constraint.targetDecision)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var groups: [[Int]] = []
        var groupOfRoot = [Int](repeating: -1, count: count)
        for slot in 0..<count where active[slot] {
            let root = find(slot)
            if groupOfRoot[root] < 0 {
                groupOfRoot[root] = groups.count
                groups.append([])
            }
            groups[groupOfRoot[root]].append(slot)
        }
        return groups
    }
}
