import KnowledgeModel
import RuleLanguage

/// Explains one evaluation part by part: one decision's outcome, one question's assumption, one rule's tension or
/// finding, one checklist item. ``ReviewBuilder`` asks for every part; ``ReviewSession`` asks again only for the
/// parts an answer change can reach, so both paths produce the same values by construction.
struct ReviewParts {
    let engine: RecommendationEngine
    let answers: AnswerSet
    /// The evaluation explained; its `state.chosen` holds the chosen options (checklist conditions read them).
    let evaluation: RecommendationEngine.Evaluation

    private var compiled: CompiledKnowledgeBase { engine.compiled }
    private var index: DependencyIndex { engine.index }
    private var kb: KnowledgeBase { engine.knowledgeBase }

    /// A margin at or below this is a close call.
    static let closeCallMargin = 1

    // MARK: - Decisions

    /// The outcome of decision `slot`: its choice, margin and every option with HOW (the fired rules for and
    /// against it, with the answers that triggered them) and why it lost.
    func outcome(_ slot: Int) -> DecisionOutcome {
        // Read in place: copying a decision or rule out of its array costs a retain per field.
        let options = compiled.decisions[slot].options
        let optionCount = compiled.optionCounts[slot]  // at most 64 options take part
        let firing = evaluation.firing
        var contributions = [[Contribution]](repeating: [], count: optionCount)
        var exclusions = contributions
        for ruleIndex in index.rulesTargeting[slot] where firing.fired[ruleIndex] {
            let made = contribution(compiled.rules[ruleIndex], weight: 0)
            for effect in compiled.rules[ruleIndex].scores where effect.decision == slot {
                var scored = made
                scored.weight = effect.weight
                contributions[effect.option].append(scored)
            }
            for exclusion in compiled.rules[ruleIndex].excludes where exclusion.decision == slot {
                exclusions[exclusion.option].append(made)
            }
        }
        let scores = firing.scores[slot]
        let chosen = evaluation.solution.choice[slot]
        let status: DecisionOutcome.Status =
            !firing.decisionApplies[slot] ? .notApplicable : chosen == nil ? .infeasible : .chosen

        func group(_ verdict: OptionAssessment.Verdict) -> Int {
            switch verdict {
            case .chosen: return 0
            case .excluded: return 2
            default: return 1
            }
        }
        var ranked: [(key: (group: Int, score: Int, position: Int), assessment: OptionAssessment)] = []
        ranked.reserveCapacity(optionCount)
        for index in 0..<optionCount {
            let option = (id: options[index].id, name: options[index].name)
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
            let assessment = OptionAssessment(
                optionID: option.id, name: option.name, score: scores[index], verdict: verdict,
                contributions: contributions[index], exclusions: exclusions[index])
            ranked.append(((group(verdict), -scores[index], index), assessment))
        }
        // Chosen first, then by score (highest first), excluded last; ties keep the knowledge-base order.
        ranked.sort { $0.key < $1.key }
        let assessments = ranked.map(\.assessment)
        var margin: Int?
        var lowConfidence = false
        // Options recommended alongside the choice are not what it beat: the margin is to the best other option.
        let recommendedAlongside: [ChosenComplement] =
            status == .chosen ? chosen.map { complements(slot, chosen: $0) } ?? [] : []
        let alongside = Set(recommendedAlongside.map(\.optionID))
        if let chosen {
            let runnerUp = assessments.first {
                $0.verdict != .chosen && $0.verdict != .excluded && !alongside.contains($0.optionID)
            }
            margin = runnerUp.map { scores[chosen] - $0.score }
            let relevant = [assessments.first { $0.verdict == .chosen }, runnerUp].compactMap { $0 }
            lowConfidence = relevant.contains { assessment in
                (assessment.contributions + assessment.exclusions).contains { $0.triggeredBy.contains { $0.assumed } }
            }
        }
        var outcome = DecisionOutcome(
            decisionID: compiled.decisions[slot].id, title: compiled.decisions[slot].title, status: status,
            chosen: chosen.map { options[$0].id }, score: chosen.map { scores[$0] } ?? 0, margin: margin,
            isCloseCall: margin.map { $0 <= Self.closeCallMargin } ?? false, lowConfidence: lowConfidence,
            options: assessments)
        if status == .chosen, let chosen {
            outcome.tradeoffs = tradeoffs(slot, option: chosen)
            outcome.complements = recommendedAlongside
        }
        return outcome
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
        // The rule's fields are read in place (copying a Rule out of the array costs a retain per field).
        Contribution(
            ruleID: kb.rules[rule.index].id, weight: weight, because: text(rule.index, "because"),
            triggeredBy: facts(slots: rule.reads), sources: kb.rules[rule.index].sources)
    }

    /// A text of rule `index` as the user reads it: interpolations replaced by their values for these answers.
    func text(_ index: Int, _ field: String, _ plain: String? = nil) -> String {
        if let compiled = compiled.rules[index].texts[field] { return compiled.render(evaluation.state) }
        return plain ?? kb.rules[index].because
    }

    /// The effective answers of these question slots (unknown ones are left out).
    func facts(slots: [Int]) -> [AnswerFact] {
        slots.compactMap { slot in
            guard evaluation.state.values[slot] != nil else { return nil }
            let id = compiled.questions[slot].id
            let value = evaluation.state.answered[slot] ? answers.value(of: id) : compiled.questions[slot].defaultValue
            return value.map { AnswerFact(questionID: id, value: $0, assumed: evaluation.state.assumed[slot]) }
        }
    }

    /// The effective answers of these questions (unknown ones are left out).
    func facts(_ questionIDs: [String]) -> [AnswerFact] {
        facts(slots: questionIDs.compactMap { compiled.questionSlot[$0] })
    }

    // MARK: - Assumptions, tensions, findings, checklist, conflicts

    /// The default used for question `slot`, if it is assumed, with the decisions its fired rules reach.
    func assumption(_ slot: Int) -> Assumption? {
        let question = compiled.questions[slot]
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

    /// The tension rule `index` raises, when it fired and has one.
    func tension(_ index: Int) -> RaisedTension? {
        guard evaluation.firing.fired[index], let tension = kb.rules[index].tension else { return nil }
        let involved = tension.between.isEmpty ? facts(slots: compiled.rules[index].reads) : facts(tension.between)
        var rendered = tension
        rendered.title = text(index, "tension.title", tension.title)
        rendered.advice = text(index, "tension.advice", tension.advice)
        return RaisedTension(
            tension: rendered, ruleID: kb.rules[index].id, because: text(index, "because"), answers: involved)
    }

    /// The finding rule `index` raises, when it fired and has one.
    func finding(_ index: Int) -> RaisedFinding? {
        guard evaluation.firing.fired[index], var finding = kb.rules[index].finding else { return nil }
        finding.title = text(index, "finding.title", finding.title)
        finding.remediation = text(index, "finding.remediation", finding.remediation)
        return RaisedFinding(
            finding: finding, ruleID: kb.rules[index].id, because: text(index, "because"),
            answers: facts(slots: compiled.rules[index].reads), sources: kb.rules[index].sources,
            accepted: answers.acceptedRisk(for: finding.id))
    }

    /// The questions that make checklist item `item`'s condition hold: of `a or b`, only the operands that hold
    /// (an item for `service.domain == "fintech" or api.webhooks_out` applies because of the webhooks, and saying
    /// "because of service.domain = saas" misstates why).
    private func holdingQuestionIDs(ofChecklistItem item: Int) -> [String] {
        guard let operands = compiled.checklistOrOperands[item] else { return compiled.checklistQuestionIDs[item] }
        var ids: [String] = []
        for operand in operands where operand.condition.evaluate(evaluation.state) == .yes {
            for id in operand.questionIDs where !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// Checklist item `item` when it applies: its appliesIf holds (for the answers and the chosen options), or it
    /// has none and no rule includes it, or a fired rule includes it.
    func checklistEntry(_ item: Int) -> ChecklistEntry? {
        var includedBy: [String] = []
        var includedBecause: [String] = []
        for rule in index.rulesIncluding[item] where evaluation.firing.fired[rule] {
            includedBy.append(kb.rules[rule].id)
            includedBecause.append(text(rule, "because"))
        }
        let applies: Bool
        if let condition = compiled.fastChecklistConditions[item] {
            applies = condition.evaluate(evaluation.state) == .yes
        } else {
            applies = !compiled.includedByAnyRule[item]
        }
        guard applies || !includedBy.isEmpty else { return nil }
        let checklistItem = kb.checklist[item]
        let because = applies ? facts(holdingQuestionIDs(ofChecklistItem: item)) : []
        return ChecklistEntry(
            item: checklistItem, includedBy: includedBy, includedBecause: includedBecause,
            done: answers.checklistDone.contains(checklistItem.id), appliesBecause: because)
    }

    /// Which constraints collide in an infeasible component, and the fired exclusions behind it.
    func conflict(for component: [Int]) -> ConstraintConflict {
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
