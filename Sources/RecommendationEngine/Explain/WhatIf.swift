import Dispatch
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
        whatIf(answers, parallelThreshold: WhatIfRows.parallelThreshold)
    }

    /// ``whatIf(_:)`` sharing the questions among the processors once at least `parallelThreshold` are to compute
    /// (`.max`: one thread). The report is the same either way.
    public func whatIf(_ answers: AnswerSet, parallelThreshold: Int) -> WhatIfReport {
        var evaluation = evaluate(answers)
        return whatIf(answers, evaluation: &evaluation, parallelThreshold: parallelThreshold)
    }

    /// The what-if sweep from an evaluation already made (used as scratch, restored on return).
    private func whatIf(_ answers: AnswerSet, evaluation: inout Evaluation, parallelThreshold: Int) -> WhatIfReport {
        var rows = WhatIfRows(engine: self, parallelThreshold: parallelThreshold)
        var resolver = LocalResolver(compiled: compiled, nodeBudget: solverNodeBudget)
        return rows.report(answers: answers, evaluation: &evaluation, resolver: &resolver)
    }

    /// The review and its what-if report from one evaluation: the same as ``review(_:)`` and ``whatIf(_:)``, but the
    /// answers are evaluated and the decisions solved once (a knowledge base whose components exhaust the solver's
    /// budget paid for that search twice).
    public func reviewAndWhatIf(_ answers: AnswerSet) -> (review: Review, whatIf: WhatIfReport) {
        var evaluation = evaluate(answers)
        let review = ReviewBuilder(engine: self, answers: answers, evaluation: evaluation).build()
        return (review, whatIf(answers, evaluation: &evaluation, parallelThreshold: WhatIfRows.parallelThreshold))
    }

    /// Numeric literals each question is compared with, anywhere in the knowledge base.
    var thresholds: [[Double]] { compiled.thresholds }
}

/// The what-if rows of every question, each kept with what computing it read (its footprint), so that after an
/// answer changes only the rows the change can disturb are computed again (``ReviewSession``).
struct WhatIfRows: Sendable {
    struct Entry: Sendable {
        var rows: [WhatIfRow]
        /// Decisions some alternative of an open question changes (they are not settled).
        var movable: [Int]
        /// Questions and decisions whose state the rows were computed from.
        var readsQuestions: [Int]
        var readsDecisions: [Int]
    }

    let engine: RecommendationEngine
    private var entries: [Entry?]
    /// Which entries read each question and each decision (may also name entries since recomputed: harmless, they
    /// are only computed again).
    private var readersOfQuestion: [[Int]]
    private var readersOfDecision: [[Int]]
    /// References in the two reader lists, and how many of them belong to live entries.
    private var references = 0
    private var liveReferences = 0

    /// Below this many questions to compute, one thread does it all.
    let parallelThreshold: Int

    init(engine: RecommendationEngine, parallelThreshold: Int = WhatIfRows.parallelThreshold) {
        self.engine = engine
        self.parallelThreshold = parallelThreshold
        entries = [Entry?](repeating: nil, count: engine.compiled.questions.count)
        readersOfQuestion = [[Int]](repeating: [], count: engine.compiled.questions.count)
        readersOfDecision = [[Int]](repeating: [], count: engine.compiled.decisions.count)
    }

    /// Forgets the rows that read one of these questions or decisions.
    mutating func invalidate(questions: [Int], decisions: [Int]) {
        for question in questions {
            for reader in readersOfQuestion[question] { forget(reader) }
            references -= readersOfQuestion[question].count
            readersOfQuestion[question].removeAll()
        }
        for decision in decisions {
            for reader in readersOfDecision[decision] { forget(reader) }
            references -= readersOfDecision[decision].count
            readersOfDecision[decision].removeAll()
        }
    }

    private mutating func forget(_ slot: Int) {
        guard let entry = entries[slot] else { return }
        liveReferences -= entry.readsQuestions.count + entry.readsDecisions.count
        entries[slot] = nil
    }

    private mutating func store(_ entry: Entry, at slot: Int) {
        entries[slot] = entry
        for question in entry.readsQuestions { readersOfQuestion[question].append(slot) }
        for decision in entry.readsDecisions { readersOfDecision[decision].append(slot) }
        references += entry.readsQuestions.count + entry.readsDecisions.count
        liveReferences += entry.readsQuestions.count + entry.readsDecisions.count
        // Stale references pile up as entries are recomputed: rebuild from the live entries when they are most.
        if references > 2 * liveReferences + 10_000 { reindex() }
    }

    private mutating func reindex() {
        for index in readersOfQuestion.indices { readersOfQuestion[index].removeAll() }
        for index in readersOfDecision.indices { readersOfDecision[index].removeAll() }
        references = 0
        for (slot, entry) in entries.enumerated() {
            guard let entry else { continue }
            for question in entry.readsQuestions { readersOfQuestion[question].append(slot) }
            for decision in entry.readsDecisions { readersOfDecision[decision].append(slot) }
            references += entry.readsQuestions.count + entry.readsDecisions.count
        }
        liveReferences = references
    }

    /// The report for `evaluation` (the evaluation of `answers`), computing the rows not known yet. The evaluation
    /// is used as the working copy of every alternative and is back to its original state on return.
    mutating func report(
        answers: AnswerSet, evaluation: inout RecommendationEngine.Evaluation, resolver: inout LocalResolver
    ) -> WhatIfReport {
        let compiled = engine.compiled
        let pending = compiled.questions.indices.filter { evaluation.state.applicable[$0] && entries[$0] == nil }
        for (slot, entry) in compute(pending, answers: answers, evaluation: &evaluation, resolver: &resolver) {
            store(entry, at: slot)
        }
        var rows: [WhatIfRow] = []
        var movable = SlotMarks()
        movable.reset(count: compiled.decisions.count)
        for slot in compiled.questions.indices where evaluation.state.applicable[slot] {
            rows.append(contentsOf: entries[slot]!.rows)
            for decision in entries[slot]!.movable { _ = movable.insert(decision) }
        }
        let applies = evaluation.firing.decisionApplies
        let settled = compiled.decisions.indices.filter { applies[$0] && !movable.contains($0) }
        return WhatIfReport(rows: rows, settled: settled.map { compiled.decisions[$0].id })
    }

    /// The default ``parallelThreshold``: below it a thread costs more than it saves.
    static let parallelThreshold = 32

    /// The rows of `pending` questions. Many questions are shared among the processors, each with its own working
    /// copy of the evaluation; few are computed here, on the evaluation itself (moved out and back).
    private func compute(
        _ pending: [Int], answers: AnswerSet, evaluation: inout RecommendationEngine.Evaluation,
        resolver: inout LocalResolver
    ) -> [(Int, Entry)] {
        // Each thread copies the evaluation (sized by the knowledge base), so a few rows of a large knowledge base, as
        // after one answer, stay on this thread.
        let worthIt = max(parallelThreshold, engine.compiled.questions.count / 8)
        let threads = pending.count < worthIt ? 1 : min(pending.count / parallelThreshold + 1, Processors.online, 8)
        if threads <= 1 {
            var sweep = WhatIfSweep(engine: engine, answers: answers, evaluation: evaluation, resolver: resolver)
            evaluation = RecommendationEngine.Evaluation.placeholder  // the sweep holds the only copy while it works
            let computed = pending.map { ($0, sweep.rows(for: $0)) }
            evaluation = sweep.evaluation
            resolver = sweep.resolver
            return computed
        }
        let results = ChunkResults<(Int, Entry)>(count: threads)
        let engine = self.engine
        let base = evaluation
        let structures = resolver
        DispatchQueue.concurrentPerform(iterations: threads) { chunk in
            let range = (pending.count * chunk / threads)..<(pending.count * (chunk + 1) / threads)
            var sweep = WhatIfSweep(engine: engine, answers: answers, evaluation: base, resolver: structures)
            results.set(chunk, pending[range].map { ($0, sweep.rows(for: $0)) })
        }
        return results.joined()
    }
}
