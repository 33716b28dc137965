import Dispatch
import KnowledgeModel
import RuleLanguage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        var rows = WhatIfRows(engine: self, parallelThreshold: parallelThreshold)
        var resolver = LocalResolver(compiled: compiled)
        return rows.report(answers: answers, evaluation: &evaluation, resolver: &resolver)
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

/// One result list per chunk of a parallel loop, each written by exactly one thread (then read after the loop).
private final class ChunkResults<Element>: @unchecked Sendable {
    private let lists: UnsafeMutableBufferPointer<[Element]>

    init(count: Int) {
        lists = .allocate(capacity: count)
        lists.initialize(repeating: [])
    }

    deinit {
        lists.deinitialize()
        lists.deallocate()
    }

    func set(_ chunk: Int, _ list: [Element]) { lists[chunk] = list }

    func joined() -> [Element] { Array(lists.joined()) }
}

/// The number of processors online (at least 1).
enum Processors {
    static let online: Int = {
        #if canImport(Glibc)
            return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #elseif canImport(Darwin)
            return max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
        #else
            return 1
        #endif
    }()
}

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
    /// starts or stops applying, no option becomes allowed again, no chosen option is excluded, chosen options only
    /// gain and other options only lose. Any other combination then gains at most what the current one gains, and
    /// among equal totals the tie rule still prefers the current one (the scores it compares did not change).
    private func choiceCertainlyStays(_ delta: RuleFiring.Delta) -> Bool {
        guard delta.decisionUndo.isEmpty else { return false }
        let firing = evaluation.firing
        let choice = evaluation.solution.choice
        for index in delta.toggled {
            let rule = compiled.rules[index]
            let on = firing.fired[index]
            for effect in rule.scores where firing.decisionApplies[effect.decision] {
                guard let chosen = choice[effect.decision] else { continue }  // infeasible: scores do not matter
                let gain = on ? effect.weight : -effect.weight
                if effect.option == chosen ? gain < 0 : gain > 0 { return false }
            }
            for exclusion in rule.excludes where firing.decisionApplies[exclusion.decision] {
                if on {
                    if choice[exclusion.decision] == exclusion.option { return false }
                } else if firing.exclusionCounts[exclusion.decision][exclusion.option] == 0 {
                    return false
                }
            }
        }
        return true
    }

    /// The decisions whose choice differs when question `slot` takes `value`, in decision order.
    private mutating func changes(setting slot: Int, to value: Value) -> [(decision: Int, choice: Int?)] {
        // 1. The question and its follow-ups (transitively).
        var visited: [Int] = []
        var changedQuestions: [Int] = []
        var undo: [AnswerState.Saved] = []
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
        let delta = evaluation.firing.refire(
            changedQuestions: changedQuestions, state: evaluation.state, compiled: compiled, rules: &ruleMarks,
            decisions: &decisionMarks)
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
                    newChoice[decision] = component.assignment?[position]
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
