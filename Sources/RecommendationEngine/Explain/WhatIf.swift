import KnowledgeModel
import RuleLanguage

extension RecommendationEngine {
    /// What-if: for every applicable question, the alternative answers that would change at least one decision,
    /// and the decisions that no open (unanswered or assumed) question can change any more.
    ///
    /// Alternatives: every other option of a single choice; the other yes/no value; adding or removing each option
    /// of a multiple choice; for numbers, the values on either side of every threshold the knowledge base
    /// compares the question with. Free text is not varied. Each alternative is evaluated incrementally: only the
    /// follow-up questions, rules and constraint components it can reach are recomputed.
    public func whatIf(_ answers: AnswerSet) -> WhatIfReport {
        var sweep = WhatIfSweep(engine: self, answers: answers, base: evaluate(answers))
        return sweep.run()
    }

    /// Numeric literals each question is compared with, anywhere in the knowledge base.
    var thresholds: [[Double]] { compiled.thresholds }
}

/// One what-if sweep: a working copy of the evaluation that each alternative changes and then restores.
struct WhatIfSweep {
    let engine: RecommendationEngine
    let answers: AnswerSet
    let base: RecommendationEngine.Evaluation
    private var state: AnswerState
    private var firing: RuleFiring
    private let userValues: [Value?]
    /// Component structures by member list, and solutions by (members, scores, exclusions): many alternative
    /// answers leave a component exactly as another alternative did.
    private var structures: [[Int]: ComponentStructure] = [:]
    /// Scratch sets of decisions for one alternative, and the choices of the components re-solved for it.
    private var marks = DecisionMarks()
    private var placed = DecisionMarks()
    private var newChoice: [Int?] = []
    /// Visit marks for `localComponent` (a decision is visited when its mark equals `generation`).
    private var seenGeneration: [UInt32] = []
    private var generation: UInt32 = 0
    private var solutions: [[Int]: [Int]?] = [:]
    private let topologicalRank: [Int]

    init(engine: RecommendationEngine, answers: AnswerSet, base: RecommendationEngine.Evaluation) {
        self.engine = engine
        self.answers = answers
        self.base = base
        state = base.state
        firing = base.firing
        let compiled = engine.compiled
        userValues = compiled.questions.map { question in
            answers.value(of: question.id).map(CompiledKnowledgeBase.value(of:))
        }
        var rank = [Int](repeating: 0, count: compiled.questions.count)
        for (position, slot) in compiled.applicabilityOrder.enumerated() { rank[slot] = position }
        topologicalRank = rank
        newChoice = [Int?](repeating: nil, count: compiled.decisions.count)
    }

    private var compiled: CompiledKnowledgeBase { engine.compiled }

    mutating func run() -> WhatIfReport {
        var rows: [WhatIfRow] = []
        var movable = Set<Int>()
        for (slot, question) in compiled.questions.enumerated() where base.state.applicable[slot] {
            let current = base.state.answered[slot] ? answers.value(of: question.id) : question.defaultValue
            let isOpen = !base.state.answered[slot]
            var seen: Set<[DecisionChange]> = []
            for alternative in alternatives(for: question, slot: slot, current: current) {
                let changed = changes(setting: slot, to: CompiledKnowledgeBase.value(of: alternative))
                guard !changed.isEmpty else { continue }
                if isOpen { movable.formUnion(changed.map(\.decision)) }
                let changes = changed.map { change in
                    let options = compiled.decisions[change.decision].options
                    return DecisionChange(
                        decisionID: compiled.decisions[change.decision].id,
                        from: base.solution.choice[change.decision].map { options[$0].id },
                        to: change.choice.map { options[$0].id })
                }
                guard seen.insert(changes).inserted else { continue }
                rows.append(
                    WhatIfRow(
                        questionID: question.id, alternative: alternative, current: current, isOpen: isOpen,
                        changes: changes))
            }
        }
        let settled = compiled.decisions.indices.filter { base.firing.decisionApplies[$0] && !movable.contains($0) }
        return WhatIfReport(rows: rows, settled: settled.map { compiled.decisions[$0].id })
    }

    /// The decisions whose choice differs when question `slot` takes `value`, in decision order.
    private mutating func changes(setting slot: Int, to value: Value) -> [(decision: Int, choice: Int?)] {
        // 1. The question and its follow-ups (transitively), in askIf order, with an undo log.
        var undo: [(slot: Int, value: Value?, applicable: Bool, answered: Bool, assumed: Bool)] = []
        var changedQuestions: [Int] = []
        func record(_ s: Int) {
            undo.append((s, state.values[s], state.applicable[s], state.answered[s], state.assumed[s]))
        }
        record(slot)
        state.values[slot] = value
        state.answered[slot] = true
        state.assumed[slot] = false
        changedQuestions.append(slot)
        var dependents: [Int] = []
        if !compiled.askIfDependents[slot].isEmpty {
            var pending = compiled.askIfDependents[slot]
            var visited: Set<Int> = [slot]
            while let next = pending.popLast() {
                guard visited.insert(next).inserted else { continue }
                dependents.append(next)
                pending.append(contentsOf: compiled.askIfDependents[next])
            }
            dependents.sort { topologicalRank[$0] < topologicalRank[$1] }
        }
        for dependent in dependents {
            let applicable = compiled.askIf[dependent].map { $0.evaluate(state) == .yes } ?? true
            let user = userValues[dependent]
            let newValue: Value? = applicable ? (user ?? compiled.defaults[dependent]) : nil
            guard applicable != state.applicable[dependent] || newValue != state.values[dependent] else { continue }
            record(dependent)
            state.applicable[dependent] = applicable
            state.values[dependent] = newValue
            state.answered[dependent] = applicable && user != nil
            state.assumed[dependent] = applicable && user == nil && newValue != nil
            changedQuestions.append(dependent)
        }

        // 2. Rules that read a changed question, and decisions whose appliesIf does.
        var toggled: [CompiledKnowledgeBase.CompiledRule] = []
        var decisionUndo: [(Int, Bool)] = []
        marks.reset(count: compiled.decisions.count)
        var affected: [Int] = []
        for question in changedQuestions {
            for index in compiled.rulesReading[question] {
                let rule = compiled.rules[index]
                let now = rule.condition.evaluate(state) == .yes
                guard now != firing.fired[index] else { continue }
                firing.toggle(rule, on: now)
                toggled.append(rule)
                for effect in rule.scores where marks.insert(effect.decision) { affected.append(effect.decision) }
                for exclusion in rule.excludes where marks.insert(exclusion.decision) {
                    affected.append(exclusion.decision)
                }
            }
            for decision in compiled.decisionsReading[question] {
                let now = compiled.decisionAppliesIf[decision].map { $0.evaluate(state) == .yes } ?? true
                guard now != firing.decisionApplies[decision] else { continue }
                decisionUndo.append((decision, firing.decisionApplies[decision]))
                firing.decisionApplies[decision] = now
                if marks.insert(decision) { affected.append(decision) }
            }
        }

        // 3. Re-solve only the components an affected decision belongs to, before or after the change (found by a
        //    local walk over the constraint graph, so the cost does not grow with the size of the knowledge base).
        var result: [(decision: Int, choice: Int?)] = []
        if !affected.isEmpty {
            let solver = ConstraintSolver(compiled: compiled)
            var reach = affected  // `marks` now marks everything in `reach`
            for decision in affected where base.solution.componentOf[decision] >= 0 {
                for member in base.solution.components[base.solution.componentOf[decision]] where marks.insert(member) {
                    reach.append(member)
                }
            }
            reach.sort()
            placed.reset(count: compiled.decisions.count)
            var solved: [Int] = []
            for start in reach where firing.decisionApplies[start] && !placed.contains(start) {
                let component = localComponent(from: start)
                let assignment = solve(component, solver: solver)
                for (position, decision) in component.enumerated() {
                    _ = placed.insert(decision)
                    newChoice[decision] = assignment?[position]
                    solved.append(decision)
                }
            }
            for decision in solved where marks.insert(decision) { reach.append(decision) }
            reach.sort()
            for decision in reach {
                let now: Int? =
                    firing.decisionApplies[decision] && placed.contains(decision) ? newChoice[decision] : nil
                if now != base.solution.choice[decision] { result.append((decision, now)) }
            }
        }

        // 4. Restore the working copy.
        for rule in toggled.reversed() { firing.toggle(rule, on: !firing.fired[rule.index]) }
        for (decision, applies) in decisionUndo.reversed() { firing.decisionApplies[decision] = applies }
        for entry in undo.reversed() {
            state.values[entry.slot] = entry.value
            state.applicable[entry.slot] = entry.applicable
            state.answered[entry.slot] = entry.answered
            state.assumed[entry.slot] = entry.assumed
        }
        return result
    }

    /// Solves a component, reusing its structure and, for an identical scoring, its earlier solution.
    private mutating func solve(_ component: [Int], solver: ConstraintSolver) -> [Int]? {
        var key = component
        key.append(-1)
        for decision in component {
            key.append(Int(truncatingIfNeeded: firing.excluded[decision]))
            key.append(contentsOf: firing.scores[decision])
        }
        if let known = solutions[key] { return known }
        let structure: ComponentStructure
        if let cached = structures[component] {
            structure = cached
        } else {
            structure = ComponentStructure(members: component, compiled: compiled)
            structures[component] = structure
        }
        // The choice before the change is a good first incumbent: most alternatives change little.
        let before = component.map { base.solution.choice[$0] }
        let hint = before.contains(nil) ? nil : before.map { $0! }
        let assignment = solver.solveComponent(structure, firing: firing, hint: hint).assignment
        solutions[key] = assignment
        return assignment
    }

    /// The active decisions connected to `start` by constraints between active decisions, ascending.
    private mutating func localComponent(from start: Int) -> [Int] {
        generation &+= 1
        if seenGeneration.count != compiled.decisions.count {
            seenGeneration = [UInt32](repeating: 0, count: compiled.decisions.count)
        }
        var members = [start]
        seenGeneration[start] = generation
        var next = 0
        while next < members.count {
            let decision = members[next]
            next += 1
            for index in compiled.constraintsBySource[decision] + compiled.constraintsByTarget[decision] {
                let constraint = compiled.constraints[index]
                let other =
                    constraint.sourceDecision == decision ? constraint.targetDecision : constraint.sourceDecision
                if firing.decisionApplies[other], seenGeneration[other] != generation {
                    seenGeneration[other] = generation
                    members.append(other)
                }
            }
        }
        return members.sorted()
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

/// A set of decision slots that is emptied in O(1) between uses (a generation stamp per slot).
struct DecisionMarks {
    private var stamps: [UInt32] = []
    private var generation: UInt32 = 0

    /// Empties the set, sized for `count` decisions.
    mutating func reset(count: Int) {
        if stamps.count != count { stamps = [UInt32](repeating: 0, count: count) }
        generation &+= 1
        if generation == 0 {
            stamps = [UInt32](repeating: 0, count: count)
            generation = 1
        }
    }

    /// Adds `slot`; returns whether it was new.
    mutating func insert(_ slot: Int) -> Bool {
        if stamps[slot] == generation { return false }
        stamps[slot] = generation
        return true
    }

    func contains(_ slot: Int) -> Bool { stamps[slot] == generation }
}
