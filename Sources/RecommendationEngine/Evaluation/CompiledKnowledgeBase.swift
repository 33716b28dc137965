import KnowledgeModel
import RuleLanguage

/// The knowledge base with every condition compiled to slots and every id resolved to an index, built once per
/// engine so that reviews do no string lookups on the hot path.
final class CompiledKnowledgeBase: Sendable {
    /// A class, not a struct: the hot loops (re-firing, what-if) take a rule out of the array many thousand times
    /// per sweep, and a struct copy retained each of its six arrays and dictionaries; a reference is one retain.
    final class CompiledRule: Sendable {
        let index: Int
        /// Question slots the condition and the interpolations of its texts read.
        let reads: [Int]
        /// The rule's texts with interpolations, by field (`because`, `finding.title`, ...); empty for most rules.
        let texts: [String: CompiledText]
        let scores: [(decision: Int, option: Int, weight: Int)]
        let excludes: [(decision: Int, option: Int)]
        let includes: [Int]

        init(
            index: Int, reads: [Int], texts: [String: CompiledText],
            scores: [(decision: Int, option: Int, weight: Int)], excludes: [(decision: Int, option: Int)],
            includes: [Int]
        ) {
            self.index = index
            self.reads = reads
            self.texts = texts
            self.scores = scores
            self.excludes = excludes
            self.includes = includes
        }
    }

    struct Constraint: Sendable {
        let sourceDecision: Int
        let sourceOption: Int
        let targetDecision: Int
        /// Bit i set when option i of the target decision is allowed.
        let allowed: UInt64
        let reason: String
        let text: String
    }

    let questions: [Question]
    let questionSlot: [String: Int]
    /// The askIf conditions lowered for the hot paths (the rules', askIf and appliesIf conditions are only ever
    /// evaluated lowered, so no other compiled form of them is made).
    let fastAskIf: [FastCondition?]
    /// Each question's option ids (the first 64) as bits, for interning answers (``AnswerState``).
    let optionBits: [[String: UInt64]]
    /// Question slots in an order where every askIf reads only earlier questions.
    let applicabilityOrder: [Int]
    let defaults: [Value?]

    let decisions: [Decision]
    let decisionSlot: [String: Int]
    let optionSlot: [[String: Int]]
    let fastAppliesIf: [FastCondition?]

    let rules: [CompiledRule]
    /// The rules' conditions lowered for the hot paths (firing, re-firing), by rule index.
    let ruleConditions: FastConditionSet
    /// For each question slot, the rules whose condition reads it.
    let rulesReading: [[Int]]
    /// The checklist conditions, lowered (a `chosen(...)` in them is evaluated by its compiled form), and the
    /// questions each reads, in the order it names them.
    let fastChecklistConditions: [FastCondition?]
    let checklistQuestionIDs: [[String]]
    /// For a checklist condition `a or b or ...`: each operand compiled, with the questions it reads (an item applies
    /// because of the operands that hold, not every answer the condition reads); nil for other conditions.
    let checklistOrOperands: [[(condition: CompiledCondition, questionIDs: [String])]?]
    /// Checklist items some rule includes (those without appliesIf then apply only when included).
    let includedByAnyRule: [Bool]
    let constraints: [Constraint]
    /// For each decision slot, the indexes of the constraints whose source option belongs to it.
    let constraintsBySource: [[Int]]
    /// For each decision slot, the indexes of the constraints that restrict it.
    let constraintsByTarget: [[Int]]
    /// Options per decision slot (at most 64 take part).
    let optionCounts: [Int]
    /// For each question slot, the questions whose askIf reads it.
    let askIfDependents: [[Int]]
    /// For each question slot, the decisions whose appliesIf reads it.
    let decisionsReading: [[Int]]
    /// For each question slot, the numeric literals conditions compare it with (for what-if).
    let thresholds: [[Double]]
    /// Multiple-choice question slots with exclusive options, and those option ids.
    let exclusiveOptions: [(slot: Int, options: [String])]
    /// The knowledge base's contradictions, compiled, and the question slots each reads.
    let contradictionConditions: [CompiledCondition]
    let contradictionReads: [[Int]]
    /// The components of the full constraint graph with their solver structures, built once here.
    let solverComponents: SolverComponents
    /// whenNot entries, complements and current-stack links.
    let judgement: CompiledJudgement

    init(_ kb: KnowledgeBase) {
        // By index throughout: iterating or mapping over the model arrays copied every (large) struct.
        let questionList = kb.questionsInInterviewOrder
        let decisionList = kb.decisions
        questions = questionList
        var questionSlot: [String: Int] = [:]
        questionSlot.reserveCapacity(questionList.count)
        for slot in questionList.indices { questionSlot[questionList[slot].id] = slot }
        self.questionSlot = questionSlot
        decisions = decisionList
        var decisionSlot: [String: Int] = [:]
        decisionSlot.reserveCapacity(decisionList.count)
        for slot in decisionList.indices { decisionSlot[decisionList[slot].id] = slot }
        self.decisionSlot = decisionSlot
        optionSlot = decisionList.indices.map { position in
            let options = decisionList[position].options
            var map: [String: Int] = [:]
            map.reserveCapacity(min(options.count, 64))
            for slot in options.indices where slot < 64 { map[options[slot].id] = slot }
            return map
        }
        let questionLookup = { (id: String) in questionSlot[id] }
        let decisionLookup = { (id: String) in decisionSlot[id] }
        optionBits = questions.map { question in
            var bits: [String: UInt64] = [:]
            for (position, option) in question.options.prefix(64).enumerated() where bits[option.id] == nil {
                bits[option.id] = 1 << UInt64(position)
            }
            return bits
        }
        let optionBits = self.optionBits
        func lower(_ condition: Condition?) -> FastCondition? {
            condition.map {
                FastCondition(
                    $0.expression, questionSlot: questionLookup, decisionSlot: decisionLookup,
                    optionBits: { optionBits[$0] })
            }
        }
        fastAskIf = questionList.indices.map { lower(questionList[$0].askIf) }
        defaults = questionList.indices.map { questionList[$0].defaultValue.map(Self.value(of:)) }
        applicabilityOrder = Self.topologicalOrder(questions, slots: questionSlot)
        fastAppliesIf = decisionList.indices.map { lower(decisionList[$0].appliesIf) }

        var rules: [CompiledRule] = []
        var rulesReading = [[Int]](repeating: [], count: questions.count)
        var includedByAnyRule = [Bool](repeating: false, count: kb.checklist.count)
        let optionSlot = self.optionSlot
        func resolve(_ ref: OptionRef) -> (Int, Int)? {
            guard let d = decisionSlot[ref.decision], let o = optionSlot[d][ref.option] else { return nil }
            return (d, o)
        }
        let questions = self.questions
        let unitOf = { (id: String) in questionSlot[id].flatMap { questions[$0].unit } }
        let kbRules = kb.rules
        // By index, borrowing each rule: iterating the array copied every (large) rule struct.
        for index in kbRules.indices {
            var readIDs = kbRules[index].when.expression.questionIDs
            var texts: [String: CompiledText] = [:]
            for (field, text) in kb.interpolatedTexts(ofRule: index) {
                texts[field] = CompiledText(text, questionSlot: questionLookup, unitOf: unitOf)
                for id in text.questionIDs where !readIDs.contains(id) { readIDs.append(id) }
            }
            let reads = readIDs.compactMap { questionSlot[$0] }
            for slot in reads { rulesReading[slot].append(index) }
            let includes = kbRules[index].includes.compactMap { kb.checklistPosition($0) }
            for item in includes { includedByAnyRule[item] = true }
            rules.append(
                CompiledRule(
                    index: index,
                    reads: reads,
                    texts: texts,
                    scores: kbRules[index].scores.compactMap { effect in
                        resolve(effect.target).map { ($0.0, $0.1, effect.weight) }
                    },
                    excludes: kbRules[index].excludes.compactMap { resolve($0).map { ($0.0, $0.1) } },
                    includes: includes))
        }
        self.rules = rules
        ruleConditions = FastConditionSet(kbRules.indices.map { lower(kbRules[$0].when)! })
        self.rulesReading = rulesReading
        self.includedByAnyRule = includedByAnyRule
        let checklist = kb.checklist
        fastChecklistConditions = checklist.indices.map { lower(checklist[$0].appliesIf) }
        checklistQuestionIDs = checklist.indices.map { checklist[$0].appliesIf?.expression.questionIDs ?? [] }
        checklistOrOperands = checklist.indices.map { index in
            guard case .or(let operands)? = checklist[index].appliesIf?.expression else { return nil }
            return operands.map {
                (CompiledCondition($0, questionSlot: questionLookup, decisionSlot: decisionLookup), $0.questionIDs)
            }
        }
        // Arrays sorted and stripped of repeats at the end rather than sets: a set of doubles is a generic type
        // nothing else instantiates, and its first use in a process costs a scan of the binary's conformances.
        var thresholds = [[Double]](repeating: [], count: questions.count)
        func collectThresholds(_ expression: Expression) {
            expression.visit { expression in
                guard case .compare(_, let left, let right, _) = expression else { return }
                switch (left, right) {
                case (.answer(let id, _), .literal(.number(let value), _)),
                    (.literal(.number(let value), _), .answer(let id, _)):
                    if let slot = questionSlot[id] { thresholds[slot].append(value) }
                default: break
                }
            }
        }
        // Rules, askIf, appliesIf, checklist: by index, without copying the conditions into one array.
        for index in kbRules.indices { collectThresholds(kbRules[index].when.expression) }
        let kbQuestions = kb.questions
        for index in kbQuestions.indices {
            if let expression = kbQuestions[index].askIf?.expression { collectThresholds(expression) }
        }
        for index in decisionList.indices {
            if let expression = decisionList[index].appliesIf?.expression { collectThresholds(expression) }
        }
        for index in checklist.indices {
            if let expression = checklist[index].appliesIf?.expression { collectThresholds(expression) }
        }
        self.thresholds = thresholds.map { values in
            var distinct: [Double] = []
            for value in values.sorted() where distinct.last != value { distinct.append(value) }
            return distinct
        }
        constraints = CompatibilityConstraint.all(in: kb).compactMap { constraint in
            guard let (d, o) = resolve(constraint.source), let target = decisionSlot[constraint.targetDecision]
            else { return nil }
            var mask: UInt64 = 0
            for id in constraint.allowed { if let bit = optionSlot[target][id] { mask |= 1 << UInt64(bit) } }
            let allowedText = constraint.allowed.sorted().joined(separator: ", ")
            return Constraint(
                sourceDecision: d, sourceOption: o, targetDecision: target, allowed: mask, reason: constraint.reason,
                text:
                    "\(constraint.source) requires \(constraint.targetDecision) in [\(allowedText)]: \(constraint.reason)"
            )
        }
        var constraintsBySource = [[Int]](repeating: [], count: decisions.count)
        for (index, constraint) in constraints.enumerated() {
            constraintsBySource[constraint.sourceDecision].append(index)
        }
        self.constraintsBySource = constraintsBySource
        var constraintsByTarget = [[Int]](repeating: [], count: decisions.count)
        for (index, constraint) in constraints.enumerated() {
            constraintsByTarget[constraint.targetDecision].append(index)
        }
        self.constraintsByTarget = constraintsByTarget
        optionCounts = decisions.map { min($0.options.count, 64) }
        solverComponents = SolverComponents(
            constraints: constraints, constraintsBySource: constraintsBySource, optionCounts: optionCounts)
        var askIfDependents = [[Int]](repeating: [], count: questions.count)
        // `questionIDs` has no repeats, and distinct ids are distinct slots: no set needed.
        for slot in questionList.indices {
            for id in questionList[slot].askIf?.expression.questionIDs ?? [] {
                if let read = questionSlot[id] { askIfDependents[read].append(slot) }
            }
        }
        self.askIfDependents = askIfDependents
        var decisionsReading = [[Int]](repeating: [], count: questions.count)
        for slot in decisionList.indices {
            for id in decisionList[slot].appliesIf?.expression.questionIDs ?? [] {
                if let read = questionSlot[id] { decisionsReading[read].append(slot) }
            }
        }
        self.decisionsReading = decisionsReading
        exclusiveOptions = questions.indices.compactMap { slot in
            let exclusive = questions[slot].options.filter(\.exclusive).map(\.id)
            return questions[slot].type == .multi && !exclusive.isEmpty ? (slot, exclusive) : nil
        }
        contradictionConditions = kb.contradictions.map {
            CompiledCondition($0.when.expression, questionSlot: questionLookup)
        }
        contradictionReads = kb.contradictions.map { $0.when.expression.questionIDs.compactMap { questionSlot[$0] } }
        judgement = CompiledJudgement(
            kb, questionSlot: questionSlot, decisionSlot: decisionSlot, optionSlot: self.optionSlot)
    }

    /// Converts an answer to a condition-language value.
    static func value(of answer: AnswerValue) -> Value {
        switch answer {
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .text(let text): return .text(text)
        case .choice(let id): return .text(id)
        case .choices(let ids): return .set(Set(ids))
        }
    }

    /// Orders questions so that each askIf reads only questions placed before it (interview order otherwise).
    private static func topologicalOrder(_ questions: [Question], slots: [String: Int]) -> [Int] {
        var order: [Int] = []
        var state = [UInt8](repeating: 0, count: questions.count)
        func visit(_ slot: Int) {
            if state[slot] != 0 { return }
            state[slot] = 1
            for id in questions[slot].askIf?.expression.questionIDs ?? [] {
                if let dependency = slots[id], state[dependency] == 0 { visit(dependency) }
            }
            state[slot] = 2
            order.append(slot)
        }
        for slot in questions.indices { visit(slot) }
        return order
    }
}
