import KnowledgeModel
import RuleLanguage

extension RecommendationEngine {
    /// What-if: for every applicable question, the alternative answers that would change at least one decision,
    /// and the decisions that no open (unanswered or assumed) question can change any more.
    ///
    /// Alternatives: every other option of a single choice; the other yes/no value; adding or removing each option
    /// of a multiple choice; for numbers, the values on either side of every threshold the knowledge base
    /// compares the question with. Free text is not varied.
    public func whatIf(_ answers: AnswerSet) -> WhatIfReport {
        let base = evaluate(answers)
        let baseChoice = base.solution.choice
        var rows: [WhatIfRow] = []
        var movable = Set<Int>()
        for (slot, question) in compiled.questions.enumerated() where base.state.applicable[slot] {
            let current = base.state.answered[slot] ? answers.value(of: question.id) : question.defaultValue
            let isOpen = !base.state.answered[slot]
            var seen: Set<[DecisionChange]> = []
            for alternative in alternatives(for: question, slot: slot, current: current) {
                var changed = answers
                changed.set(question.id, to: alternative)
                let choice = choices(changed, base: base, slot: slot)
                var changes: [DecisionChange] = []
                for decision in compiled.decisions.indices where choice[decision] != baseChoice[decision] {
                    let options = compiled.decisions[decision].options
                    changes.append(
                        DecisionChange(
                            decisionID: compiled.decisions[decision].id,
                            from: baseChoice[decision].map { options[$0].id },
                            to: choice[decision].map { options[$0].id }))
                    if isOpen { movable.insert(decision) }
                }
                guard !changes.isEmpty, seen.insert(changes).inserted else { continue }
                rows.append(
                    WhatIfRow(
                        questionID: question.id, alternative: alternative, current: current, isOpen: isOpen,
                        changes: changes))
            }
        }
        let settled = compiled.decisions.indices.filter { base.firing.decisionApplies[$0] && !movable.contains($0) }
        return WhatIfReport(rows: rows, settled: settled.map { compiled.decisions[$0].id })
    }

    /// The choices for `answers`, re-evaluating only what a change of question `slot` can affect.
    private func choices(_ answers: AnswerSet, base: Evaluation, slot: Int) -> [Int?] {
        let state = AnswerState(answers, compiled: compiled)
        var firing = base.firing
        var affected = Set(compiled.rulesReading[slot])
        for other in compiled.questions.indices
        where state.applicable[other] != base.state.applicable[other] || state.values[other] != base.state.values[other]
        {
            affected.formUnion(compiled.rulesReading[other])
        }
        firing.refire(affected, state: state, compiled: compiled)
        firing.refreshApplicability(state: state, compiled: compiled)
        return solve(firing).choice
    }

    private func alternatives(for question: Question, slot: Int, current: AnswerValue?) -> [AnswerValue] {
        switch question.type {
        case .yesno:
            if case .bool(let flag) = current { return [.bool(!flag)] }
            return [.bool(true), .bool(false)]
        case .single:
            return question.options.map(\.id).filter { current != .choice($0) }.map(AnswerValue.choice)
        case .multi:
            let selected: [String]
            if case .choices(let ids) = current { selected = ids } else { selected = [] }
            return question.options.map(\.id).map { id in
                selected.contains(id) ? .choices(selected.filter { $0 != id }) : .choices(selected + [id])
            }
        case .number:
            var candidates: Set<Double> = []
            for threshold in thresholds[slot] {
                for value in [threshold - 1, threshold, threshold + 1] {
                    if let low = question.minimum, value < low { continue }
                    if let high = question.maximum, value > high { continue }
                    candidates.insert(value)
                }
            }
            if case .number(let now) = current { candidates.remove(now) }
            return candidates.sorted().map(AnswerValue.number)
        case .text:
            return []
        }
    }

    /// Numeric literals each question is compared with, anywhere in the knowledge base.
    var thresholds: [[Double]] { compiled.thresholds }
}
