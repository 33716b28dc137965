import KnowledgeModel
import RuleLanguage

extension RuleFiring {
    /// What re-firing after a change did, to report it and to undo it.
    struct Delta {
        /// Rules whose condition was evaluated again (they read a changed question), ascending.
        var evaluated: [Int] = []
        /// Rules that turned on or off, in the order they were toggled.
        var toggled: [Int] = []
        /// Decisions whose appliesIf result flipped, with the previous result.
        var decisionUndo: [(decision: Int, applied: Bool)] = []
        /// Decisions whose scores, exclusions or applicability changed, in the order found.
        var affected: [Int] = []
    }

    /// Re-evaluates the rules and decision conditions that read a question in `changedQuestions` against `state`,
    /// toggling the rules whose result changed. `rules` and `decisions` are scratch sets.
    mutating func refire(
        changedQuestions: [Int], state: AnswerState, compiled: CompiledKnowledgeBase, rules: inout SlotMarks,
        decisions: inout SlotMarks
    ) -> Delta {
        var delta = Delta()
        refire(
            changedQuestions: changedQuestions, state: state, compiled: compiled, rules: &rules, decisions: &decisions,
            into: &delta)
        return delta
    }

    /// ``refire(changedQuestions:state:compiled:rules:decisions:)`` into `delta`, emptied first (scratch whose
    /// capacity is reused).
    mutating func refire(
        changedQuestions: [Int], state: AnswerState, compiled: CompiledKnowledgeBase, rules: inout SlotMarks,
        decisions: inout SlotMarks, into delta: inout Delta
    ) {
        delta.evaluated.removeAll(keepingCapacity: true)
        delta.toggled.removeAll(keepingCapacity: true)
        delta.decisionUndo.removeAll(keepingCapacity: true)
        delta.affected.removeAll(keepingCapacity: true)
        rules.reset(count: compiled.rules.count)
        decisions.reset(count: compiled.decisions.count)
        // The rules' conditions first (one pass over the program's buffers), then their effects.
        compiled.ruleConditions.withEvaluator(state) { evaluator in
            for question in changedQuestions {
                for index in compiled.rulesReading[question] where rules.insert(index) {
                    delta.evaluated.append(index)
                    if (evaluator.truth(of: index) == .yes) != fired[index] { delta.toggled.append(index) }
                }
            }
        }
        for index in delta.toggled {
            let rule = compiled.rules[index]
            toggle(rule, on: !fired[index])
            for effect in rule.scores where decisions.insert(effect.decision) {
                delta.affected.append(effect.decision)
            }
            for exclusion in rule.excludes where decisions.insert(exclusion.decision) {
                delta.affected.append(exclusion.decision)
            }
        }
        for question in changedQuestions {
            for decision in compiled.decisionsReading[question] {
                let now = compiled.fastAppliesIf[decision].map { $0.evaluate(state) == .yes } ?? true
                guard now != decisionApplies[decision] else { continue }
                delta.decisionUndo.append((decision, decisionApplies[decision]))
                decisionApplies[decision] = now
                if decisions.insert(decision) { delta.affected.append(decision) }
            }
        }
        if changedQuestions.count > 1 { delta.evaluated.sort() }
    }

    /// Undoes ``refire(changedQuestions:state:compiled:rules:decisions:)``.
    mutating func undo(_ delta: Delta, compiled: CompiledKnowledgeBase) {
        for index in delta.toggled.reversed() { toggle(compiled.rules[index], on: !fired[index]) }
        for (decision, applied) in delta.decisionUndo.reversed() { decisionApplies[decision] = applied }
    }
}
