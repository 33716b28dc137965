import KnowledgeModel
import RuleLanguage

/// Who reads what, and the fixed order of every review list: what lets a review be patched after an answer changes
/// instead of rebuilt (``ReviewSession``), and lets what-if know which rows an answer can disturb. Built once per
/// engine, from the knowledge base alone.
final class DependencyIndex: Sendable {
    /// For each decision slot, the rules that score or exclude one of its options, ascending.
    let rulesTargeting: [[Int]]
    /// For each checklist item, the rules that include it, ascending.
    let rulesIncluding: [[Int]]
    /// For each question slot, the checklist items whose appliesIf reads it.
    let checklistReadingQuestion: [[Int]]
    /// For each decision slot, the checklist items whose appliesIf reads `chosen(...)` of it.
    let checklistReadingDecision: [[Int]]
    /// For each decision slot, the question slots its appliesIf reads.
    let decisionReads: [[Int]]
    /// For each question slot, the question slots its askIf reads.
    let askIfReads: [[Int]]
    /// For each question slot, its position in ``CompiledKnowledgeBase/applicabilityOrder``.
    let applicabilityRank: [Int]
    /// Rules with a tension, ascending.
    let tensionRules: [Int]
    /// For each question slot, the tension rules that name it in `between` (their raised tension quotes it).
    let tensionRulesNaming: [[Int]]
    /// For each question slot, the position of its section in the knowledge base's `sections` (-1: none).
    let sectionOfQuestion: [Int]
    /// Rules with a finding, in the review's finding order (severity, high first, then rule id).
    let findingRules: [Int]
    /// Each rule's position in ``findingRules`` (-1 when it has no finding).
    let findingRank: [Int]
    /// Checklist items in the review's order (category, priority high first, knowledge-base order).
    let checklistOrder: [Int]
    /// Each checklist item's position in ``checklistOrder``.
    let checklistRank: [Int]

    init(_ kb: KnowledgeBase, compiled: CompiledKnowledgeBase) {
        var rulesTargeting = [[Int]](repeating: [], count: compiled.decisions.count)
        var rulesIncluding = [[Int]](repeating: [], count: kb.checklist.count)
        for rule in compiled.rules {
            var targets = rule.scores.map(\.decision) + rule.excludes.map(\.decision)
            targets.sort()
            for (position, decision) in targets.enumerated() where position == 0 || targets[position - 1] != decision {
                rulesTargeting[decision].append(rule.index)
            }
            // Ascending without repeats (a sort of a few items, no set).
            let includes = rule.includes.sorted()
            for (position, item) in includes.enumerated() where position == 0 || includes[position - 1] != item {
                rulesIncluding[item].append(rule.index)
            }
        }
        self.rulesTargeting = rulesTargeting
        self.rulesIncluding = rulesIncluding

        var checklistReadingQuestion = [[Int]](repeating: [], count: compiled.questions.count)
        var checklistReadingDecision = [[Int]](repeating: [], count: compiled.decisions.count)
        // By index: iterating the model arrays copied every (large) struct.
        let checklist = kb.checklist
        for item in checklist.indices {
            guard let expression = checklist[item].appliesIf?.expression else { continue }
            // The questions it reads, as the compiled knowledge base listed them.
            for id in compiled.checklistQuestionIDs[item] {
                if let slot = compiled.questionSlot[id] { checklistReadingQuestion[slot].append(item) }
            }
            for id in expression.decisionIDs {
                if let slot = compiled.decisionSlot[id] { checklistReadingDecision[slot].append(item) }
            }
        }
        self.checklistReadingQuestion = checklistReadingQuestion
        self.checklistReadingDecision = checklistReadingDecision
        let decisions = compiled.decisions
        decisionReads = decisions.indices.map { slot in
            (decisions[slot].appliesIf?.expression.questionIDs ?? []).compactMap { compiled.questionSlot[$0] }
        }
        let questions = compiled.questions
        askIfReads = questions.indices.map { slot in
            (questions[slot].askIf?.expression.questionIDs ?? []).compactMap { compiled.questionSlot[$0] }
        }
        var applicabilityRank = [Int](repeating: 0, count: compiled.questions.count)
        for (position, slot) in compiled.applicabilityOrder.enumerated() { applicabilityRank[slot] = position }
        self.applicabilityRank = applicabilityRank

        let rules = kb.rules
        tensionRules = rules.indices.filter { rules[$0].tension != nil }
        var tensionRulesNaming = [[Int]](repeating: [], count: compiled.questions.count)
        for rule in tensionRules {
            // Each named question once (distinct ids are distinct slots, so the order of ids does not matter).
            let between = rules[rule].tension!.between
            for (position, id) in between.enumerated() where !between[..<position].contains(id) {
                if let slot = compiled.questionSlot[id] { tensionRulesNaming[slot].append(rule) }
            }
        }
        self.tensionRulesNaming = tensionRulesNaming
        let sectionPosition = Dictionary(kb.sections.enumerated().map { ($1.id, $0) }) { first, _ in first }
        sectionOfQuestion = questions.indices.map { sectionPosition[questions[$0].section] ?? -1 }
        // The sort keys taken out once: comparing through the rules copied two whole rules per comparison.
        let findingKeys = rules.indices.compactMap { index in
            rules[index].finding.map { (index: index, severity: $0.severity, id: rules[index].id) }
        }
        findingRules = findingKeys.sorted { left, right in
            (left.severity, right.id) > (right.severity, left.id)
        }.map(\.index)
        var findingRank = [Int](repeating: -1, count: rules.count)
        for (position, rule) in findingRules.enumerated() { findingRank[rule] = position }
        self.findingRank = findingRank

        // One bucket per (category, priority high first), filled in knowledge-base order: the buckets in turn are
        // the order, with no sort and no hashing of the categories.
        let categories = ChecklistCategory.allCases
        func priorityBucket(_ priority: Priority) -> Int {
            switch priority {
            case .high: return 0
            case .medium: return 1
            case .low: return 2
            }
        }
        var buckets = [[Int]](repeating: [], count: categories.count * 3)
        for position in checklist.indices {
            let category = categories.firstIndex(of: checklist[position].category)!
            buckets[category * 3 + priorityBucket(checklist[position].priority)].append(position)
        }
        checklistOrder = buckets.flatMap { $0 }
        var checklistRank = [Int](repeating: 0, count: kb.checklist.count)
        for (position, item) in checklistOrder.enumerated() { checklistRank[item] = position }
        self.checklistRank = checklistRank
    }
}
