import KnowledgeModel
import RuleLanguage

/// Builds the explained ``Review`` from an evaluation: HOW for every option, assumptions, tensions, findings and
/// the checklist.
struct ReviewBuilder {
    let engine: RecommendationEngine
    let answers: AnswerSet
    let evaluation: RecommendationEngine.Evaluation

    private var compiled: CompiledKnowledgeBase { engine.compiled }
    private var kb: KnowledgeBase { engine.knowledgeBase }

    /// A margin at or below this is a close call.
    static let closeCallMargin = 1

    func build() -> Review {
        let state = evaluation.state
        let firing = evaluation.firing
        let solution = evaluation.solution
        let firedRules = compiled.rules.filter { firing.fired[$0.index] }

        var explanation = Explanation(compiled: compiled)
        for rule in firedRules {
            let made = contribution(rule, weight: 0)
            for effect in rule.scores {
                var scored = made
                scored.weight = effect.weight
                explanation.contributions[effect.decision][effect.option].append(scored)
            }
            for exclusion in rule.excludes { explanation.exclusions[exclusion.decision][exclusion.option].append(made) }
        }
        var outcomes: [DecisionOutcome] = []
        for (slot, decision) in compiled.decisions.enumerated() {
            outcomes.append(outcome(slot: slot, decision: decision, explanation: explanation))
        }
        var checklistState = state
        for (slot, choice) in solution.choice.enumerated() {
            checklistState.chosen[slot] = choice.map { compiled.decisions[slot].options[$0].id }
        }
        return Review(
            decisions: outcomes,
            assumptions: assumptions(firedRules: firedRules),
            tensions: firedRules.compactMap { rule in
                let source = kb.rules[rule.index]
                guard let tension = source.tension else { return nil }
                let involved = tension.between.isEmpty ? source.when.expression.questionIDs : tension.between
                return RaisedTension(
                    tension: tension, ruleID: source.id, because: source.because, answers: facts(involved))
            },
            findings: firedRules.compactMap { rule in
                let source = kb.rules[rule.index]
                guard let finding = source.finding else { return nil }
                return RaisedFinding(
                    finding: finding, ruleID: source.id, because: source.because,
                    answers: facts(source.when.expression.questionIDs), sources: source.sources,
                    accepted: answers.acceptedRisk(for: finding.id))
            }.sorted { ($0.finding.severity, $1.ruleID) > ($1.finding.severity, $0.ruleID) },
            checklist: checklist(state: checklistState, firedRules: firedRules),
            conflicts: solution.infeasible.map(conflict(for:)),
            firedRules: firedRules.map { kb.rules[$0.index].id },
            totalScore: solution.total,
            solverNodes: solution.nodes)
    }

    // MARK: - Decisions

    /// Contributions and exclusions of the fired rules, by decision and option.
    struct Explanation {
        var contributions: [[[Contribution]]]
        var exclusions: [[[Contribution]]]

        init(compiled: CompiledKnowledgeBase) {
            contributions = compiled.optionCounts.map { [[Contribution]](repeating: [], count: $0) }
            exclusions = contributions
        }
    }

    private func outcome(slot: Int, decision: Decision, explanation: Explanation) -> DecisionOutcome {
        let firing = evaluation.firing
        let solution = evaluation.solution
        let options = Array(decision.options.prefix(64))
        let contributions = explanation.contributions[slot]
        let exclusions = explanation.exclusions[slot]
        let scores = firing.scores[slot]
        let chosen = solution.choice[slot]
        let status: DecisionOutcome.Status =
            !firing.decisionApplies[slot] ? .notApplicable : chosen == nil ? .infeasible : .chosen

        var assessments: [OptionAssessment] = options.enumerated().map { index, option in
            let verdict: OptionAssessment.Verdict
            if status != .chosen {
                verdict = !exclusions[index].isEmpty ? .excluded : .notConsidered
            } else if index == chosen {
                verdict = .chosen
            } else if !exclusions[index].isEmpty {
                verdict = .excluded
            } else if let chosen, scores[index] >= scores[chosen],
                let clash = incompatibility(slot: slot, option: index)
            {
                // Only an option that would otherwise have won (or tied) lost because of a constraint.
                verdict = clash
            } else {
                verdict = .lowerScore
            }
            return OptionAssessment(
                optionID: option.id, name: option.name, score: scores[index], verdict: verdict,
                contributions: contributions[index], exclusions: exclusions[index])
        }
        let positions = Dictionary(uniqueKeysWithValues: options.enumerated().map { ($1.id, $0) })
        assessments.sort { lhs, rhs in
            func group(_ a: OptionAssessment) -> Int {
                switch a.verdict {
                case .chosen: return 0
                case .excluded: return 2
                default: return 1
                }
            }
            return (group(lhs), -lhs.score, positions[lhs.optionID]!) < (
                group(rhs), -rhs.score, positions[rhs.optionID]!
            )
        }
        var margin: Int?
        var lowConfidence = false
        if let chosen {
            let runnerUp = assessments.first { $0.verdict != .chosen && $0.verdict != .excluded }
            margin = runnerUp.map { scores[chosen] - $0.score }
            let relevant = [assessments.first { $0.verdict == .chosen }, runnerUp].compactMap { $0 }
            lowConfidence = relevant.contains { assessment in
                (assessment.contributions + assessment.exclusions).contains { $0.triggeredBy.contains { $0.assumed } }
            }
        }
        return DecisionOutcome(
            decisionID: decision.id, title: decision.title, status: status,
            chosen: chosen.map { options[$0].id }, score: chosen.map { scores[$0] } ?? 0, margin: margin,
            isCloseCall: margin.map { $0 <= Self.closeCallMargin } ?? false, lowConfidence: lowConfidence,
            options: assessments)
    }

    /// Why option `option` of decision `slot` cannot be combined with the chosen options, if it cannot.
    private func incompatibility(slot: Int, option: Int) -> OptionAssessment.Verdict? {
        let choice = evaluation.solution.choice
        for index in compiled.constraintsBySource[slot] + compiled.constraintsByTarget[slot] {
            let constraint = compiled.constraints[index]
            if constraint.sourceDecision == slot, constraint.sourceOption == option,
                let targetChoice = choice[constraint.targetDecision],
                constraint.allowed & (1 << UInt64(targetChoice)) == 0
            {
                let target = compiled.decisions[constraint.targetDecision]
                return .incompatible(
                    decision: target.id, option: target.options[targetChoice].id, reason: constraint.reason)
            }
            if constraint.targetDecision == slot, constraint.allowed & (1 << UInt64(option)) == 0,
                choice[constraint.sourceDecision] == constraint.sourceOption
            {
                let source = compiled.decisions[constraint.sourceDecision]
                return .incompatible(
                    decision: source.id, option: source.options[constraint.sourceOption].id, reason: constraint.reason)
            }
        }
        return nil
    }

    private func contribution(_ rule: CompiledKnowledgeBase.CompiledRule, weight: Int) -> Contribution {
        let source = kb.rules[rule.index]
        return Contribution(
            ruleID: source.id, weight: weight, because: source.because,
            triggeredBy: facts(source.when.expression.questionIDs), sources: source.sources)
    }

    /// The effective answers of these questions (unknown ones are left out).
    func facts(_ questionIDs: [String]) -> [AnswerFact] {
        questionIDs.compactMap { id in
            guard let slot = compiled.questionSlot[id], evaluation.state.values[slot] != nil else { return nil }
            let question = compiled.questions[slot]
            let value = evaluation.state.answered[slot] ? answers.value(of: id) : question.defaultValue
            return value.map { AnswerFact(questionID: id, value: $0, assumed: evaluation.state.assumed[slot]) }
        }
    }

    // MARK: - Assumptions, checklist, conflicts

    private func assumptions(firedRules: [CompiledKnowledgeBase.CompiledRule]) -> [Assumption] {
        compiled.questions.enumerated().compactMap { slot, question in
            guard evaluation.state.assumed[slot], let value = question.defaultValue else { return nil }
            var affected: [String] = []
            for index in compiled.rulesReading[slot] where evaluation.firing.fired[index] {
                let rule = compiled.rules[index]
                for decision in rule.scores.map(\.decision) + rule.excludes.map(\.decision) {
                    let id = compiled.decisions[decision].id
                    if !affected.contains(id) { affected.append(id) }
                }
            }
            let reason: Assumption.Reason = answers.answers[question.id]?.notSure == true ? .notSure : .unanswered
            return Assumption(questionID: question.id, value: value, reason: reason, affectedDecisions: affected)
        }
    }

    private func checklist(state: AnswerState, firedRules: [CompiledKnowledgeBase.CompiledRule]) -> [ChecklistEntry] {
        var includedBy = [[String]](repeating: [], count: kb.checklist.count)
        for rule in firedRules {
            for item in rule.includes where !includedBy[item].contains(kb.rules[rule.index].id) {
                includedBy[item].append(kb.rules[rule.index].id)
            }
        }
        var entries: [(position: Int, entry: ChecklistEntry)] = []
        for (position, item) in kb.checklist.enumerated() {
            let applies: Bool
            if let condition = compiled.checklistConditions[position] {
                applies = condition.evaluate(state) == .yes
            } else {
                applies = !compiled.includedByAnyRule[position]
            }
            guard applies || !includedBy[position].isEmpty else { continue }
            entries.append(
                (
                    position,
                    ChecklistEntry(
                        item: item, includedBy: includedBy[position], done: answers.checklistDone.contains(item.id))
                ))
        }
        // Sort small integer keys, not the entries: category order, then priority (high first), then KB order.
        let categoryOrder = Dictionary(
            uniqueKeysWithValues: ChecklistCategory.allCases.enumerated().map { ($1, $0) })
        let keys = entries.map { entry in
            (categoryOrder[entry.entry.item.category]!, -rank(entry.entry.item.priority), entry.position)
        }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { entries[$0].entry }
    }

    private func rank(_ priority: Priority) -> Int {
        switch priority {
        case .high: return 2
        case .medium: return 1
        case .low: return 0
        }
    }

    private func conflict(for component: [Int]) -> ConstraintConflict {
        let members = Set(component)
        let constraints = compiled.constraints.filter {
            members.contains($0.sourceDecision) && members.contains($0.targetDecision)
        }.map(\.text)
        var exclusions: [Contribution] = []
        for rule in compiled.rules where evaluation.firing.fired[rule.index] {
            if rule.excludes.contains(where: { members.contains($0.decision) }) {
                exclusions.append(contribution(rule, weight: 0))
            }
        }
        return ConstraintConflict(
            decisions: component.map { compiled.decisions[$0].id }, constraints: constraints, exclusions: exclusions)
    }
}
