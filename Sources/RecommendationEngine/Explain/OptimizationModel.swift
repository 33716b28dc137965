import KnowledgeModel

/// The exact optimisation instance behind a review (`--dump-model`): an independent solver can check the choice,
/// and a knowledge-base author can see why an option did not win.
public struct OptimizationModel: Sendable, Codable, Equatable {
    public struct Option: Sendable, Codable, Equatable {
        public var id: String
        public var score: Int
        public var excluded: Bool
        /// Fired rules and their weights.
        public var scoredBy: [String: Int]
        public var excludedBy: [String]
    }

    public struct Decision: Sendable, Codable, Equatable {
        public var id: String
        public var options: [Option]
        public var chosen: String?
    }

    public struct Constraint: Sendable, Codable, Equatable {
        /// `decision.option`
        public var ifChosen: String
        public var thenDecision: String
        public var mustBeOneOf: [String]
        public var reason: String
    }

    public var schemaVersion: Int
    /// Only applicable decisions take part.
    public var decisions: [Decision]
    public var notApplicable: [String]
    public var constraints: [Constraint]
    public var objective: String
    public var tieRule: String
    public var totalScore: Int
    public var solverNodes: Int
}

extension RecommendationEngine {
    /// The optimisation instance for `answers`, with the solver's choice.
    public func optimizationModel(_ answers: AnswerSet) -> OptimizationModel {
        let evaluation = evaluate(answers)
        let firing = evaluation.firing
        var decisions: [OptimizationModel.Decision] = []
        var notApplicable: [String] = []
        for (slot, decision) in compiled.decisions.enumerated() {
            guard firing.decisionApplies[slot] else {
                notApplicable.append(decision.id)
                continue
            }
            let options = decision.options.prefix(64).enumerated().map { index, option in
                var scoredBy: [String: Int] = [:]
                var excludedBy: [String] = []
                for rule in compiled.rules where firing.fired[rule.index] {
                    for effect in rule.scores where effect.decision == slot && effect.option == index {
                        scoredBy[knowledgeBase.rules[rule.index].id] = effect.weight
                    }
                    if rule.excludes.contains(where: { $0.decision == slot && $0.option == index }) {
                        excludedBy.append(knowledgeBase.rules[rule.index].id)
                    }
                }
                return OptimizationModel.Option(
                    id: option.id, score: firing.scores[slot][index],
                    excluded: firing.excluded[slot] & (1 << UInt64(index)) != 0, scoredBy: scoredBy,
                    excludedBy: excludedBy)
            }
            decisions.append(
                .init(
                    id: decision.id, options: options,
                    chosen: evaluation.solution.choice[slot].map { decision.options[$0].id }))
        }
        let constraints = compiled.constraints.filter {
            firing.decisionApplies[$0.sourceDecision] && firing.decisionApplies[$0.targetDecision]
        }.map { constraint in
            let source = compiled.decisions[constraint.sourceDecision]
            let target = compiled.decisions[constraint.targetDecision]
            return OptimizationModel.Constraint(
                ifChosen: "\(source.id).\(source.options[constraint.sourceOption].id)", thenDecision: target.id,
                mustBeOneOf: target.options.prefix(64).enumerated().filter {
                    constraint.allowed & (1 << UInt64($0.offset)) != 0
                }.map(\.element.id),
                reason: constraint.reason)
        }
        return OptimizationModel(
            schemaVersion: 1, decisions: decisions, notApplicable: notApplicable, constraints: constraints,
            objective: "maximise the sum of the chosen options' scores; excluded options cannot be chosen",
            tieRule:
                "among equal totals, prefer decision by decision (in the order listed) the option with the higher own score, then the one listed first",
            totalScore: evaluation.solution.total, solverNodes: evaluation.solution.nodes)
    }
}
