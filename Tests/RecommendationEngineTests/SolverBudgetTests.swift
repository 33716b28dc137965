import KnowledgeModel
import StackwiseTestSupport
import Testing

@testable import RecommendationEngine

/// The solver's node budget (issue 17, item 5): a search that runs out returns a valid combination marked "not proven
/// optimal"; within the budget results stay exact (the differential tests in SolverTests).
@Suite struct SolverBudgetTests {
    /// Whether a choice satisfies every constraint among the chosen options.
    func satisfiesConstraints(_ choice: [Int?], _ compiled: CompiledKnowledgeBase) -> Bool {
        compiled.constraints.allSatisfy { constraint in
            guard let source = choice[constraint.sourceDecision], source == constraint.sourceOption,
                let target = choice[constraint.targetDecision]
            else { return true }
            return constraint.allowed & (1 << UInt64(target)) != 0
        }
    }

    @Test func runningOutOfNodesGivesAValidCombinationMarkedUnproven() {
        var rng = SeededGenerator(state: 17)
        var unproven = 0
        for instance in 0..<30 {
            let kb = randomSolverInstance(&rng, decisions: 30, options: 6, links: 120, scoreRange: 10)
            let engine = RecommendationEngine(knowledgeBase: kb)
            let firing = engine.evaluate(AnswerSet()).firing
            let exact = ConstraintSolver(compiled: engine.compiled).solve(firing)
            let limited = ConstraintSolver(compiled: engine.compiled, nodeBudget: 3).solve(firing)
            #expect(exact.provenOptimal, "instance \(instance)")
            if !limited.provenOptimal { unproven += 1 }
            #expect(limited.nodes < exact.nodes || limited.provenOptimal, "instance \(instance)")
            // Never worse than infeasible, never an invalid combination, never above the optimum.
            #expect(limited.infeasible.isEmpty == exact.infeasible.isEmpty, "instance \(instance)")
            #expect(satisfiesConstraints(limited.choice, engine.compiled), "instance \(instance)")
            #expect(limited.total <= exact.total, "instance \(instance)")
            if limited.provenOptimal { #expect(limited.choice == exact.choice, "instance \(instance)") }
        }
        #expect(unproven > 20)
    }

    @Test func theReviewCarriesTheMark() {
        let kb = RandomInstances.knowledgeBase(decisions: 40, options: 8, constraints: 300, seed: 3)
        var engine = RecommendationEngine(knowledgeBase: kb)
        #expect(engine.review(AnswerSet()).provenOptimal)
        #expect(engine.choose(AnswerSet()).provenOptimal)
        engine.solverNodeBudget = 2
        #expect(!engine.review(AnswerSet()).provenOptimal)
        #expect(!engine.choose(AnswerSet()).provenOptimal)
        #expect(!ReviewSession(engine: engine, answers: AnswerSet()).review.provenOptimal)
    }
}
