import KnowledgeModel
import RecommendationEngine

/// The questions behind a decision: those whose answers triggered a rule on any of its options, then those
/// whose alternative answers would change it (what-if), in interview order.
enum DecisionExplanation {
    /// What the interface says instead of a choice when nothing in the answers favours one option (a 0-0 tie that
    /// only the order of the options would settle: ``DecisionOutcome/hasNoPreference``), as the review does.
    static let noPreference = "no preference"
    /// Why there is no preference, and how to choose.
    static let noPreferenceReason = "nothing in your answers favours one option; pick by team familiarity"

    static func questionsBehind(_ decisionID: String, _ state: TUIState, _ knowledgeBase: KnowledgeBase) -> [String] {
        var ids: Set<String> = []
        if let outcome = state.advice.review?.decision(decisionID) {
            for option in outcome.options {
                for contribution in option.contributions + option.exclusions {
                    ids.formUnion(contribution.triggeredBy.map(\.questionID))
                }
            }
        }
        // The what-if rows that change this decision: a scan without hashing (a map of every decision's rows cost more
        // to build after each answer, thousands of rows at scale, than scanning for the one decision shown).
        (state.advice.whatIf?.rows ?? []).withUnsafeBufferPointer { rows in
            for index in rows.indices {
                let changes = rows[index].changes.withUnsafeBufferPointer { changes in
                    changes.indices.contains { changes[$0].decisionID == decisionID }
                }
                if changes { ids.insert(rows[index].questionID) }
            }
        }
        return knowledgeBase.inInterviewOrder(ids)
    }
}
