import RuleLanguage

/// The whole knowledge base: questions, decisions, rules, checklist, sources and reference catalogues.
///
/// Questions and options keep the authored order (files sorted by path, entries in file order): it is the interview
/// order and the tie-break order. Sections and decisions are sorted by `order`, then id; rules and checklist items
/// by id, so that moving them between files never changes a review. Lookups by id are O(1).
public struct KnowledgeBase: Sendable, Codable, Equatable {
    public private(set) var sections: [Section]
    public private(set) var questions: [Question]
    public private(set) var decisions: [Decision]
    public private(set) var rules: [Rule]
    public private(set) var checklist: [ChecklistItem]
    public private(set) var sources: [Source]
    public private(set) var references: [ReferenceSet]
    /// What `stackwise scan` recognises (technologies and npm package mappings).
    public private(set) var detection: DetectionCatalog
    /// Answer combinations that cannot all be true, by id.
    public private(set) var contradictions: [Contradiction]

    private var questionIndex: [String: Int] = [:]
    private var decisionIndex: [String: Int] = [:]
    private var checklistIndex: [String: Int] = [:]
    private var sourceIndex: [String: Int] = [:]
    private var ruleIndex: [String: Int] = [:]
    /// Question positions in interview order (``questionsInInterviewOrder``), computed once.
    private(set) var interviewOrder: [Int] = []
    /// Per question position, its decisiveness (``decisiveness(ofQuestion:)``), computed with the order.
    private(set) var questionDecisiveness: [Int] = []
    /// Question id -> place in interview order.
    private var interviewRank: [String: Int] = [:]
    /// Each rule's interpolated texts, parsed, when they were read with the rules from the compact binary form
    /// (which stores them, so that making an engine parses no text); empty otherwise.
    private(set) var storedRuleTexts = ParsedRuleTexts()

    public init(
        sections: [Section] = [], questions: [Question] = [], decisions: [Decision] = [], rules: [Rule] = [],
        checklist: [ChecklistItem] = [], sources: [Source] = [], references: [ReferenceSet] = [],
        detection: DetectionCatalog = DetectionCatalog(), contradictions: [Contradiction] = []
    ) {
        self.contradictions = contradictions.sorted { $0.id < $1.id }
        self.sections = sections.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        self.questions = questions
        self.decisions = decisions.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        self.rules = rules.sorted { $0.id < $1.id }
        self.checklist = checklist.sorted { $0.id < $1.id }
        self.sources = sources
        self.references = references
        self.detection = detection
        buildIndexes()
    }

    /// A knowledge base whose arrays are already in their final order (read back from the compact binary form),
    /// with its interview order when that was stored too.
    init(
        ordered sections: [Section], questions: [Question], decisions: [Decision], rules: [Rule],
        checklist: [ChecklistItem], sources: [Source], references: [ReferenceSet], detection: DetectionCatalog,
        contradictions: [Contradiction], interview: (order: [Int], decisiveness: [Int])? = nil,
        ruleTexts: [[(field: String, text: InterpolatedText)]]? = nil
    ) throws(KnowledgeBaseBinaryError) {
        self.contradictions = contradictions
        self.sections = sections
        self.questions = questions
        self.decisions = decisions
        self.rules = rules
        self.checklist = checklist
        self.sources = sources
        self.references = references
        self.detection = detection
        if let ruleTexts {
            guard ruleTexts.count == rules.count else {
                throw KnowledgeBaseBinaryError(offset: 0, message: "the rule texts do not match the rules")
            }
            storedRuleTexts = ParsedRuleTexts(byRule: ruleTexts)
        }
        if let interview {
            guard interview.order.count == questions.count else {
                throw KnowledgeBaseBinaryError(offset: 0, message: "the interview order does not cover the questions")
            }
            buildIndexes(interview: interview)
        } else {
            buildIndexes()
        }
    }

    enum CodingKeys: String, CodingKey {
        case sections, questions, decisions, rules, checklist, sources, references, detection, contradictions
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sections = try container.decode([Section].self, forKey: .sections)
        questions = try container.decode([Question].self, forKey: .questions)
        decisions = try container.decode([Decision].self, forKey: .decisions)
        rules = try container.decode([Rule].self, forKey: .rules)
        checklist = try container.decode([ChecklistItem].self, forKey: .checklist)
        sources = try container.decode([Source].self, forKey: .sources)
        references = try container.decode([ReferenceSet].self, forKey: .references)
        detection = try container.decodeIfPresent(DetectionCatalog.self, forKey: .detection) ?? DetectionCatalog()
        contradictions = try container.decodeIfPresent([Contradiction].self, forKey: .contradictions) ?? []
        buildIndexes()
    }

    /// The lookups by id, and the interview order (computed unless `interview` gives it).
    private mutating func buildIndexes(interview: (order: [Int], decisiveness: [Int])? = nil) {
        func index<T: Identifiable>(_ items: [T]) -> [String: Int] where T.ID == String {
            var result: [String: Int] = [:]
            result.reserveCapacity(items.count)
            // Each id read in place through the buffer: iterating the items, or reading `id` through the array's
            // subscript, copied each (large) struct. Last to first, so that the first of repeated ids wins with one
            // hash per item.
            items.withUnsafeBufferPointer { buffer in
                for position in buffer.indices.reversed() { result[buffer[position].id] = position }
            }
            return result
        }
        questionIndex = index(questions)
        decisionIndex = index(decisions)
        checklistIndex = index(checklist)
        sourceIndex = index(sources)
        ruleIndex = index(rules)
        (interviewOrder, questionDecisiveness) =
            interview
            ?? InterviewOrder.positions(questions: questions, sections: sections, rules: rules, decisions: decisions)
        interviewRank.reserveCapacity(interviewOrder.count)
        for (rank, position) in interviewOrder.enumerated() { interviewRank[questions[position].id] = rank }
    }

    public func question(_ id: String) -> Question? { questionIndex[id].map { questions[$0] } }
    /// The question that was called `formerID` before it was renamed (``Question/formerly``); nil when none was.
    public func questionRenamed(from formerID: String) -> Question? {
        questions.first { $0.formerly.contains(formerID) }
    }
    public func decision(_ id: String) -> Decision? { decisionIndex[id].map { decisions[$0] } }
    public func checklistItem(_ id: String) -> ChecklistItem? { checklistIndex[id].map { checklist[$0] } }
    public func source(_ id: String) -> Source? { sourceIndex[id].map { sources[$0] } }
    public func rule(_ id: String) -> Rule? { ruleIndex[id].map { rules[$0] } }
    public func section(_ id: String) -> Section? { sections.first { $0.id == id } }

    /// Position of a question in `questions`.
    public func questionPosition(_ id: String) -> Int? { questionIndex[id] }
    /// Position of a decision in `decisions`.
    public func decisionPosition(_ id: String) -> Int? { decisionIndex[id] }
    /// Position of a checklist item in `checklist`.
    public func checklistPosition(_ id: String) -> Int? { checklistIndex[id] }
    /// Position of a rule in `rules` (reading one field of `rules[position]` copies only that field, where
    /// ``rule(_:)`` copies the whole rule).
    public func rulePosition(_ id: String) -> Int? { ruleIndex[id] }

    /// The option a reference names, if both the decision and the option exist.
    public func option(_ ref: OptionRef) -> DecisionOption? { decision(ref.decision)?.option(ref.option) }

    /// Questions in interview order: sections in order; inside a section the most decisive questions first (what
    /// an answer can move: decisions, findings, tensions, which questions are asked), each follow-up after the questions its `askIf` reads,
    /// ties in authored order.
    public var questionsInInterviewOrder: [Question] { interviewOrder.map { questions[$0] } }

    /// The place of a question in ``questionsInInterviewOrder`` (0 first), in O(1): for ordering a few ids without
    /// building the whole list.
    public func interviewRank(ofQuestion id: String) -> Int? { interviewRank[id] }

    /// `ids` (known questions only, without repeats) in interview order.
    public func inInterviewOrder(_ ids: some Sequence<String>) -> [String] {
        Set(ids).compactMap { id in interviewRank[id].map { (id, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// The decisiveness behind ``questionsInInterviewOrder``: how many decisions, findings, tensions and questions an answer to
    /// the question can move.
    public func decisiveness(ofQuestion id: String) -> Int {
        questionIndex[id].map { questionDecisiveness[$0] } ?? 0
    }

    /// The texts of the rule at `position` in ``rules`` that interpolate, parsed (``Rule/interpolatedTexts``): kept
    /// from the compact binary form when the knowledge base was read from it, else parsed now.
    public func interpolatedTexts(ofRule position: Int) -> [(field: String, text: InterpolatedText)] {
        storedRuleTexts.byRule.count == rules.count
            ? storedRuleTexts.byRule[position] : rules[position].interpolatedTexts
    }

    /// All findings rules can raise, in rule order.
    public var findings: [Finding] { rules.compactMap(\.finding) }
    /// All tensions rules can raise, in rule order.
    public var tensions: [Tension] { rules.compactMap(\.tension) }
}

extension KnowledgeBase: ConditionSchema {
    public func answerType(ofQuestion id: String) -> AnswerType? {
        guard let question = question(id) else { return nil }
        switch question.type {
        case .yesno: return .yesNo
        case .number: return .number
        case .text: return .text
        case .single: return .single(options: question.options.map(\.id))
        case .multi: return .multi(options: question.options.map(\.id))
        }
    }

    public func optionIDs(ofDecision id: String) -> [String]? { decision(id)?.options.map(\.id) }
    public var allQuestionIDs: [String] { questions.map(\.id) }
    public var allDecisionIDs: [String] { decisions.map(\.id) }
}

/// Parsed interpolations kept beside the rules they were parsed from (``KnowledgeBase/interpolatedTexts(ofRule:)``).
/// Derived from the rules, so it takes no part in comparing knowledge bases: two with equal rules are equal whether
/// or not their texts were kept parsed.
struct ParsedRuleTexts: Sendable, Equatable {
    var byRule: [[(field: String, text: InterpolatedText)]] = []

    static func == (lhs: ParsedRuleTexts, rhs: ParsedRuleTexts) -> Bool { true }
}
