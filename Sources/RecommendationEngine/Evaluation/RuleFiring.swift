import KnowledgeModel
import RuleLanguage

/// Which rules fired and what they add up to: per-option scores and exclusions, per applicable decision.
struct RuleFiring: Sendable {
    var fired: [Bool]
    /// scores[decision][option]
    var scores: [[Int]]
    /// excluded[decision]: bit set per excluded option.
    var excluded: [UInt64]
    var decisionApplies: [Bool]

    init(state: AnswerState, compiled: CompiledKnowledgeBase) {
        fired = compiled.rules.map { $0.condition.evaluate(state) == .yes }
        scores = compiled.decisions.map { [Int](repeating: 0, count: min($0.options.count, 64)) }
        excluded = [UInt64](repeating: 0, count: compiled.decisions.count)
        decisionApplies = compiled.decisionAppliesIf.map { $0.map { $0.evaluate(state) == .yes } ?? true }
        for rule in compiled.rules where fired[rule.index] {
            for effect in rule.scores { scores[effect.decision][effect.option] += effect.weight }
            for exclusion in rule.excludes { excluded[exclusion.decision] |= 1 << UInt64(exclusion.option) }
        }
    }

    /// Re-evaluates only `rules` (after the answers they read changed) and updates the sums.
    mutating func refire(_ ruleIndexes: some Sequence<Int>, state: AnswerState, compiled: CompiledKnowledgeBase) {
        var touchedExclusions = false
        for index in ruleIndexes {
            let rule = compiled.rules[index]
            let now = rule.condition.evaluate(state) == .yes
            guard now != fired[index] else { continue }
            fired[index] = now
            let sign = now ? 1 : -1
            for effect in rule.scores { scores[effect.decision][effect.option] += sign * effect.weight }
            if !rule.excludes.isEmpty { touchedExclusions = true }
        }
        if touchedExclusions {
            excluded = [UInt64](repeating: 0, count: compiled.decisions.count)
            for rule in compiled.rules where fired[rule.index] {
                for exclusion in rule.excludes { excluded[exclusion.decision] |= 1 << UInt64(exclusion.option) }
            }
        }
    }

    /// Recomputes decision applicability.
    mutating func refreshApplicability(state: AnswerState, compiled: CompiledKnowledgeBase) {
        decisionApplies = compiled.decisionAppliesIf.map { $0.map { $0.evaluate(state) == .yes } ?? true }
    }
}
