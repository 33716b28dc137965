import KnowledgeModel
import RuleLanguage

/// Computes one question's what-if rows on a working copy of the evaluation that each alternative answer changes
/// and then restores.
struct WhatIfSweep {
    let engine: RecommendationEngine
    let answers: AnswerSet
    private(set) var evaluation: RecommendationEngine.Evaluation
    private(set) var resolver: LocalResolver
    private var ruleMarks = SlotMarks()
    private var decisionMarks = SlotMarks()
    /// What the rows of the current question read (each slot once).
    private var readsQuestions: [Int] = []
    private var readsDecisions: [Int] = []
    private var questionRead = SlotMarks()
    private var decisionRead = SlotMarks()
    /// Scratch: the new choice of each decision of the components re-solved for one alternative.
    private var newChoice: [Int?] = []
    /// Scratch of one alternative (kept for their capacity): the questions recomputed and changed, their undo
    /// records, the re-firing.
    private var visited: [Int] = []
    private var changedQuestions: [Int] = []
    private var undo: [AnswerState.Saved] = []
    private var delta = RuleFiring.Delta()

    init(
        engine: RecommendationEngine, answers: AnswerSet, evaluation: RecommendationEngine.Evaluation,
        resolver: LocalResolver
    ) {
        self.engine = engine
        self.answers = answers
        self.evaluation = evaluation
        self.resolver = resolver
    }

    private var compiled: CompiledKnowledgeBase { engine.compiled }

    /// The rows of question `slot` (applicable), with what they read.
    mutating func rows(for slot: Int) -> WhatIfRows.Entry {
        let question = compiled.questions[slot]
        let state = evaluation.state
        let current = state.answered[slot] ? answers.value(of: question.id) : question.defaultValue
        let isOpen = !state.answered[slot]
        readsQuestions = []
        readsDecisions = []
        questionRead.reset(count: compiled.questions.count)
        decisionRead.reset(count: compiled.decisions.count)
        read(question: slot)
        var rows: [WhatIfRow] = []
        var movable: [Int] = []
        var seen: Set<[DecisionChange]> = []
        for alternative in alternatives(for: question, slot: slot, current: current) {
            let changed = changes(setting: slot, to: CompiledKnowledgeBase.value(of: alternative))
            guard !changed.isEmpty else { continue }
            if isOpen { movable.append(contentsOf: changed.map(\.decision)) }
            let changes = changed.map { change in
                let options = compiled.decisions[change.decision].options
                return DecisionChange(
                    decisionID: compiled.decisions[change.decision].id,
                    from: evaluation.solution.choice[change.decision].map { options[$0].id },
                    to: change.choice.map { options[$0].id })
            }
            guard seen.insert(changes).inserted else { continue }
            rows.append(
                WhatIfRow(
                    questionID: question.id, alternative: alternative, current: current, isOpen: isOpen,
                    changes: changes))
        }
        return WhatIfRows.Entry(
            rows: rows, movable: movable, readsQuestions: readsQuestions, readsDecisions: readsDecisions)
    }

    private mutating func read(question: Int) {
        if questionRead.insert(question) { readsQuestions.append(question) }
    }

    private mutating func read(decision: Int) {
        if decisionRead.insert(decision) { readsDecisions.append(decision) }
    }

    /// Whether the rules an alternative toggled certainly leave the choice as it is, without solving: no decision
    /// starts or stops applying, no option becomes allowed again, no chosen option is excluded, and in every
    /// decision no other option gains more than the chosen one (net over the toggled rules). Any other combination
    /// then gains at most what the current one gains; at equal totals the options where the two differ gained the
    /// same, so the scores the tie rule compares keep their order and it still prefers the current one.
    private func choiceCertainlyStays(_ delta: RuleFiring.Delta) -> Bool {
        guard delta.decisionUndo.isEmpty else { return false }
        let firing = evaluation.firing
        let choice = evaluation.solution.choice
        var gains: [(decision: Int, option: Int, gain: Int)] = []
        for index in delta.toggled {
            let on = firing.fired[index]
            // Decisions that do not apply or have no feasible choice: their scores do not matter.
            for effect in compiled.rules[index].scores
            where firing.decisionApplies[effect.decision] && choice[effect.decision] != nil {
                gains.append((effect.decision, effect.option, on ? effect.weight : -effect.weight))
            }
            for exclusion in compiled.rules[index].excludes where firing.decisionApplies[exclusion.decision] {
                if on {
                    if choice[exclusion.decision] == exclusion.option { return false }
                } else if firing.exclusionCounts[exclusion.decision][exclusion.option] == 0 {
                    return false
                }
            }
        }
        gains.sort { ($0.decision, $0.option) < ($1.decision, $1.option) }
        var next = 0
        while next < gains.count {
            let decision = gains[next].decision
            let chosen = choice[decision]!
            var chosenGain = 0
            var bestOtherGain = Int.min
            var othersGaining = 0
            while next < gains.count, gains[next].decision == decision {
                let option = gains[next].option
                var gain = 0
                while next < gains.count, gains[next].decision == decision, gains[next].option == option {
                    gain += gains[next].gain
                    next += 1
                }
                if option == chosen {
                    chosenGain = gain
                } else {
                    bestOtherGain = max(bestOtherGain, gain)
                    othersGaining += 1
                }
            }
            // Options no toggled rule scores gain nothing.
            if othersGaining < compiled.optionCounts[decision] - 1 { bestOtherGain = max(bestOtherGain, 0) }
            if bestOtherGain > chosenGain { return false }
        }
        return true
    }

    /// The decisions whose choice differs when question `slot` takes `value`, in decision order.
    private mutating func changes(setting slot: Int, to value: Value) -> [(decision: Int, choice: Int?)] {
        // 1. The question and its follow-ups (transitively).
        visited.removeAll(keepingCapacity: true)
        changedQuestions.removeAll(keepingCapacity: true)
        undo.removeAll(keepingCapacity: true)
        let answers = self.answers
        let compiled = self.compiled
        // Follow-ups take the user's own answer when an alternative makes them apply (looked up only for those).
        evaluation.state.recompute(
            seeds: [slot],
            userValue: {
                $0 == slot ? value : answers.value(of: compiled.questions[$0].id).map(CompiledKnowledgeBase.value(of:))
            },
            compiled: compiled, rank: engine.index.applicabilityRank, visited: &visited, changed: &changedQuestions,
            undo: &undo)
        for question in visited {
            read(question: question)
            for input in engine.index.askIfReads[question] { read(question: input) }
        }

        // 2. Rules that read a changed question, and decisions whose appliesIf does.
        evaluation.firing.refire(
            changedQuestions: changedQuestions, state: evaluation.state, compiled: compiled, rules: &ruleMarks,
            decisions: &decisionMarks, into: &delta)
        for rule in delta.evaluated {
            for input in compiled.rules[rule].reads { read(question: input) }
        }
        for question in changedQuestions {
            for decision in compiled.decisionsReading[question] {
                read(decision: decision)
                for input in engine.index.decisionReads[decision] { read(question: input) }
            }
        }
        for decision in delta.affected { read(decision: decision) }

        // 3. Re-solve only the components an affected decision belongs to, before or after the change.
        var result: [(decision: Int, choice: Int?)] = []
        if !delta.affected.isEmpty, !choiceCertainlyStays(delta) {
            var visitedDecisions: [Int] = []
            let (solved, reach) = resolver.resolve(
                affected: delta.affected, firing: evaluation.firing, base: evaluation.solution, marks: &decisionMarks,
                hinted: true, visited: &visitedDecisions)
            for decision in visitedDecisions { read(decision: decision) }
            if newChoice.count != compiled.decisions.count {
                newChoice = [Int?](repeating: nil, count: compiled.decisions.count)
            }
            for component in solved {
                for (position, decision) in component.members.enumerated() {
                    newChoice[decision] = component.assignment[position]
                }
            }
            for decision in reach {
                let now: Int? =
                    evaluation.firing.decisionApplies[decision] && resolver.wasSolved(decision)
                    ? newChoice[decision] : nil
                if now != evaluation.solution.choice[decision] { result.append((decision, now)) }
            }
        }

        // 4. Restore the working copy.
        evaluation.firing.undo(delta, compiled: compiled)
        evaluation.state.restore(undo)
        return result
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
            // One value per interval the thresholds cut the range into, and each threshold itself: every
            // comparison (<, <=, >, >=, ==) gives the same result for all values of an interval.
            let thresholds = compiled.thresholds[slot]
            var candidates: [Double] = []
            for (index, threshold) in thresholds.enumerated() {
                if index == 0 { candidates.append(threshold - 1) }
                candidates.append(threshold)
                let next = index + 1 < thresholds.count ? thresholds[index + 1] : threshold + 2
                candidates.append(next - threshold > 1 ? threshold + 1 : (threshold + next) / 2)
            }
            var currentNumber: Double?
            if case .number(let now) = current { currentNumber = now }
            return candidates.filter { value in
                (question.minimum.map { value >= $0 } ?? true) && (question.maximum.map { value <= $0 } ?? true)
                    && value != currentNumber
            }.map(AnswerValue.number)
        case .text:
            return []
        }
    }
}
