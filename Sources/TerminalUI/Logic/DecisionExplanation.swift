import KnowledgeModel
import RecommendationEngine

/// The questions behind a decision: those whose answers triggered a rule on any of its options, then those
/// whose alternative answers would change it (what-if), in interview order.
enum DecisionExplanation {
    static func questionsBehind(_ decisionID: String, _ state: TUIState, _ knowledgeBase: KnowledgeBase) -> [String] {
        var ids: Set<String> = []
        if let outcome = state.advice.review?.decision(decisionID) {
            for option in outcome.options {
                for contribution in option.contributions + option.exclusions {
                    ids.formUnion(contribution.triggeredBy.map(\.questionID))
                }
            }
        }
        for row in state.advice.whatIf?.rows ?? [] where row.changes.contains(where: { $0.decisionID == decisionID }) {
            ids.insert(row.questionID)
        }
        return knowledgeBase.inInterviewOrder(ids)
    }
}
