import KnowledgeModel
import RecommendationEngine

/// "What do you plan to use?": proposing an option for a decision from the review. The proposal is saved with the
/// answers (`proposed:`) and judged by the review (agrees, differs, ruled out); it never changes the recommendation.
extension TUIReducer {
    func proposeKey(_ key: Key, decisionID: String, cursor: Int, _ state: inout TUIState) -> [TUIEffect] {
        guard let decision = knowledgeBase.decision(decisionID) else {
            state.overlay = nil
            return []
        }
        let rows = decision.options.count + 1  // the options, then "no plan"
        var cursor = cursor
        switch keyMap.action(for: key, in: .review) {
        case .up?: move(&cursor, by: -1, count: rows)
        case .down?: move(&cursor, by: 1, count: rows)
        case .top?: cursor = 0
        case .bottom?: cursor = rows - 1
        case .select?, .toggle?:
            state.overlay = nil
            if let option = decision.options.element(at: cursor) {
                state.answers.proposed[decision.id] = [option.id]
            } else {
                state.answers.proposed[decision.id] = nil
            }
            refresh(&state, trackChanges: false)
            state.status = StatusLine(planStatus(decision, state), role: .success)
            return [.save(state.answers)]
        default:
            state.overlay = nil
            return []
        }
        state.overlay = .propose(decisionID: decisionID, cursor: cursor)
        return []
    }

    /// The verdict on the new plan, in one line.
    private func planStatus(_ decision: Decision, _ state: TUIState) -> String {
        guard let verdict = state.advice.review?.proposals.first(where: { $0.decisionID == decision.id }),
            verdict.origin == .proposed, let proposed = decision.option(verdict.proposed[0])
        else { return "No plan for \(decision.title.lowercased()); the review decides." }
        let recommended = verdict.recommended.flatMap(decision.option)?.name ?? "no option"
        switch verdict.verdict {
        case .agrees: return "Your plan \(proposed.name) agrees with the review."
        case .differs: return "Your plan \(proposed.name) differs: the review recommends \(recommended)."
        case .ruledOut: return "Your plan \(proposed.name) is ruled out here: see Findings."
        case .notApplicable: return "Planned \(proposed.name); the decision does not apply to these answers."
        }
    }
}
