import KnowledgeModel
import RuleLanguage
import StackwiseTestSupport
import Testing

@testable import RecommendationEngine

/// A random solver instance: `decisions` decisions with 2...`options` options, `links` random conflicts and
/// requirements between options of different decisions, and scores in 0..<`scoreRange` (small ranges give ties).
func randomSolverInstance(
    _ rng: inout SeededGenerator, decisions: Int, options: Int, links: Int, scoreRange: Int
) -> KnowledgeBase {
    let optionCounts = (0..<decisions).map { _ in Int.random(in: 2...options, using: &rng) }
    var conflicts: [Int: [Int: [Conflict]]] = [:]
    var requires: [Int: [Int: [Requirement]]] = [:]
    for _ in 0..<links {
        let a = Int.random(in: 0..<decisions, using: &rng)
        let b = Int.random(in: 0..<decisions, using: &rng)
        guard a != b else { continue }
        let optionA = Int.random(in: 0..<optionCounts[a], using: &rng)
        if Int.random(in: 0..<4, using: &rng) == 0 {
            let anyOf = (0..<optionCounts[b]).filter { _ in Bool.random(using: &rng) }.map { "o\($0)" }
            requires[a, default: [:]][optionA, default: []].append(
                Requirement(decision: "d\(b)", anyOf: anyOf, reason: "random"))
        } else {
            let optionB = Int.random(in: 0..<optionCounts[b], using: &rng)
            conflicts[a, default: [:]][optionA, default: []].append(
                Conflict(option: OptionRef(decision: "d\(b)", option: "o\(optionB)"), reason: "random"))
        }
    }
    let decisionList = (0..<decisions).map { d in
        Decision(
            id: "d\(d)", title: "D\(d)", problem: "P", order: d,
            options: (0..<optionCounts[d]).map { o in
                DecisionOption(
                    id: "o\(o)", name: "O\(o)", summary: "S", requires: requires[d]?[o] ?? [],
                    conflicts: conflicts[d]?[o] ?? [])
            })
    }
    var scores: [ScoreEffect] = []
    for d in 0..<decisions {
        for o in 0..<optionCounts[d] {
            let weight = Int.random(in: 0..<scoreRange, using: &rng)
            scores.append(ScoreEffect(target: OptionRef(decision: "d\(d)", option: "o\(o)"), weight: weight))
        }
    }
    let rule = Rule(id: "scores", when: try! Condition(parsing: "true", at: nil), because: "random", scores: scores)
    return KnowledgeBase(decisions: decisionList, rules: [rule])
}

/// The scored firing of an instance with no answers, with some options excluded and some decisions switched off.
func randomFiring(
    _ engine: RecommendationEngine, _ rng: inout SeededGenerator, exclusions: Int, inactive: Int
)
    -> RuleFiring
{
    var firing = engine.evaluate(AnswerSet()).firing
    let count = engine.compiled.decisions.count
    for _ in 0..<exclusions {
        let decision = Int.random(in: 0..<count, using: &rng)
        firing.excluded[decision] |=
            1 << UInt64(Int.random(in: 0..<engine.compiled.optionCounts[decision], using: &rng))
    }
    for _ in 0..<inactive { firing.decisionApplies[Int.random(in: 0..<count, using: &rng)] = false }
    return firing
}

/// The former solver (``ReferenceSearch``) over the same components.
func referenceChoice(_ compiled: CompiledKnowledgeBase, _ firing: RuleFiring) -> [Int?] {
    var choice = [Int?](repeating: nil, count: compiled.decisions.count)
    for component in ConstraintSolver(compiled: compiled).components(active: firing.decisionApplies) {
        var search = ReferenceSearch(
            structure: ReferenceStructure(members: component, compiled: compiled), firing: firing, compiled: compiled)
        if let assignment = search.run() {
            for (position, slot) in component.enumerated() { choice[slot] = assignment[position] }
        }
    }
    return choice
}

/// Exhaustive enumeration of one component with the tie rule: combinations are visited decision by decision in
/// preference order, so the first one reaching the highest total is the preferred one.
func enumerate(
    _ members: [Int], _ compiled: CompiledKnowledgeBase, _ firing: RuleFiring
) -> (
    assignment: [Int], total: Int
)? {
    let orders = members.map { slot in
        firing.scores[slot].indices.sorted { (firing.scores[slot][$0], -$0) > (firing.scores[slot][$1], -$1) }
            .filter { firing.excluded[slot] & (1 << UInt64($0)) == 0 }
    }
    var best: (assignment: [Int], total: Int)?
    var assignment = [Int](repeating: 0, count: members.count)
    func visit(_ position: Int, _ total: Int) {
        if position == members.count {
            for constraint in compiled.constraints {
                guard let s = members.firstIndex(of: constraint.sourceDecision),
                    let t = members.firstIndex(of: constraint.targetDecision)
                else { continue }
                if assignment[s] == constraint.sourceOption, constraint.allowed & (1 << UInt64(assignment[t])) == 0 {
                    return
                }
            }
            if best == nil || total > best!.total { best = (assignment, total) }
            return
        }
        for option in orders[position] {
            assignment[position] = option
            visit(position + 1, total + firing.scores[members[position]][option])
        }
    }
    visit(0, 0)
    return best
}

@Suite struct SolverTests {
    @Test func flatSearchMatchesTheFormerSolverOnLargerInstances() {
        var rng = SeededGenerator(state: 777)
        for instance in 0..<120 {
            let decisions = Int.random(in: 10...30, using: &rng)
            let kb = randomSolverInstance(
                &rng, decisions: decisions, options: 6, links: Int.random(in: decisions...decisions * 4, using: &rng),
                scoreRange: [3, 10, 40][instance % 3])
            let engine = RecommendationEngine(knowledgeBase: kb)
            let firing = randomFiring(engine, &rng, exclusions: instance % 4 * 3, inactive: instance % 5)
            let solver = ConstraintSolver(compiled: engine.compiled)
            let solution = solver.solve(firing)
            let reference = referenceChoice(engine.compiled, firing)
            // Components the former solver solved are solved identically; in the others (it gave up on the whole
            // component) at least one core is named.
            for component in solver.components(active: firing.decisionApplies) {
                if component.contains(where: { reference[$0] != nil }) {
                    #expect(
                        component.map { solution.choice[$0] } == component.map { reference[$0] }, "instance \(instance)"
                    )
                } else {
                    #expect(
                        solution.infeasible.contains { core in core.allSatisfy(component.contains) },
                        "instance \(instance)")
                }
            }
        }
    }

    @Test func smallDenseInstancesMatchEnumeration() {
        var rng = SeededGenerator(state: 4242)
        var infeasible = 0
        for instance in 0..<200 {
            let decisions = Int.random(in: 2...7, using: &rng)
            let kb = randomSolverInstance(
                &rng, decisions: decisions, options: 4, links: Int.random(in: 0...decisions * 3, using: &rng),
                scoreRange: instance % 2 == 0 ? 2 : 6)
            let engine = RecommendationEngine(knowledgeBase: kb)
            let firing = randomFiring(engine, &rng, exclusions: instance % 3, inactive: instance % 4 == 0 ? 1 : 0)
            let solver = ConstraintSolver(compiled: engine.compiled)
            for component in solver.components(active: firing.decisionApplies) {
                let result = solver.solveComponent(component, firing: firing)
                if let expected = enumerate(component, engine.compiled, firing) {
                    #expect(result.assignment == expected.assignment, "instance \(instance)")
                    #expect(result.total == expected.total, "instance \(instance)")
                    #expect(result.cores.isEmpty, "instance \(instance)")
                    continue
                }
                infeasible += 1
                // Each core is infeasible and irreducible; the other members get the optimum of what remains.
                #expect(!result.cores.isEmpty, "instance \(instance)")
                var remaining = component
                for core in result.cores {
                    #expect(enumerate(core, engine.compiled, firing) == nil, "instance \(instance): core \(core)")
                    for member in core where core.count > 1 {
                        #expect(
                            enumerate(core.filter { $0 != member }, engine.compiled, firing) != nil,
                            "instance \(instance): core \(core) without \(member)")
                    }
                    remaining.removeAll { core.contains($0) }
                }
                let rest = enumerate(remaining, engine.compiled, firing)
                #expect(remaining.isEmpty || rest != nil, "instance \(instance)")
                let chosen = component.indices.filter { result.assignment[$0] != nil }.map { component[$0] }
                #expect(chosen == remaining, "instance \(instance)")
                if let rest, !remaining.isEmpty {
                    #expect(result.assignment.compactMap { $0 } == rest.assignment, "instance \(instance)")
                    #expect(result.total == rest.total, "instance \(instance)")
                }
            }
        }
        #expect(infeasible > 0)
    }

    @Test func prebuiltStructuresGiveTheSameResultAsFreshOnes() {
        var rng = SeededGenerator(state: 99)
        for instance in 0..<40 {
            let kb = randomSolverInstance(&rng, decisions: 20, options: 5, links: 25, scoreRange: 5)
            let engine = RecommendationEngine(knowledgeBase: kb)
            let compiled = engine.compiled
            let firing = randomFiring(engine, &rng, exclusions: 3, inactive: 0)
            let solver = ConstraintSolver(compiled: compiled)
            #expect(solver.components(active: firing.decisionApplies) == compiled.solverComponents.components)
            for (index, component) in compiled.solverComponents.components.enumerated() {
                let prebuilt = compiled.solverComponents.structure(for: component)
                #expect(prebuilt === compiled.solverComponents.structures[index])
                let cached = solver.solveComponent(prebuilt!, firing: firing)
                let fresh = solver.solveComponent(
                    ComponentStructure(members: component, compiled: compiled), firing: firing)
                #expect(cached.assignment == fresh.assignment, "instance \(instance)")
                #expect(cached.total == fresh.total && cached.nodes == fresh.nodes, "instance \(instance)")
                if component.count > 1 {
                    #expect(compiled.solverComponents.structure(for: Array(component.dropLast())) == nil)
                }
            }
        }
    }

    @Test func hintsDoNotChangeTheChoice() {
        var rng = SeededGenerator(state: 5150)
        for instance in 0..<60 {
            let kb = randomSolverInstance(&rng, decisions: 16, options: 5, links: 30, scoreRange: 4)
            let engine = RecommendationEngine(knowledgeBase: kb)
            let firing = randomFiring(engine, &rng, exclusions: 2, inactive: 0)
            let solver = ConstraintSolver(compiled: engine.compiled)
            for component in solver.components(active: firing.decisionApplies) {
                let structure = ComponentStructure(members: component, compiled: engine.compiled)
                let plain = solver.solveComponent(structure, firing: firing)
                // The optimum itself, an arbitrary (often disallowed) assignment, and one of the wrong length.
                let arbitrary = component.map { Int.random(in: 0..<engine.compiled.optionCounts[$0], using: &rng) }
                let optimum: [Int]? = plain.cores.isEmpty ? plain.assignment.compactMap { $0 } : nil
                for hint in [optimum, arbitrary, [0]].compactMap({ $0 }) {
                    let hinted = solver.solveComponent(structure, firing: firing, hint: hint)
                    #expect(hinted.assignment == plain.assignment, "instance \(instance)")
                    #expect(hinted.total == plain.total, "instance \(instance)")
                }
            }
        }
    }
}

extension SolverTests {
    @Test(arguments: [(28, 6, 40), (28, 6, 120), (60, 8, 300)])
    func benchmarkInstancesMatchTheFormerSolver(_ family: (Int, Int, Int)) {
        for seed in 0..<20 {
            let kb = RandomInstances.knowledgeBase(
                decisions: family.0, options: family.1, constraints: family.2, seed: UInt64(seed))
            let engine = RecommendationEngine(knowledgeBase: kb)
            let firing = engine.evaluate(AnswerSet()).firing
            let solution = ConstraintSolver(compiled: engine.compiled).solve(firing)
            #expect(solution.choice == referenceChoice(engine.compiled, firing), "\(family) seed \(seed)")
        }
    }
}
