import KnowledgeModel
import RuleLanguage

/// Which rules fired and what they add up to: per-option scores and exclusions, and which decisions apply.
struct RuleFiring: Sendable {
    var fired: [Bool]
    /// scores[decision][option]
    var scores: [[Int]]
    /// How many fired rules exclude each option: exclusionCounts[decision][option].
    var exclusionCounts: [[Int]]
    /// excluded[decision]: bit set per excluded option (derived from `exclusionCounts`).
    var excluded: [UInt64]
    var decisionApplies: [Bool]

    /// No rules (a placeholder while a working copy is moved elsewhere).
    init() {
        fired = []
        scores = []
        exclusionCounts = []
        excluded = []
        decisionApplies = []
    }

    init(state: AnswerState, compiled: CompiledKnowledgeBase) {
        fired = [Bool](repeating: false, count: compiled.rules.count)
        scores = compiled.optionCounts.map { [Int](repeating: 0, count: $0) }
        exclusionCounts = scores
        excluded = [UInt64](repeating: 0, count: compiled.decisions.count)
        decisionApplies = compiled.fastAppliesIf.map { $0.map { $0.evaluate(state) == .yes } ?? true }
        let fires = compiled.ruleConditions.withEvaluator(state) { evaluator in
            compiled.rules.indices.filter { evaluator.truth(of: $0) == .yes }
        }
        for index in fires { toggle(compiled.rules[index], on: true) }
    }

    /// Turns a rule's effects on or off.
    mutating func toggle(_ rule: CompiledKnowledgeBase.CompiledRule, on: Bool) {
        fired[rule.index] = on
        let sign = on ? 1 : -1
        for effect in rule.scores { scores[effect.decision][effect.option] += sign * effect.weight }
        for exclusion in rule.excludes {
            exclusionCounts[exclusion.decision][exclusion.option] += sign
            let bit: UInt64 = 1 << UInt64(exclusion.option)
            if exclusionCounts[exclusion.decision][exclusion.option] > 0 {
                excluded[exclusion.decision] |= bit
            } else {
                excluded[exclusion.decision] &= ~bit
            }
        }
    }
}
