import KnowledgeModel
import RuleLanguage

/// The judgement conditions of the knowledge base compiled once: each option's `whenNot` entries and each
/// decision's complements, with the question slots they read, and the current-stack links resolved to slots.
struct CompiledJudgement: Sendable {
    struct Check: Sendable {
        let condition: CompiledCondition
        /// Question slots the condition reads.
        let reads: [Int]
    }

    struct CompiledComplement: Sendable {
        /// The complement's position in its decision's `complements`.
        let index: Int
        let option: Int
        /// Bit set per primary option it complements (all bits: any other option).
        let with: UInt64
        let check: Check?
    }

    /// whenNot[decision][option]: the option's counter-indications, in knowledge-base order.
    let whenNot: [[[Check]]]
    /// complements[decision]
    let complements: [[CompiledComplement]]
    /// Decisions with at least one whenNot entry or complement (their outcome reads answers beyond their rules).
    let judgedDecisions: [Int]
    /// For each decision slot, the current-stack question slot and the map from its option ids to option slots.
    let current: [(question: Int, options: [String: Int])?]
    /// For each question slot, the decisions whose whenNot or complement conditions read it.
    let decisionsReading: [[Int]]

    init(_ kb: KnowledgeBase, questionSlot: [String: Int], decisionSlot: [String: Int], optionSlot: [[String: Int]]) {
        func compile(_ condition: Condition) -> Check {
            Check(
                condition: CompiledCondition(
                    condition.expression, questionSlot: { questionSlot[$0] }, decisionSlot: { decisionSlot[$0] }),
                reads: condition.expression.questionIDs.compactMap { questionSlot[$0] })
        }
        var judged: [Int] = []
        var whenNot: [[[Check]]] = []
        var complements: [[CompiledComplement]] = []
        var current: [(question: Int, options: [String: Int])?] = []
        for (slot, decision) in kb.decisions.enumerated() {
            let options = decision.options.prefix(64).map { option in option.whenNot.map { compile($0.when) } }
            whenNot.append(options)
            var compiled: [CompiledComplement] = []
            for (index, complement) in decision.complements.enumerated() {
                guard let option = optionSlot[slot][complement.option] else { continue }
                var mask: UInt64 = complement.with.isEmpty ? ~0 : 0
                for id in complement.with { if let bit = optionSlot[slot][id] { mask |= 1 << UInt64(bit) } }
                mask &= ~(1 << UInt64(option))
                compiled.append(
                    CompiledComplement(index: index, option: option, with: mask, check: complement.when.map(compile)))
            }
            complements.append(compiled)
            if options.contains(where: { !$0.isEmpty }) || !compiled.isEmpty { judged.append(slot) }
            if let link = decision.current, let question = questionSlot[link.question] {
                var map: [String: Int] = [:]
                for (answer, option) in link.options { if let bit = optionSlot[slot][option] { map[answer] = bit } }
                current.append((question, map))
            } else {
                current.append(nil)
            }
        }
        var decisionsReading = [[Int]](repeating: [], count: questionSlot.count)
        for slot in judged {
            // Ascending without repeats (sorted, not a set: a set of integers costs a process its first use).
            let reads =
                (whenNot[slot].flatMap { $0.flatMap(\.reads) } + complements[slot].flatMap { $0.check?.reads ?? [] })
                .sorted()
            for (position, question) in reads.enumerated() where position == 0 || reads[position - 1] != question {
                decisionsReading[question].append(slot)
            }
        }
        // What runs today is the proposal of a decision linked to a current-stack question: its verdict reads it.
        for (slot, link) in current.enumerated() {
            guard let question = link?.question, !decisionsReading[question].contains(slot) else { continue }
            decisionsReading[question].append(slot)
        }
        self.decisionsReading = decisionsReading
        self.whenNot = whenNot
        self.complements = complements
        judgedDecisions = judged
        self.current = current
    }
}
