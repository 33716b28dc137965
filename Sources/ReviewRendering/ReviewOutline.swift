import KnowledgeModel
import RecommendationEngine

/// The structure every rendering of a review shares (text, Markdown, JSON): priorities first, compact decisions,
/// findings grouped by cause in fix order, and the checklist by category with answer-specific items first.
public struct ReviewOutline: Sendable {
    public let priorities: [ReviewPriority]
    public let findingGroups: [FindingGroup]
    /// Per applicable decision, in review order.
    public let summaries: [String: DecisionSummary]
    /// Every applicable checklist item by category (knowledge-base category order); within a category the
    /// answer-specific items first, then by priority (high first), then review order.
    public let checklist: [(category: ChecklistCategory, entries: [ChecklistEntry])]
    /// The items the standard view shows as high, under PRIORITIES or CHECKLIST: the checklist items among the
    /// priorities, then items not done, high priority and specific to these answers, those included by the most
    /// rules first; at most ``ReviewLimits/standardChecklistItems`` in all.
    public let standardChecklist: Set<String>

    public init(_ report: ReviewReport) {
        let review = report.review
        let kb = report.knowledgeBase
        findingGroups = review.findingGroups(in: kb)
        priorities = review.priorities(in: kb, findingGroups: findingGroups)
        var summaries: [String: DecisionSummary] = [:]
        for outcome in review.decisions where outcome.status == .chosen {
            summaries[outcome.decisionID] = outcome.summary(in: kb)
        }
        self.summaries = summaries

        // The sort keys of each entry, worked out once (not in every comparison): answer-specific, priority, and
        // the review position of the first entry with its id.
        let entries = review.checklist
        var firstPosition: [String: Int] = [:]
        let position = entries.indices.map { index in
            let id = entries[index].item.id
            if let first = firstPosition[id] { return first }
            firstPosition[id] = index
            return index
        }
        let specific = entries.map(\.isAnswerSpecific)
        let priority = entries.map(\.item.priority)
        var byCategory: [(category: ChecklistCategory, entries: [ChecklistEntry])] = []
        for category in ChecklistCategory.allCases {
            let sorted = entries.indices.filter { entries[$0].item.category == category }.sorted { lhs, rhs in
                if specific[lhs] != specific[rhs] { return specific[lhs] }
                if priority[lhs] != priority[rhs] { return priority[lhs] > priority[rhs] }
                return position[lhs] < position[rhs]
            }
            if !sorted.isEmpty { byCategory.append((category, sorted.map { entries[$0] })) }
        }
        checklist = byCategory

        let candidates = review.checklist.enumerated().filter {
            !$0.element.done && $0.element.item.priority == .high && $0.element.isAnswerSpecific
        }.sorted { lhs, rhs in
            if lhs.element.includedBy.count != rhs.element.includedBy.count {
                return lhs.element.includedBy.count > rhs.element.includedBy.count
            }
            return lhs.offset < rhs.offset
        }
        var shown = priorities.filter { $0.kind == .checklist }.map(\.id)
        for candidate in candidates where shown.count < ReviewLimits.standardChecklistItems {
            if !shown.contains(candidate.element.item.id) { shown.append(candidate.element.item.id) }
        }
        standardChecklist = Set(shown)
    }

    /// The checklist items hidden by the standard view.
    public func hiddenChecklistCount(_ report: ReviewReport) -> Int {
        report.review.checklist.count - standardChecklist.count
    }
}

extension ChecklistCategory {
    /// "Security"
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
