import KnowledgeModel
import RuleLanguage

/// The judgement parts of a review: each choice's trade-offs and complements, tensions when a chosen option's own
/// "when not to use" holds, and a verdict (with findings where it is risky) on every proposal.
extension ReviewParts {
    private var judgement: CompiledJudgement { engine.compiled.judgement }

    /// Whether a compiled judgement condition holds for the answers.
    private func holds(_ check: CompiledJudgement.Check) -> Bool { check.condition.evaluate(evaluation.state) == .yes }

    /// The downsides of option `option` of decision `slot`: whenNot entries that hold first (marked), then the
    /// cons, the situations it does not suit, and the whenNot entries that do not hold.
    func tradeoffs(_ slot: Int, option: Int) -> [Tradeoff] {
        let source = engine.knowledgeBase.decisions[slot].options[option]
        let checks = judgement.whenNot[slot][option]
        var holding: [Tradeoff] = []
        var other: [Tradeoff] = []
        for (index, entry) in source.whenNot.enumerated() {
            if holds(checks[index]) {
                holding.append(
                    Tradeoff(
                        kind: .whenNot, text: entry.because, advice: entry.advice, holds: true,
                        answers: facts(slots: checks[index].reads)))
            } else {
                other.append(Tradeoff(kind: .whenNot, text: entry.because, advice: entry.advice))
            }
        }
        return holding + source.cons.map { Tradeoff(kind: .con, text: $0) }
            + source.avoidWhen.map { Tradeoff(kind: .avoidWhen, text: $0) } + other
    }

    /// The options recommended alongside `chosen` in decision `slot`: their condition holds, they are not ruled
    /// out, and the compatibility constraints allow them next to the other choices.
    func complements(_ slot: Int, chosen: Int) -> [ChosenComplement] {
        var result: [ChosenComplement] = []
        let decision = engine.knowledgeBase.decisions[slot]
        for complement in judgement.complements[slot] {
            guard complement.with & (1 << UInt64(chosen)) != 0,
                evaluation.firing.excluded[slot] & (1 << UInt64(complement.option)) == 0,
                complement.check.map(holds) ?? true, fitsConstraints(slot, option: complement.option),
                !result.contains(where: { $0.optionID == decision.options[complement.option].id })
            else { continue }
            result.append(
                ChosenComplement(
                    optionID: decision.options[complement.option].id, name: decision.options[complement.option].name,
                    because: decision.complements[complement.index].because,
                    answers: complement.check.map { facts(slots: $0.reads) } ?? []))
        }
        return result
    }

    /// Whether option `option` of decision `slot` could stand beside the chosen options of the other decisions.
    private func fitsConstraints(_ slot: Int, option: Int) -> Bool {
        let compiled = engine.compiled
        let choice = evaluation.solution.choice
        for index in compiled.constraintsBySource[slot] {
            let constraint = compiled.constraints[index]
            guard constraint.sourceOption == option, let target = choice[constraint.targetDecision] else { continue }
            if constraint.allowed & (1 << UInt64(target)) == 0 { return false }
        }
        for index in compiled.constraintsByTarget[slot] {
            let constraint = compiled.constraints[index]
            if choice[constraint.sourceDecision] == constraint.sourceOption,
                constraint.allowed & (1 << UInt64(option)) == 0
            {
                return false
            }
        }
        return true
    }

    // MARK: - Counter-evidence

    /// "X chosen although ...": one tension per whenNot entry of a chosen option that holds, unless the user
    /// proposed that option (the proposal's finding says it then).
    func counterEvidenceTensions() -> [RaisedTension] {
        var result: [RaisedTension] = []
        for slot in judgement.judgedDecisions {
            guard evaluation.firing.decisionApplies[slot], let chosen = evaluation.solution.choice[slot] else {
                continue
            }
            let decision = engine.knowledgeBase.decisions[slot]
            let option = decision.options[chosen]
            if answers.proposed[decision.id]?.contains(option.id) == true { continue }
            for (index, entry) in option.whenNot.enumerated() {
                let check = judgement.whenNot[slot][chosen][index]
                guard holds(check) else { continue }
                let id = "chosen-although.\(decision.id).\(option.id).\(index + 1)"
                let involved = facts(slots: check.reads)
                // As severe as the knowledge base rates the entry (the same entry makes a proposal's finding that
                // severe): 90-minute jobs on functions that stop at 15 minutes ranked below routine hygiene as a
                // medium tension.
                let tension = Tension(
                    id: id, title: "\(OptionName.short(option.name)) chosen although \(entry.because.lowercasedFirst)",
                    advice: entry.advice, between: involved.map(\.questionID), severity: entry.severity)
                result.append(RaisedTension(tension: tension, ruleID: id, because: entry.because, answers: involved))
            }
        }
        return result
    }

    // MARK: - Proposals

    /// The proposed options of decision `slot` (option slots, the primary first) and where they come from:
    /// the user's proposal, else the current-stack answer of a running service.
    private func proposal(_ slot: Int) -> (options: [Int], origin: ProposalVerdict.Origin)? {
        let compiled = engine.compiled
        let decision = compiled.decisions[slot]
        if let ids = answers.proposed[decision.id] {
            let complementOptions = Set(decision.complements.map(\.option))
            let ordered = ids.filter { !complementOptions.contains($0) } + ids.filter { complementOptions.contains($0) }
            let options = ordered.compactMap { compiled.optionSlot[slot][$0] }
            return options.isEmpty ? nil : (options, .proposed)
        }
        guard let (link, ids) = currentAnswer(slot), evaluation.state.answered[link.question] else { return nil }
        var options: [Int] = []
        for id in ids { if let option = link.options[id], !options.contains(option) { options.append(option) } }
        return options.isEmpty ? nil : (options, .runsToday)
    }

    /// The labels of the current-stack answer that decision `slot` reads, joined, when an answer counts as an option
    /// of another id (`fastify4`, "Fastify 4", counts as the Fastify 5 option `fastify`); nil when every answer is its
    /// option (`postgresql`).
    private func runsAs(_ slot: Int) -> String? {
        guard let (link, ids) = currentAnswer(slot) else { return nil }
        let question = engine.compiled.questions[link.question]
        let mapped = ids.filter { link.options[$0] != nil }
        let decision = engine.knowledgeBase.decisions[slot]
        guard mapped.contains(where: { id in link.options[id].map { decision.options[$0].id != id } ?? false }) else {
            return nil
        }
        return mapped.map { question.option($0)?.label ?? $0 }.joined(separator: " + ")
    }

    /// The verdict on the proposal for each decision that has one, in decision order.
    func proposalVerdicts(_ outcomes: [DecisionOutcome]) -> [ProposalVerdict] {
        outcomes.indices.compactMap { proposalVerdict($0, outcome: outcomes[$0]) }
    }

    /// The verdict on the proposal for decision `slot` (planned, or what runs today), nil when it has none.
    func proposalVerdict(_ slot: Int, outcome: DecisionOutcome) -> ProposalVerdict? {
        guard let (options, origin) = proposal(slot) else { return nil }
        return verdict(slot, outcome: outcome, options: options, origin: origin)
    }

    private func verdict(
        _ slot: Int, outcome: DecisionOutcome, options: [Int], origin: ProposalVerdict.Origin
    ) -> ProposalVerdict {
        let decision = engine.knowledgeBase.decisions[slot]
        let ids = options.map { decision.options[$0].id }
        var verdict = ProposalVerdict(
            decisionID: decision.id, title: decision.title, proposed: ids, origin: origin, verdict: .agrees,
            recommended: outcome.chosen, margin: nil)
        if origin == .runsToday { verdict.runsAs = runsAs(slot) }
        guard outcome.status != .notApplicable else {
            verdict.verdict = .notApplicable
            return verdict
        }
        // In a running service the primary is whichever mapped option is recommended, if any.
        let primary =
            origin == .runsToday
            ? options.first { decision.options[$0].id == outcome.chosen } ?? options[0] : options[0]
        let primaryID = decision.options[primary].id
        if origin == .runsToday, let index = ids.firstIndex(of: primaryID), index > 0 {
            verdict.proposed.swapAt(0, index)
        }
        verdict.counterindications = tradeoffs(slot, option: primary).filter(\.holds)
        let assessment = outcome.options.first { $0.optionID == primaryID }
        let recommended = [outcome.chosen].compactMap { $0 } + outcome.complements.map(\.optionID)
        if recommended.contains(primaryID) {
            // The choice itself, or one of the options recommended alongside it.
            verdict.unneededComplements = verdict.proposed.filter { !recommended.contains($0) }
            verdict.alongside = recommended.filter { !verdict.proposed.contains($0) }
            return verdict
        }
        switch assessment?.verdict {
        case .excluded?:
            verdict.verdict = .ruledOut
            verdict.reasonsAgainst = assessment?.exclusions ?? []
        case .incompatible(let other, let option, let reason)?:
            verdict.verdict = .ruledOut
            let otherName = engine.knowledgeBase.decision(other)?.option(option)?.name ?? option
            verdict.incompatibility = "cannot be combined with \(otherName): \(reason)"
        default:
            verdict.verdict = .differs
            verdict.reasonsAgainst = Array(
                (assessment?.contributions ?? []).filter { $0.weight < 0 }.sorted { $0.weight < $1.weight }.prefix(3))
        }
        if let chosen = outcome.chosenAssessment, let assessment {
            // A proposal that scores the same as the choice lost only the tie rule (the knowledge base's option
            // order): it is as good for these answers, so it agrees (margin 0). "You run TypeORM - recommended
            // instead: Prisma ORM (by 0)" told a running service to migrate for nothing.
            if verdict.verdict == .differs, chosen.score == assessment.score {
                verdict.verdict = .agrees
                verdict.margin = 0
                verdict.reasonsAgainst = []
                if origin == .runsToday { verdict.switchingCost = decision.switchingCost }
                return verdict
            }
            if verdict.verdict == .differs { verdict.margin = chosen.score - assessment.score }
            let proposalWeights = Dictionary(
                assessment.contributions.map { ($0.ruleID, $0.weight) }, uniquingKeysWith: +)
            verdict.reasonsFor = Array(
                chosen.contributions.filter { $0.weight > 0 && (proposalWeights[$0.ruleID] ?? 0) < $0.weight }
                    .sorted { $0.weight > $1.weight }.prefix(3))
        }
        if origin == .runsToday { verdict.switchingCost = decision.switchingCost }
        if origin == .proposed, verdict.verdict != .agrees, let chosen = outcome.chosen,
            runningOptions(slot).contains(chosen)
        {
            // Moving a running MongoDB service to PostgreSQL that the review would keep on MongoDB.
            verdict.replacesWhatRuns = true
            verdict.switchingCost = decision.switchingCost
        }
        return verdict
    }

    /// The option ids that decision `slot`'s current-stack answer counts as (empty for a new service).
    private func runningOptions(_ slot: Int) -> [String] {
        guard let (link, ids) = currentAnswer(slot), evaluation.state.answered[link.question] else { return [] }
        let decision = engine.knowledgeBase.decisions[slot]
        return ids.compactMap { link.options[$0].map { decision.options[$0].id } }
    }

    /// The current-stack link of decision `slot` and the option ids its answer holds (one for a single choice,
    /// sorted for a multiple choice); nil when the decision has no link or the question no value.
    private func currentAnswer(_ slot: Int) -> (link: (question: Int, options: [String: Int]), ids: [String])? {
        guard let link = judgement.current[slot], let value = evaluation.state.values[link.question] else { return nil }
        switch value {
        case .text(let id): return (link, [id])
        case .set(let set): return (link, set.sorted())
        default: return (link, [])
        }
    }

    /// Findings about risky proposals: one when the proposed option is ruled out, one per "when not to use" entry of
    /// it that holds. Ids are `proposal.DECISION.OPTION.ruled-out` and `proposal.DECISION.OPTION.when-not-N`.
    func proposalFindings(_ verdicts: [ProposalVerdict]) -> [RaisedFinding] {
        verdicts.flatMap(proposalFindings(of:))
    }

    /// The findings of one proposal verdict: they read only the verdict and the accepted risks.
    func proposalFindings(of verdict: ProposalVerdict) -> [RaisedFinding] {
        guard verdict.verdict != .notApplicable, let decision = engine.knowledgeBase.decision(verdict.decisionID),
            let option = decision.option(verdict.proposed[0])
        else { return [] }
        var result: [RaisedFinding] = []
        let subject = verdict.origin == .proposed ? "Planned \(option.name)" : "\(option.name) (in use today)"
        let base = "proposal.\(decision.id).\(option.id)"
        if verdict.verdict == .ruledOut {
            let recommended = verdict.recommended.flatMap { decision.option($0)?.name }
            let why = verdict.incompatibility ?? verdict.reasonsAgainst.map(\.because).joined(separator: " ")
            let finding = Finding(
                id: "\(base).ruled-out", title: "\(subject) is ruled out for \(decision.title.lowercasedFirst)",
                severity: verdict.incompatibility == nil ? .high : .medium,
                remediation: (recommended.map { "Use \($0) instead, or change the answers that rule it out." }
                    ?? "Change the answers that rule it out.")
                    + (verdict.switchingCost.map { " Switching: \($0)" } ?? ""))
            result.append(
                RaisedFinding(
                    finding: finding, ruleID: finding.id, because: why,
                    answers: unique(verdict.reasonsAgainst.flatMap(\.triggeredBy)),
                    sources: unique(verdict.reasonsAgainst.flatMap(\.sources)),
                    accepted: answers.acceptedRisk(for: finding.id)))
        }
        for (index, entry) in option.whenNot.enumerated() {
            guard let held = verdict.counterindications.first(where: { $0.text == entry.because }) else { continue }
            let finding = Finding(
                id: "\(base).when-not-\(index + 1)", title: "\(subject): \(entry.title ?? entry.because)",
                severity: entry.severity, remediation: entry.advice)
            result.append(
                RaisedFinding(
                    finding: finding, ruleID: finding.id, because: entry.because, answers: held.answers,
                    sources: entry.sources, accepted: answers.acceptedRisk(for: finding.id)))
        }
        return result
    }

    private func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen: Set<T> = []
        return items.filter { seen.insert($0).inserted }
    }
}

/// Findings of rules and of proposals in one list: by severity (high first), rule findings before proposal
/// findings of the same severity, each group in its own order.
func assembleFindings(rules: [RaisedFinding], proposals: [RaisedFinding]) -> [RaisedFinding] {
    guard !proposals.isEmpty else { return rules }
    var result: [RaisedFinding] = []
    result.reserveCapacity(rules.count + proposals.count)
    for severity in Severity.allCases.reversed() {
        result += rules.filter { $0.finding.severity == severity }
        result += proposals.filter { $0.finding.severity == severity }
    }
    return result
}

extension String {
    /// The text with its first letter lower-cased (to continue a sentence), unless it starts an acronym.
    var lowercasedFirst: String {
        guard let first, first.isUppercase else { return self }
        let second = dropFirst().first
        if let second, second.isUppercase { return self }
        return first.lowercased() + dropFirst()
    }
}
