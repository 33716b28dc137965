import KnowledgeModel
import RuleLanguage

/// Turns the knowledge base and a set of answers (possibly partial) into a ``Review``.
///
/// Create one per knowledge base (it compiles every condition once) and call ``review(_:)`` as often as needed;
/// it is cheap enough to rerun on every key press.
public struct RecommendationEngine: Sendable {
    public let knowledgeBase: KnowledgeBase
    let compiled: CompiledKnowledgeBase
    let index: DependencyIndex
    /// Most search nodes the solver spends per component and phase before it settles for the best combination found
    /// (marked "not proven optimal" in the review). The default keeps any review under about a second.
    public var solverNodeBudget = ComponentSearch.defaultNodeBudget

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
        self.compiled = CompiledKnowledgeBase(knowledgeBase)
        self.index = DependencyIndex(knowledgeBase, compiled: compiled)
    }

    /// The full review of `answers`.
    public func review(_ answers: AnswerSet) -> Review {
        let evaluation = evaluate(answers)
        return ReviewBuilder(engine: self, answers: answers, evaluation: evaluation).build()
    }

    /// Questions to ask for these answers, in interview order (their askIf holds).
    public func applicableQuestions(_ answers: AnswerSet) -> [Question] {
        let state = AnswerState(answers, compiled: compiled)
        return compiled.questions.indices.filter { state.applicable[$0] }.map { compiled.questions[$0] }
    }

    /// Whether a question is asked (its askIf holds) for these answers.
    public func isApplicable(_ questionID: String, _ answers: AnswerSet) -> Bool {
        guard let slot = compiled.questionSlot[questionID] else { return false }
        return AnswerState(answers, compiled: compiled).applicable[slot]
    }

    /// The scored, constrained state of one set of answers.
    struct Evaluation: Sendable {
        /// The effective answers; `state.chosen` holds the solution's options (checklist conditions read them).
        var state: AnswerState
        var firing: RuleFiring
        var solution: ConstraintSolver.Solution

        /// An empty evaluation (a placeholder while a working copy is moved elsewhere).
        static var placeholder: Evaluation {
            Evaluation(
                state: AnswerState(), firing: RuleFiring(),
                solution: ConstraintSolver.Solution(
                    choice: [], infeasible: [], nodes: 0, total: 0, components: [], componentOf: []))
        }
    }

    func evaluate(_ answers: AnswerSet) -> Evaluation {
        var state = AnswerState(answers, compiled: compiled)
        let firing = RuleFiring(state: state, compiled: compiled)
        let solution = solve(firing)
        for (slot, choice) in solution.choice.enumerated() {
            state.chosen[slot] = choice.map { compiled.decisions[slot].options[$0].id }
        }
        return Evaluation(state: state, firing: firing, solution: solution)
    }

    func solve(_ firing: RuleFiring) -> ConstraintSolver.Solution {
        ConstraintSolver(compiled: compiled, nodeBudget: solverNodeBudget).solve(firing)
    }
}

/// The joint choice alone, without explanations (the fast path for live panes and benchmarks).
public struct JointChoice: Sendable, Equatable {
    /// Decision id -> chosen option id, for applicable, feasible decisions.
    public var choices: [String: String]
    public var totalScore: Int
    /// Solver search nodes.
    public var nodes: Int
    /// False when the solver ran out of its node budget: the choice is the best found, not proven optimal.
    public var provenOptimal = true
    /// Decisions that no combination can satisfy.
    public var infeasibleDecisions: [String]
}

extension RecommendationEngine {
    /// Scores the options and solves the joint choice for `answers`, without building explanations.
    public func choose(_ answers: AnswerSet) -> JointChoice {
        let solution = evaluate(answers).solution
        var choices: [String: String] = [:]
        for (slot, choice) in solution.choice.enumerated() {
            if let choice { choices[compiled.decisions[slot].id] = compiled.decisions[slot].options[choice].id }
        }
        var joint = JointChoice(
            choices: choices, totalScore: solution.total, nodes: solution.nodes,
            infeasibleDecisions: solution.infeasible.flatMap { $0.map { compiled.decisions[$0].id } })
        joint.provenOptimal = solution.provenOptimal
        return joint
    }
}
