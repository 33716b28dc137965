import KnowledgeModel
import RuleLanguage

/// A review kept up to date while the answers change one at a time, as in an interview: each ``update(to:)``
/// recomputes only what the changed answers can reach (their follow-up questions, the rules reading them, the
/// constraint components those rules touch, the explanations, checklist items and what-if rows that depend on
/// them) instead of the whole review. The result is always equal to ``RecommendationEngine/review(_:)`` and
/// ``RecommendationEngine/whatIf(_:)`` of the same answers; only the cost differs.
public struct ReviewSession: Sendable, Equatable {
    /// Equal answers: the review and what-if of a session are a function of its engine and its answers.
    public static func == (lhs: ReviewSession, rhs: ReviewSession) -> Bool { lhs.answers == rhs.answers }

    public let engine: RecommendationEngine
    /// The answers reviewed.
    public private(set) var answers: AnswerSet
    /// The review of ``answers``.
    public private(set) var review: Review

    var evaluation: RecommendationEngine.Evaluation
    /// Solver results per component, keyed by the component's first decision.
    private var solved: [Int: LocalResolver.Solved] = [:]
    private var resolver: LocalResolver
    private var whatIfResolver: LocalResolver
    private var whatIfRows: WhatIfRows
    private var whatIfReport: WhatIfReport?
    /// The key (question slot, rule, checklist item) of each element of the review's lists, in the same order.
    private var keys = ListKeys()
    private var ruleMarks = SlotMarks()
    /// The tensions and findings raised by rules, patched in place; the review's lists add those of the judgement
    /// parts (counter-evidence, proposals), recomputed whole (they are few).
    private var ruleTensions: [RaisedTension] = []
    private var ruleFindings: [RaisedFinding] = []
    /// The findings of each proposal verdict (by decision slot; none when it raises none), patched with the verdicts.
    private var proposalFindings: [Int: [RaisedFinding]] = [:]
    private var decisionMarks = SlotMarks()

    struct ListKeys: Sendable {
        var assumptions: [Int] = []
        var tensions: [Int] = []
        var findings: [Int] = []
        var checklist: [Int] = []
        var firedRules: [Int] = []
        var proposals: [Int] = []
    }

    /// Reviews `answers` from scratch.
    public init(engine: RecommendationEngine, answers: AnswerSet) {
        self.engine = engine
        self.answers = answers
        resolver = LocalResolver(compiled: engine.compiled, nodeBudget: engine.solverNodeBudget)
        whatIfResolver = resolver
        whatIfRows = WhatIfRows(engine: engine)
        let compiled = engine.compiled
        var state = AnswerState(answers, compiled: compiled)
        let firing = RuleFiring(state: state, compiled: compiled)
        let components = ConstraintSolver(compiled: compiled, nodeBudget: engine.solverNodeBudget).solveComponents(
            firing)
        for component in components { solved[component.members[0]] = component }
        let solution = ConstraintSolver.solution(of: components, decisionCount: compiled.decisions.count)
        for (slot, choice) in solution.choice.enumerated() {
            state.chosen[slot] = choice.map { compiled.decisions[slot].options[$0].id }
        }
        evaluation = RecommendationEngine.Evaluation(state: state, firing: firing, solution: solution)
        review = ReviewBuilder(engine: engine, answers: answers, evaluation: evaluation).build()
        let fired = evaluation.firing.fired
        keys.tensions = engine.index.tensionRules.filter { fired[$0] }
        keys.findings = engine.index.findingRules.filter { fired[$0] }
        let parts = ReviewParts(engine: engine, answers: answers, evaluation: evaluation)
        ruleTensions = keys.tensions.compactMap(parts.tension)
        ruleFindings = keys.findings.compactMap(parts.finding)
        keys.firedRules = fired.indices.filter { fired[$0] }
        keys.assumptions = review.assumptions.compactMap { compiled.questionSlot[$0.questionID] }
        keys.checklist = review.checklist.compactMap { engine.knowledgeBase.checklistPosition($0.item.id) }
        keys.proposals = review.proposals.compactMap { compiled.decisionSlot[$0.decisionID] }
        collectProposalFindings(parts)
        hasEntry = compiled.questions.map { answers.answers[$0.id] != nil }
        listApplicableQuestions()
        countProgress()
    }

    /// Ids of the questions asked for these answers, in interview order.
    public private(set) var applicableQuestionIDs: [String] = []
    /// Interview progress per section, aligned with the knowledge base's `sections`.
    public private(set) var progressBySection: [SectionProgress] = []
    /// Whether the answers hold an entry (an answer or "not sure") for each question slot.
    private var hasEntry: [Bool] = []

    /// Recomputes ``progressBySection`` from which questions apply and have an entry.
    private mutating func countProgress() {
        var progress = [SectionProgress](repeating: SectionProgress(), count: engine.knowledgeBase.sections.count)
        let sections = engine.index.sectionOfQuestion
        for slot in sections.indices where evaluation.state.applicable[slot] && sections[slot] >= 0 {
            progress[sections[slot]].asked += 1
            if hasEntry[slot] { progress[sections[slot]].answered += 1 }
        }
        progressBySection = progress
    }

    /// Recomputes ``applicableQuestionIDs`` (after a change of which questions apply).
    private mutating func listApplicableQuestions() {
        applicableQuestionIDs = engine.compiled.questions.indices.filter { evaluation.state.applicable[$0] }.map {
            engine.compiled.questions[$0].id
        }
    }

    /// Ids of the questions the user answered that are not asked for these answers (their askIf no longer holds),
    /// in interview order: the interface keeps such answers and flags them.
    public var answeredButNotAskedIDs: [String] {
        hasEntry.indices.filter { hasEntry[$0] && !evaluation.state.applicable[$0] }.map {
            engine.compiled.questions[$0].id
        }
    }

    /// The what-if report for the current answers; rows the last changes could not disturb are reused.
    public mutating func whatIf() -> WhatIfReport {
        if let whatIfReport { return whatIfReport }
        let report = whatIfRows.report(answers: answers, evaluation: &evaluation, resolver: &whatIfResolver)
        whatIfReport = report
        return report
    }

    // MARK: - Updating

    /// Brings the review up to date with `newAnswers`.
    public mutating func update(to newAnswers: AnswerSet) {
        let compiled = engine.compiled
        let index = engine.index
        let old = answers

        // 1. The questions whose effective answer (or "not sure" flag) changed. One pass over the answers (thousands
        // at a large knowledge base's scale) finds the entries that differ; the entries removed are looked for only
        // when some entry of the old answers was not met.
        var seeds: [Int] = []
        var notSureChanged: [Int] = []
        var entriesChanged = false
        func compare(_ id: String) {
            entriesChanged = true
            guard let slot = compiled.questionSlot[id] else { return }
            hasEntry[slot] = newAnswers.answers[id] != nil
            if old.value(of: id) != newAnswers.value(of: id) {
                seeds.append(slot)
            } else if (old.answers[id]?.notSure ?? false) != (newAnswers.answers[id]?.notSure ?? false) {
                notSureChanged.append(slot)
            }
        }
        var kept = 0
        for (id, answer) in newAnswers.answers {
            guard let before = old.answers[id] else {
                compare(id)
                continue
            }
            kept += 1
            if before != answer { compare(id) }
        }
        if kept != old.answers.count {
            for id in old.answers.keys where newAnswers.answers[id] == nil { compare(id) }
        }
        if !entriesChanged {
            // The same entries: compare the rest (the copy shares the entries' storage, so they compare at once).
            var rest = newAnswers
            rest.answers = old.answers
            guard rest != old else { return }
        }
        seeds.sort()
        answers = newAnswers

        // 2. Follow-ups, rules and decision conditions; 3. the components they reach.
        var visited: [Int] = []
        var changedQuestions: [Int] = []
        var undo: [AnswerState.Saved] = []
        evaluation.state.recompute(
            seeds: seeds,
            userValue: { newAnswers.value(of: compiled.questions[$0].id).map(CompiledKnowledgeBase.value(of:)) },
            compiled: compiled, rank: index.applicabilityRank, visited: &visited, changed: &changedQuestions,
            undo: &undo)
        if undo.contains(where: { $0.applicable != evaluation.state.applicable[$0.slot] }) { listApplicableQuestions() }
        countProgress()
        let delta = evaluation.firing.refire(
            changedQuestions: changedQuestions, state: evaluation.state, compiled: compiled, rules: &ruleMarks,
            decisions: &decisionMarks)
        var reach: [Int] = []
        if !delta.affected.isEmpty {
            var ignored: [Int] = []
            let result = resolver.resolve(
                affected: delta.affected, firing: evaluation.firing, base: evaluation.solution, marks: &decisionMarks,
                hinted: false, visited: &ignored)
            reach = result.reach
            for decision in reach where evaluation.solution.componentOf[decision] >= 0 {
                solved[evaluation.solution.components[evaluation.solution.componentOf[decision]][0]] = nil
            }
            for component in result.solved { solved[component.members[0]] = component }
            applySolved(changed: reach)
        }

        // 4. The parts of the review these changes reach.
        let parts = ReviewParts(engine: engine, answers: answers, evaluation: evaluation)
        var decisions = Set(reach)
        for rule in delta.evaluated where evaluation.firing.fired[rule] {
            for effect in compiled.rules[rule].scores { decisions.insert(effect.decision) }
            for exclusion in compiled.rules[rule].excludes { decisions.insert(exclusion.decision) }
        }
        let judgement = compiled.judgement
        for question in changedQuestions + notSureChanged {
            decisions.formUnion(judgement.decisionsReading[question])
        }
        // A complement reads its own decision's exclusions (the rules above), the answers its condition reads (the
        // judgement's readers) and the choices of decisions constrained with it, which share its component and so
        // are in `reach` together with it.
        for decision in decisions { review.decisions[decision] = parts.outcome(decision) }
        // A verdict reads its decision's outcome and judgement (both recomputed above) and the plan.
        // A proposal's findings read its verdict and the accepted risks.
        if old.proposed != newAnswers.proposed {
            review.proposals = parts.proposalVerdicts(review.decisions)
            keys.proposals = review.proposals.compactMap { compiled.decisionSlot[$0.decisionID] }
            collectProposalFindings(parts)
        } else {
            for slot in decisions.sorted() {
                let verdict = parts.proposalVerdict(slot, outcome: review.decisions[slot])
                patch(&review.proposals, keys: &keys.proposals, key: slot, rank: { $0 }, verdict)
                let findings = verdict.map(parts.proposalFindings(of:)) ?? []
                proposalFindings[slot] = findings.isEmpty ? nil : findings
            }
            if old.acceptedRisks != newAnswers.acceptedRisks { collectProposalFindings(parts) }
        }

        var questions = Set(changedQuestions + notSureChanged)
        for rule in delta.toggled { questions.formUnion(compiled.rules[rule].reads) }
        for slot in questions.sorted() {
            patch(&review.assumptions, keys: &keys.assumptions, key: slot, rank: { $0 }, parts.assumption(slot))
        }

        var rules = Set(delta.evaluated)
        for question in changedQuestions { rules.formUnion(index.tensionRulesNaming[question]) }
        if old.acceptedRisks != newAnswers.acceptedRisks { rules.formUnion(index.findingRules) }
        for rule in rules.sorted() {
            let source = engine.knowledgeBase.rules[rule]
            if source.tension != nil {
                patch(&ruleTensions, keys: &keys.tensions, key: rule, rank: { $0 }, parts.tension(rule))
            }
            if source.finding != nil {
                patch(
                    &ruleFindings, keys: &keys.findings, key: rule, rank: { index.findingRank[$0] },
                    parts.finding(rule))
            }
        }
        review.tensions = ruleTensions + parts.counterEvidenceTensions()
        review.findings = assembleFindings(
            rules: ruleFindings, proposals: keys.proposals.flatMap { proposalFindings[$0] ?? [] })
        for rule in delta.toggled.sorted() {
            patch(
                &review.firedRules, keys: &keys.firedRules, key: rule, rank: { $0 },
                evaluation.firing.fired[rule] ? engine.knowledgeBase.rules[rule].id : nil)
        }

        var items = Set<Int>()
        for question in changedQuestions { items.formUnion(index.checklistReadingQuestion[question]) }
        for decision in reach { items.formUnion(index.checklistReadingDecision[decision]) }
        for rule in delta.toggled { items.formUnion(compiled.rules[rule].includes) }
        for id in old.checklistDone.symmetricDifference(newAnswers.checklistDone) {
            if let item = engine.knowledgeBase.checklistPosition(id) { items.insert(item) }
        }
        for item in items {
            patch(
                &review.checklist, keys: &keys.checklist, key: item, rank: { index.checklistRank[$0] },
                parts.checklistEntry(item))
        }
        review.conflicts = evaluation.solution.infeasible.map(parts.conflict(for:))
        review.contradictions = ContradictionFinder(
            compiled: compiled, knowledgeBase: engine.knowledgeBase, answers: answers, state: evaluation.state
        ).find()
        review.totalScore = evaluation.solution.total
        review.solverNodes = evaluation.solution.nodes
        review.provenOptimal = evaluation.solution.provenOptimal

        // 5. What-if rows that read a changed question or decision.
        whatIfRows.invalidate(questions: seeds + visited, decisions: reach + delta.affected)
        whatIfReport = nil
    }

    /// Recomputes ``proposalFindings`` from every verdict of the review.
    private mutating func collectProposalFindings(_ parts: ReviewParts) {
        proposalFindings = [:]
        for (position, slot) in keys.proposals.enumerated() {
            let findings = parts.proposalFindings(of: review.proposals[position])
            if !findings.isEmpty { proposalFindings[slot] = findings }
        }
    }

    /// Rebuilds the solution from ``solved``, and the chosen option ids of `changed` (every decision whose component
    /// was re-solved, joined or left).
    private mutating func applySolved(changed: [Int]) {
        let compiled = engine.compiled
        evaluation.solution = ConstraintSolver.solution(
            of: solved.keys.sorted().map { solved[$0]! }, decisionCount: compiled.decisions.count)
        for decision in changed {
            evaluation.state.chosen[decision] = evaluation.solution.choice[decision].map {
                compiled.decisions[decision].options[$0].id
            }
        }
    }
}

/// How far the interview is in one section.
public struct SectionProgress: Sendable, Equatable {
    /// Questions asked (their askIf holds).
    public var asked = 0
    /// Of those, how many have an answer (or "not sure").
    public var answered = 0

    public init(asked: Int = 0, answered: Int = 0) {
        self.asked = asked
        self.answered = answered
    }
}

/// Puts `value` (or removes the element when nil) at `key`'s place in a list kept in `rank` order, with `keys`
/// holding each element's key.
private func patch<Element>(
    _ list: inout [Element], keys: inout [Int], key: Int, rank: (Int) -> Int, _ value: Element?
) {
    let target = rank(key)
    var low = 0
    var high = keys.count
    while low < high {
        let middle = (low + high) / 2
        if rank(keys[middle]) < target { low = middle + 1 } else { high = middle }
    }
    let present = low < keys.count && keys[low] == key
    switch (present, value) {
    case (true, let value?): list[low] = value
    case (true, nil):
        list.remove(at: low)
        keys.remove(at: low)
    case (false, let value?):
        list.insert(value, at: low)
        keys.insert(key, at: low)
    case (false, nil): break
    }
}
